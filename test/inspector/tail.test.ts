import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../support/cli.js';
import { tempDir } from '../captures/helpers.js';
import { runInProcess } from '../support/inproc.js';
import { runLive } from './support.js';

/** `hookctl captures tail` in its own process: another terminal following the store listen writes. */
function startTail(args: string[], cwd: string) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', CI: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const waiters = new Set<() => void>();
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    out += d;
    for (const w of waiters) w();
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    err += d;
    for (const w of waiters) w();
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const until = (ok: () => boolean, what: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (ok()) {
          done();
          resolve();
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out waiting for ${what}\nstdout: ${out}\nstderr: ${err}`));
      }, 15_000);
      const done = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });
  return { child, exit, until, out: () => out, err: () => err };
}

describe('hookctl captures tail', () => {
  it('prints each new capture a running listen stores as one JSON line, and stops cleanly on SIGTERM and Ctrl-C', async () => {
    const cwd = tempDir('hookctl-tail-');
    const live = await runLive(['listen', '--port', '0', '--no-ui'], cwd);
    // One capture from before: tail prints only what comes after it started.
    expect((await runInProcess(['send', 'payment_intent.succeeded', '--provider', 'stripe', '--to', live.banner.url], { cwd })).code).toBe(0);
    await live.waitFor((l) => l.type === 'delivery');

    const tail = startTail(['--json', 'captures', 'tail'], cwd);
    await tail.until(() => tail.err().includes('following'), 'tail to start');
    const sent = await runInProcess(['--json', 'send', '--all', '--provider', 'stripe', '--to', live.banner.url], { cwd });
    expect(sent.code).toBe(0);
    const n = sent.stdout.trim().split('\n').length;
    expect(n).toBeGreaterThanOrEqual(4);
    await tail.until(() => tail.out().trim().split('\n').filter(Boolean).length >= n, `${n} lines`);
    const lines = tail
      .out()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(n);
    expect(lines.every((l) => l.provider === 'stripe' && l.verification.ok === true && typeof l.id === 'string')).toBe(true);
    expect(lines.map((l) => l.id)).toEqual([...lines.map((l) => l.id)].sort());
    tail.child.kill('SIGTERM');
    expect(await tail.exit).toBe(0);

    const human = startTail(['captures', 'tail'], cwd);
    await human.until(() => human.err().includes('following'), 'tail to start');
    await runInProcess(['send', 'invoice.paid', '--provider', 'stripe', '--to', live.banner.url], { cwd });
    await human.until(() => /✔ +stripe invoice\.paid +POST \/webhooks\/stripe +200/.test(human.out()), 'a human line');
    human.child.kill('SIGINT');
    expect(await human.exit).toBe(0);
    expect(await live.stop()).toBe(0);
  });
});

describe('a store that is not a directory', () => {
  it('tail and ui refuse it with one line and exit 2', async () => {
    const cwd = tempDir('hookctl-notdir-');
    writeFileSync(join(cwd, 'file'), 'not a store');
    for (const args of [
      ['captures', 'tail', '--store', 'file'],
      ['ui', '--store', 'file'],
    ]) {
      const r = await runInProcess(args, { cwd });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^✗ .*file is not a capture store \(not a directory\)\n {2}hint: point --store at a directory\n$/);
    }
  });
});
