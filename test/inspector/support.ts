import { PassThrough } from 'node:stream';
import { request } from 'node:http';
import { spawn } from 'node:child_process';
import { main } from '../../src/cli/main.js';
import { cryptoRandom } from '../../src/core/random.js';
import { BIN } from '../support/cli.js';

export interface Running {
  /** The `listening` object printed first (url, inspector...). */
  banner: Record<string, any>;
  /** Every stdout JSON line so far. */
  lines: Record<string, any>[];
  stderr(): string;
  /** Resolves once `match` accepts a line (already printed or to come); `ms` is an upper bound, not a measure. */
  waitFor(match: (l: Record<string, any>) => boolean, ms?: number): Promise<Record<string, any>>;
  stop(): Promise<number>;
}

/** `hookctl --json <args>` in this process, stopped by its own abort signal (Ctrl-C). */
export async function runLive(args: string[], cwd: string): Promise<Running> {
  const abort = new AbortController();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const lines: Record<string, any>[] = [];
  let err = '';
  let buf = '';
  const waiters = new Set<() => void>();
  stdout.setEncoding('utf8').on('data', (d: string) => {
    buf += d;
    const parts = buf.split('\n');
    buf = parts.pop() ?? '';
    for (const p of parts) if (p.trim()) lines.push(JSON.parse(p));
    for (const w of waiters) w();
  });
  stderr.setEncoding('utf8').on('data', (d: string) => {
    err += d;
  });
  let exited: number | undefined;
  const done = main(['--json', ...args], {
    stdout,
    stderr,
    stdin: new PassThrough(),
    cwd,
    now: Date.now,
    random: cryptoRandom(),
    env: { NO_COLOR: '1', CI: '1' },
    signal: abort.signal,
  }).then((code) => {
    exited = code;
    for (const w of waiters) w();
    return code;
  });
  const waitFor: Running['waitFor'] = (match, ms = 10_000) =>
    new Promise((resolve, reject) => {
      const check = () => {
        const hit = lines.find(match);
        if (hit) {
          finish();
          resolve(hit);
        } else if (exited !== undefined) {
          finish();
          reject(new Error(`exited ${exited}: ${err}`));
        }
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`timed out; stderr: ${err}`));
      }, ms);
      const finish = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });
  const banner = await waitFor((l) => l.type === 'listening');
  return {
    banner,
    lines,
    stderr: () => err,
    waitFor,
    stop: () => {
      abort.abort();
      return done;
    },
  };
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One request with exactly these header pairs (node:http keeps order, case and duplicates). */
export function http(url: string, o: { method?: string; headers?: [string, string][]; body?: string | Buffer } = {}): Promise<Answer> {
  const u = new URL(url);
  const pairs: [string, string][] = o.headers ?? [];
  if (!pairs.some(([k]) => k.toLowerCase() === 'host')) pairs.unshift(['Host', u.host]);
  if (o.body !== undefined) pairs.push(['Content-Length', String(Buffer.byteLength(o.body))]);
  return new Promise((resolve, reject) => {
    // The path as written (`new URL` would percent-encode `<` and `>`; a hostile sender does not).
    const path = url.slice(u.origin.length) || '/';
    const req = request({ host: u.hostname, port: u.port, path, method: o.method ?? 'GET', headers: pairs.flat(), agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(o.body);
  });
}

export async function getJson(url: string, headers: [string, string][] = []): Promise<any> {
  const res = await http(url, { headers });
  if (res.status !== 200) throw new Error(`${res.status}: ${res.body}`);
  return JSON.parse(res.body.toString());
}

/** `hookctl --json <args>` as a child process (the built CLI, which serves the built page); resolves at its `listening` line. */
export function spawnLive(args: string[], cwd: string): Promise<{ banner: Record<string, any>; stop(): Promise<number | null>; stderr(): string }> {
  const child = spawn(process.execPath, [BIN, '--json', ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', CI: '1', HOOKCTL_SECRET: undefined, HOOKCTL_CONFIG: undefined },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    err += d;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line: ${err}`)), 20_000);
    void exit.then((code) => reject(new Error(`exited ${code}: ${err}`)));
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const line = out.split('\n').find((l) => l.includes('"listening"'));
      if (!line) return;
      clearTimeout(timer);
      resolve({
        banner: JSON.parse(line),
        stderr: () => err,
        stop: () => {
          if (child.exitCode === null) child.kill('SIGINT');
          return exit;
        },
      });
    });
  });
}
