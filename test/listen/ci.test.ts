import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sign } from '../../src/index.js';
import { runInProcess } from '../support/inproc.js';
import { post, startListen } from './support.js';

const SECRET = 'ci_secret';
const body = JSON.stringify({ job_id: 'job_ci', status: 'completed' });
const good = () => sign({ provider: 'mediaconvert', secret: SECRET, body }).headers;
const bad = { 'X-MediaConvert-Signature': `sha256=${'f'.repeat(64)}` };

let cwd: string;
beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'hookctl-ci-'));
});
afterEach(() => rmSync(cwd, { recursive: true, force: true }));

describe('listen in CI', () => {
  it('--count n exits 0 after n deliveries, with a summary on stderr', async () => {
    const l = await startListen(['--secret', SECRET, '--count', '2'], { cwd });
    await post(l.url, body, good());
    await post(l.url, body, good());
    const { code } = await l.exit;
    expect(code).toBe(0);
    expect(l.lines.filter((x) => x.type === 'delivery')).toHaveLength(2);
    expect(l.lines.at(-1)).toMatchObject({ type: 'summary', deliveries: 2, verified: 2, failed: 0, duplicates: 1 });
    expect(l.stderr()).toMatch(/2 deliveries: 2 verified, 0 failed; 1 duplicate/);
  });

  it('--timeout exits 1 when fewer than --count deliveries came', async () => {
    const l = await startListen(['--secret', SECRET, '--count', '3', '--timeout', '1500'], { cwd });
    await post(l.url, body, good());
    const { code } = await l.exit;
    expect(code).toBe(1);
    expect(l.stderr()).toMatch(/✗ 1 of 3 expected deliveries arrived within 1500 ms/);
  });

  it('--timeout with no --count exits 1 when nothing came', async () => {
    const l = await startListen(['--timeout', '500'], { cwd });
    expect((await l.exit).code).toBe(1);
  });

  it('--strict exits 1 when a delivery failed verification', async () => {
    const l = await startListen(['--secret', SECRET, '--count', '2', '--strict'], { cwd });
    await post(l.url, body, good());
    await post(l.url, body, bad);
    const { code } = await l.exit;
    expect(code).toBe(1);
    expect(l.stderr()).toMatch(/✗ 1 of 2 deliveries failed verification \(--strict\)/);
    expect(l.stderr()).toMatch(/1 failed \(no-match 1\)/);
  });

  it('--strict exits 0 when every delivery verified', async () => {
    const l = await startListen(['--secret', SECRET, '--count', '1', '--strict'], { cwd });
    await post(l.url, body, good());
    expect((await l.exit).code).toBe(0);
  });

  it('Ctrl-C stops cleanly: summary on stderr, exit 0', async () => {
    const l = await startListen(['--secret', SECRET], { cwd, json: false });
    await post(l.url, body, good());
    await post(l.url, body, bad);
    await l.waitFor((x) => /no-match/.test(x.text ?? ''));
    const { code } = await l.stop('SIGINT');
    expect(code).toBe(0);
    expect(l.stderr()).toMatch(/2 deliveries: 1 verified, 1 failed \(no-match 1\); 1 duplicate; captures in /);
  });
});

describe('listen stopped by a signal', () => {
  it('SIGTERM (a cancelled CI job) stops as cleanly as Ctrl-C: summary, exit 0', async () => {
    const l = await startListen(['--secret', SECRET], { cwd });
    await post(l.url, body, good());
    const { code } = await l.stop('SIGTERM');
    expect(code).toBe(0);
    expect(l.lines.at(-1)).toMatchObject({ type: 'summary', deliveries: 1, verified: 1 });
  });

  it('Ctrl-C before --count deliveries arrived exits 130 and says how many had', async () => {
    const l = await startListen(['--secret', SECRET, '--count', '3'], { cwd });
    await post(l.url, body, good());
    const { code } = await l.stop('SIGINT');
    expect(code).toBe(130);
    expect(l.stderr()).toContain('interrupted: 1 of 3 expected deliveries had arrived');
  });
});

describe('listen usage and environment errors', () => {
  it('an empty --host is refused rather than binding every interface', async () => {
    const r = await runInProcess(['listen', '--port', '0', '--host', ''], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^✗ --host is empty\n {2}hint: pass --host 127\.0\.0\.1/);
  });

  it('a port in use exits 3 with a hint', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    const r = await runInProcess(['listen', '--port', String(port)], { cwd });
    blocker.close();
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(new RegExp(`✗ port ${port} is already in use\\n  hint: .*--port 0`));
  });

  it('bad options exit 2 with one line', async () => {
    for (const args of [
      ['listen', '--status', '99'],
      ['listen', '--respond', '500,abc'],
      ['listen', '--max-body', 'lots'],
      ['listen', '--port', '70000'],
      ['listen', '--provider', 'strpe'],
      ['listen', '--forward-to', 'localhost:3000', '--status', '500'],
      ['listen', '--forward-to', 'ftp://x'],
    ]) {
      const r = await runInProcess(args, { cwd });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.split('\n')[0], args.join(' ')).toMatch(/^✗ /);
    }
  });

  it('an unwritable store exits 3 before listening', async () => {
    writeFileSync(join(cwd, 'a-file'), 'not a directory');
    const r = await runInProcess(['listen', '--port', '0', '--store', 'a-file/captures'], { cwd });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/✗ cannot write captures to/);
  });

  it('--help shows every option and runnable examples', async () => {
    const r = await runInProcess(['listen', '--help']);
    expect(r.code).toBe(0);
    for (const opt of [
      '--port',
      '--host',
      '--provider',
      '--secret',
      '--store',
      '--no-store',
      '--forward-to',
      '--status',
      '--respond',
      '--delay',
      '--reject-invalid',
      '--max-body',
      '--count',
      '--timeout',
      '--strict',
      '--verbose',
    ]) {
      expect(r.stdout).toContain(opt);
    }
    expect(r.stdout).toMatch(/Examples:\n {2}\$ hookctl listen/);
  });
});
