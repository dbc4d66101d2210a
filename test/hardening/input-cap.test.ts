import { mkdtempSync, openSync, closeSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InterruptedError, readFileCapped } from '../../src/core/io/capped.js';
import { runInProcess as runIn } from '../support/inproc.js';

const MiB = 1024 * 1024;

describe('file and stdin input is capped and stops on a signal (issue 13, break 1)', () => {
  it('verify /dev/zero stops at the cap: exit 2 with one clear line', async () => {
    const r = await runIn(['verify', '/dev/zero', '--max-input', '1mb']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^✗ \/dev\/zero is larger than 1048576 bytes, the input cap\n  hint: .*--max-input/);
  });

  it('verify /dev/zero with the default cap (twice listen.maxBody) is refused too', async () => {
    const r = await runIn(['verify', '/dev/zero']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`is larger than ${20 * MiB} bytes, the input cap`);
  });

  it('a 2 GB sparse file is refused from its size, before reading', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hookctl-cap-'));
    const fd = openSync(join(dir, 'big.http'), 'w');
    ftruncateSync(fd, 2 * 1024 * MiB);
    closeSync(fd);
    for (const args of [
      ['verify', 'big.http'],
      ['replay', 'big.http', '--to', 'localhost:9'],
      ['verify', '--body', 'big.http', '-H', 'X-A: b'],
    ]) {
      const r = await runIn(args, { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('is larger than');
    }
  });

  it('send --data @/dev/zero and --data @- of an endless stdin stop at the cap', async () => {
    const r = await runIn(['send', 'job.completed', '--dry-run', '--data', '@/dev/zero', '--max-input', '64kb']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('✗ --data file /dev/zero is larger than 65536 bytes, the input cap');
    const stdin = new PassThrough();
    const feed = () => {
      while (stdin.write(Buffer.alloc(16 * 1024, 0x61)));
    };
    stdin.on('drain', feed);
    feed();
    const s = await runIn(['send', 'job.completed', '--dry-run', '--data', '@-', '--max-input', '64kb'], { stdin });
    expect(s.code).toBe(2);
    expect(s.stderr).toContain('✗ stdin is larger than 65536 bytes, the input cap');
  });

  it('a config that is a device is refused, not read', async () => {
    const r = await runIn(['--config', '/dev/zero', 'providers']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^✗ config file \/dev\/zero is not a regular file\n/);
  });

  it('Ctrl-C stops a read of stdin that never ends: exit 130, one line', async () => {
    const stdin = new PassThrough();
    const abort = new AbortController();
    // The first chunk read is the sign the read is under way; then the signal comes.
    stdin.once('resume', () => setImmediate(() => abort.abort()));
    stdin.write('POST / HTTP/1.1\r\n');
    const r = await runIn(['verify', '-'], { stdin, signal: abort.signal });
    expect(r.code).toBe(130);
    expect(r.stderr).toBe('✗ interrupted while reading stdin\n');
  });

  it('a signal stops a capped read of /dev/zero between chunks', async () => {
    const abort = new AbortController();
    const read = readFileCapped('/dev/zero', '/dev/zero', { max: 1024 * MiB, signal: abort.signal });
    abort.abort();
    await expect(read).rejects.toBeInstanceOf(InterruptedError);
  });
});

describe('the real process (issue 13, break 1)', () => {
  it('SIGTERM stops `hookctl verify -` reading an endless stdin: exit 130, one line', async () => {
    const { spawn } = await import('node:child_process');
    const { BIN } = await import('../support/cli.js');
    const child = spawn(process.execPath, [BIN, 'verify', '-'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', CI: '1' } });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    // A pipe holds 64 KiB: once 1 MiB has gone through it, hookctl is reading (its handlers are set): then the signal.
    child.stdin.on('error', () => {});
    child.stdin.write(Buffer.alloc(1024 * 1024, 0x61), () => child.kill('SIGTERM'));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    expect(stderr).toBe('✗ interrupted while reading stdin\n');
  });
});
