import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readdirSync, statSync, watch } from 'node:fs';
import { join } from 'node:path';
import { request, type IncomingHttpHeaders } from 'node:http';
import { BIN, ROOT } from '../support/cli.js';

export interface Listener {
  url: string;
  child: ChildProcessWithoutNullStreams;
  /** Every stdout line so far, parsed when JSON. */
  lines: Record<string, any>[];
  stdout(): string;
  stderr(): string;
  /** Resolves with the first line (after those already seen) that `match` accepts. */
  waitFor(match: (line: Record<string, any>) => boolean, timeoutMs?: number): Promise<Record<string, any>>;
  /** The next `n` delivery lines. */
  deliveries(n: number, timeoutMs?: number): Promise<Record<string, any>[]>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `hookctl --json listen --port 0 ...` in a child process; resolves once it prints its `listening` line. */
export async function startListen(args: string[], opts: { cwd?: string; env?: Record<string, string | undefined>; json?: boolean } = {}): Promise<Listener> {
  const json = opts.json ?? true;
  const child = spawn(process.execPath, [BIN, ...(json ? ['--json'] : []), 'listen', '--port', '0', ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, CI: '1', HOOKCTL_SECRET: undefined, HOOKCTL_PROVIDER: undefined, HOOKCTL_CONFIG: undefined, ...opts.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const lines: Record<string, any>[] = [];
  const waiters = new Set<() => void>();
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    out += d;
    const parts = out.split('\n');
    const complete = parts.slice(lines.length, -1);
    for (const l of complete) {
      try {
        lines.push(JSON.parse(l));
      } catch {
        lines.push({ text: l });
      }
    }
    for (const w of waiters) w();
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    err += d;
    for (const w of waiters) w();
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      for (const w of waiters) w();
      resolve({ code, signal });
    });
  });
  /** Resolves with the first value `probe` returns, re-checked on every output and on exit. */
  const until = <T>(probe: () => T | undefined, timeoutMs: number): Promise<T> =>
    new Promise((resolve, reject) => {
      const check = () => {
        const v = probe();
        if (v !== undefined) {
          done();
          resolve(v);
          return;
        }
        if (child.exitCode !== null || child.signalCode !== null) {
          done();
          reject(new Error(`listen exited (${child.exitCode}): ${err}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out waiting\nstdout: ${out}\nstderr: ${err}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });
  let cursor = 0;
  const waitFor: Listener['waitFor'] = (match, timeoutMs = 10_000) =>
    until(() => {
      while (cursor < lines.length) {
        const line = lines[cursor++] as Record<string, any>;
        if (match(line)) return line;
      }
      return undefined;
    }, timeoutMs);
  const url = json ? ((await waitFor((l) => l.type === 'listening')).url as string) : await until(() => /listening on (\S+)/.exec(err)?.[1], 10_000);
  return {
    url,
    child,
    lines,
    stdout: () => out,
    stderr: () => err,
    waitFor,
    async deliveries(n, timeoutMs) {
      const got: Record<string, any>[] = [];
      while (got.length < n) got.push(await waitFor((l) => l.type === 'delivery', timeoutMs));
      return got;
    },
    exit,
    async stop(signal = 'SIGINT') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exit;
    },
  };
}

/** POST raw bytes with the given header pairs, sent in order and casing, duplicates kept (node:http, not fetch). */
export function post(url: string, body: string | Buffer, headers: Record<string, string> | [string, string][] = {}): Promise<{ status: number; body: string; headers: IncomingHttpHeaders }> {
  const pairs = Array.isArray(headers) ? [...headers] : Object.entries(headers);
  // Raw header arrays switch off node's automatic Host and Content-Length.
  const has = (name: string) => pairs.some(([k]) => k.toLowerCase() === name);
  if (!has('host')) pairs.unshift(['Host', new URL(url).host]);
  if (!has('content-length') && !has('transfer-encoding')) pairs.push(['Content-Length', String(Buffer.byteLength(body))]);
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: pairs.flat(), agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), headers: res.headers }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Resolves once a capture segment in `segments` (a store's captures/ directory, made before listen
 * binds) holds bytes: re-checked on each change the directory reports, never on a timer.
 */
export function captureWritten(segments: string): Promise<void> {
  const written = () => existsSync(segments) && readdirSync(segments).some((f) => statSync(join(segments, f)).size > 0);
  return new Promise((resolve, reject) => {
    const watcher = watch(segments, () => {
      if (written()) done();
    });
    const done = () => {
      watcher.close();
      resolve();
    };
    watcher.on('error', reject);
    // Written before the watch began.
    if (written()) done();
  });
}
