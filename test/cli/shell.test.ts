import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_PROVIDERS } from '../../src/index.js';
import { BIN, ROOT, runCli } from '../support/cli.js';
import { runInProcess } from '../support/inproc.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const lines = (s: string) => s.trim().split('\n').filter(Boolean);

describe('CLI shell', () => {
  it('--version prints the package version', async () => {
    const r = await runCli(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  it('events --json lists every seed event under its provider', async () => {
    const r = await runCli(['events', '--json']);
    expect(r.code).toBe(0);
    const byProvider = Object.fromEntries(
      lines(r.stdout)
        .map((l) => JSON.parse(l))
        .map((o) => [o.provider, o.events.map((e: { name: string }) => e.name)]),
    );
    expect(byProvider).toMatchObject({
      changethisfile: ['job.completed', 'job.failed'],
      mediaconvert: ['job.completed', 'job.failed', 'job.progress'],
      transcodely: ['job.completed', 'job.failed', 'job.canceled', 'job.partial', 'job.awaiting_confirmation'],
      ittybit: ['job.completed', 'job.failed'],
      'download-api': ['download.started', 'download.progress', 'download.completed', 'download.failed'],
    });
    expect(byProvider.stripe).toEqual(expect.arrayContaining(['payment_intent.succeeded', 'checkout.session.completed', 'invoice.paid', 'customer.subscription.updated']));
    expect(byProvider.github).toEqual(expect.arrayContaining(['ping', 'push', 'pull_request.opened', 'pull_request.closed']));
    expect(byProvider.github).toHaveLength(261);
  });

  it('providers --json lists every provider id, marking the default', async () => {
    const r = await runCli(['providers', '--json']);
    const rows = lines(r.stdout).map((l) => JSON.parse(l));
    expect(rows.map((p) => p.id)).toEqual(BUILTIN_PROVIDERS.map((p) => p.id));
    expect(rows.filter((p) => p.default).map((p) => p.id)).toEqual(['transcodely']);
  });

  it('providers and events include custom providers from the config file', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'hookctl-cli-'));
    writeFileSync(
      join(cwd, '.hookctlrc.json'),
      JSON.stringify({ provider: 'acme', providers: [{ id: 'acme', extends: 'github', events: [{ name: 'deploy', description: 'a deploy', payload: { ok: true } }] }] }),
    );
    const r = await runInProcess(['events', '--json'], { cwd });
    const acme = lines(r.stdout)
      .map((l) => JSON.parse(l))
      .find((o) => o.provider === 'acme');
    // extends keeps the parent's events; the config's come after them.
    expect(acme.events.at(-1)).toEqual({ name: 'deploy', description: 'a deploy', origin: 'config' });
    expect(acme.events.find((e: { name: string }) => e.name === 'push')).toMatchObject({ origin: 'builtin' });
  });

  it('an unknown command suggests the nearest one, exit 2, one line and a hint', async () => {
    const r = await runInProcess(['evnts']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual(["✗ unknown command 'evnts'", '  hint: Did you mean events?']);
  });

  it('an unknown option suggests the nearest one', async () => {
    const r = await runInProcess(['events', '--provder', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--provder'");
    expect(r.stderr).toContain('--provider');
  });

  it("an option error with no near match points at that command's --help", async () => {
    const r = await runInProcess(['verify', '--to', 'x']);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual(["✗ unknown option '--to'", '  hint: run hookctl verify --help']);
    const missing = await runInProcess(['listen', '--port']);
    expect(lines(missing.stderr)).toEqual(["✗ option '-p, --port <port>' argument missing", '  hint: run hookctl listen --help']);
  });

  it('bad input is one line with a hint, never a stack trace', async () => {
    for (const args of [
      ['events', '--provider', 'strip'],
      ['providers', '--config', 'does-not-exist.json'],
    ]) {
      const r = await runInProcess(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^✗ .+\n {2}hint: .+\n$/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it("every command's --help ends with an Examples block of hookctl commands", async () => {
    const commands = ['send', 'listen', 'verify', 'replay', 'captures', 'test', 'ui', 'providers', 'events', 'completion'];
    const top = await runInProcess(['--help']);
    for (const c of commands) expect(top.stdout).toMatch(new RegExp(`^  ${c}\\b`, 'm'));
    for (const c of commands) {
      const r = await runInProcess([c, '--help']);
      expect(r.code, c).toBe(0);
      const examples =
        r.stdout
          .split('Examples:\n')[1]
          ?.split('\n')
          .filter((l) => l.startsWith('  $ ')) ?? [];
      expect(examples.length, `${c} --help examples`).toBeGreaterThanOrEqual(2);
      for (const e of examples) expect(e, c).toMatch(/^ {2}\$ .*\bhookctl /);
    }
  });

  it('--help and --version load neither undici, ora nor cosmiconfig', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hookctl-imports-'));
    for (const args of [['--help'], ['--version'], ['send', '--help']]) {
      const log = join(dir, `${args.join('_')}.log`);
      writeFileSync(log, '');
      const r = spawnSync(process.execPath, ['--import', join(ROOT, 'test/support/import-log.mjs'), BIN, ...args], { env: { ...process.env, IMPORT_LOG: log }, encoding: 'utf8' });
      expect(r.status).toBe(0);
      const loaded = readFileSync(log, 'utf8');
      expect(loaded).toContain('dist/cli/main.js');
      expect(loaded).not.toMatch(/node_modules\/(undici|ora|cosmiconfig)\//);
    }
  });

  it.each([
    ['events', '--json'],
    ['providers', '--json'],
    ['send', 'job.completed', '--dry-run', '--count', '50', '--json'],
  ])('a reader that closes the pipe early (%s … | head) ends hookctl quietly with exit 0', async (...args) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, CI: '1', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    // Closed before the first write: every write hookctl makes meets EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|at .*\.js:\d+|Unhandled/);
    expect(code).toBe(0);
  });

  it('the development-secret warning reads the same in send and verify', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'hookctl-dev-'));
    const env = { HOME: cwd };
    const send = await runInProcess(['send', 'job.completed', '--dry-run'], { cwd, env });
    const verify = await runInProcess(['verify', '-', '--provider', 'transcodely'], { cwd, env, input: 'POST / HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}' });
    const warning = (stderr: string) =>
      lines(stderr)
        .find((l) => l.includes('development secret'))
        ?.replace(/(signing|verifying)/, '<doing>');
    const expected =
      '! no secret for transcodely: <doing> with its development secret whsec_ho…et (24 chars) (pass --secret, set HOOKCTL_SECRET_TRANSCODELY, or add secrets.transcodely to the config)';
    expect(warning(send.stderr)).toBe(expected);
    expect(warning(verify.stderr)).toBe(expected);
  });
});
