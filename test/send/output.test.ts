import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli } from '../support/cli.js';
import { runInProcess } from '../support/inproc.js';
import { startServer, type TestServer } from '../support/server.js';

const SECRET = 'whsec_output_test';
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('what send prints', () => {
  it('a password in the target URL is masked in --json and --dry-run output', async () => {
    const to = 'http://user:s3cretpw@localhost:3999/hooks';
    const json = await runInProcess(['send', 'job.completed', '--to', to, '--secret', SECRET, '--dry-run', '--json']);
    const dry = await runInProcess(['send', 'job.completed', '--to', to, '--secret', SECRET, '--dry-run']);
    expect(JSON.parse(json.stdout).request.url).toBe('http://user:***@localhost:3999/hooks');
    expect(dry.stdout).toContain('→ POST http://user:***@localhost:3999/hooks');
    expect(json.stdout + dry.stdout + json.stderr + dry.stderr).not.toContain('s3cretpw');
  });

  it('with --expect, the line is marked by the expectation: ✔ for an expected 401, ✘ for a 200 that was not expected', async () => {
    server = await startServer((req, res) => {
      res.statusCode = req.url === '/reject' ? 401 : 200;
      res.end();
    });
    const met = await runInProcess(['send', 'job.completed', '--to', `${server.url}/reject`, '--secret', SECRET, '--expect', '401']);
    expect(met.code).toBe(0);
    expect(met.stdout).toMatch(/^✔ 401 Unauthorized /);
    const unmet = await runInProcess(['send', 'job.completed', '--to', `${server.url}/accept`, '--secret', SECRET, '--expect', '4xx']);
    expect(unmet.code).toBe(1);
    expect(unmet.stdout).toMatch(/^✘ 200 OK /);
  });

  it('a burst that got no response at all says so instead of printing zero latencies', async () => {
    const r = await runInProcess(['send', 'job.completed', '--to', 'localhost:1', '--secret', SECRET, '--count', '3']);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('latency: no responses to time');
    expect(r.stdout).not.toMatch(/p50 0 ms/);
  });

  it('Ctrl-C during a burst exits 130 and says how far it got; the JSON summary is marked interrupted', async () => {
    let seen = 0;
    let tenSeen = () => {};
    const ten = new Promise<void>((resolve) => {
      tenSeen = resolve;
    });
    // The receiver takes 20 ms an answer, so the burst is still running when Ctrl-C comes.
    server = await startServer((_req, res) => {
      if (++seen === 10) tenSeen();
      setTimeout(() => res.end('ok'), 20);
    });
    const child = spawn(process.execPath, [BIN, '--json', 'send', 'job.completed', '--to', server.url, '--secret', SECRET, '--count', '500', '--concurrency', '2'], {
      cwd: ROOT,
      env: { ...process.env, CI: '1', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    await ten;
    child.kill('SIGINT');
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(130);
    const done = Number(/interrupted: (\d+) of 500 deliveries completed/.exec(stderr)?.[1]);
    expect(done).toBeGreaterThanOrEqual(5);
    expect(done).toBeLessThan(500);
    const summary = JSON.parse(stdout.trim().split('\n').at(-1) as string);
    expect(summary).toMatchObject({ type: 'summary', deliveries: 500, interrupted: true });
  });

  it('a burst whose receiver died names the commonest failure and counts each kind', async () => {
    let n = 0;
    const raw = createServer((req) => {
      n++;
      req.socket.destroy();
      // Each reset delivery is sent once more on a fresh connection (a kept-alive one may just have been closed).
      if (n === 4) raw.close();
    });
    await new Promise<void>((r) => raw.listen(0, '127.0.0.1', r));
    const port = (raw.address() as AddressInfo).port;
    const r = await runInProcess(['send', 'job.completed', '--to', String(port), '--secret', SECRET, '--count', '6', '--concurrency', '1']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`✗ 6 of 6 deliveries got no response (4 refused, 2 reset): connection refused by localhost:${port}`);
  });

  it('test and listen mask a target password too', async () => {
    const t = await runInProcess(['test', '--to', 'http://u:s3cretpw@localhost:1/x', '--secret', SECRET]);
    expect(t.code).toBe(3);
    expect(t.stderr).toContain('testing http://u:***@localhost:1/x');
    const l = await runCli(['--json', 'listen', '--port', '0', '--no-store', '--forward-to', 'http://u:s3cretpw@localhost:1/app', '--timeout', '1']);
    expect(JSON.parse(l.stdout.split('\n')[0] as string)).toMatchObject({ type: 'listening', forwardTo: 'http://u:***@localhost:1/app' });
    expect(t.stdout + t.stderr + l.stdout + l.stderr).not.toContain('s3cretpw');
  });
});
