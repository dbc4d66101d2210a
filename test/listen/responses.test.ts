import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sign } from '../../src/index.js';
import { startServer, type TestServer } from '../support/server.js';
import { captureWritten, post, startListen, type Listener } from './support.js';

const SECRET = 'listen_test_secret';
const body = JSON.stringify({ job_id: 'job_1', state: 'done' });
const signed = () => sign({ provider: 'changethisfile', secret: SECRET, body }).headers;

let cwd: string;
let listener: Listener | undefined;
let app: TestServer | undefined;
beforeEach(() => {
  cwd = mkdtempSync(join(tmpdir(), 'hookctl-listen-'));
});
afterEach(async () => {
  await listener?.stop();
  await app?.close();
  listener = undefined;
  app = undefined;
  rmSync(cwd, { recursive: true, force: true });
});

const listen = async (args: string[], json = true) => {
  listener = await startListen(['--secret', SECRET, ...args], { cwd, json });
  return listener;
};

describe('response control', () => {
  it('--respond 500,500,200 answers in turn, then repeats the last', async () => {
    const l = await listen(['--respond', '500,500,200']);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(l.url, body, signed())).status);
    expect(statuses).toEqual([500, 500, 200, 200, 200]);
    const lines = await l.deliveries(5);
    expect(lines.map((d) => d.response.status)).toEqual(statuses);
  });

  it('--status sets every answer, a --delay included (that the delay holds the answer back is the Ctrl-C test below)', async () => {
    const l = await listen(['--status', '202', '--delay', '300']);
    const res = await post(l.url, body, signed());
    expect(res.status).toBe(202);
  });

  it('Ctrl-C with a long --delay pending answers that request at once and exits 0', async () => {
    const l = await listen(['--delay', '600000']);
    const pending = post(l.url, body, signed());
    // Listen stores a delivery before its --delay starts: once it is on disk, the answer is being held.
    await captureWritten(join(cwd, '.hookctl', 'captures'));
    // At once: were the delay kept, the test would time out long before it ran out.
    const { code } = await l.stop('SIGINT');
    expect(code).toBe(0);
    expect((await pending).status).toBe(200);
    listener = undefined;
  }, 15_000);

  it('--reject-invalid answers 401 to a failed verification and 200 to a valid one', async () => {
    const l = await listen(['--reject-invalid']);
    const bad = await post(l.url, body, { 'X-CTF-Signature': `sha256=${'0'.repeat(64)}` });
    expect(bad.status).toBe(401);
    expect(JSON.parse(bad.body)).toMatchObject({ error: 'invalid signature', reason: 'no-match' });
    expect((await post(l.url, body, signed())).status).toBe(200);
  });

  it('marks a repeated body (no delivery id) as a duplicate of the first capture', async () => {
    const l = await listen([]);
    await post(l.url, body, signed());
    await post(l.url, body, signed());
    const [first, second] = await l.deliveries(2);
    expect(first?.duplicateOf).toBeUndefined();
    expect(second?.duplicateOf).toBe(first?.id);
  });

  it('a retry that lands after a restart on the same store is still a duplicate of the first capture', async () => {
    const first = await listen([]);
    await post(first.url, body, signed());
    const [original] = await first.deliveries(1);
    await first.stop('SIGINT');
    const second = await listen([], false);
    await second.stop('SIGINT');
    expect(second.stderr()).toContain('(1 earlier delivery remembered for duplicates)');
    const third = await listen([]);
    await post(third.url, body, signed());
    const [retry] = await third.deliveries(1);
    expect(retry?.duplicateOf).toBe(original?.id);
  });

  it('--no-store captures nothing on disk', async () => {
    const l = await listen(['--no-store']);
    expect((await post(l.url, body, signed())).status).toBe(200);
    await l.deliveries(1);
    expect(existsSync(join(cwd, '.hookctl'))).toBe(false);
  });
});

describe('--forward-to', () => {
  it("relays bytes and headers unchanged, and relays the app's status and body back", async () => {
    app = await startServer((req, res) => {
      res.writeHead(201, { 'content-type': 'text/plain', 'x-app': 'yes' });
      res.end(`app saw ${req.body.length} bytes`);
    });
    const l = await listen(['--forward-to', `${app.url}/app/hooks`]);
    const headers: [string, string][] = [['X-Custom-Case', 'Keep'], ...Object.entries(signed()), ['content-type', 'application/json'], ['x-multi', 'a'], ['x-multi', 'b']];
    const res = await post(`${l.url}/incoming?q=1`, body, headers);
    expect(res.status).toBe(201);
    expect(res.body).toBe(`app saw ${body.length} bytes`);
    expect(res.headers['x-app']).toBe('yes');
    const got = app.received[0];
    expect(got?.url).toBe('/app/hooks?q=1');
    expect(got?.body.toString()).toBe(body);
    const names = (got?.rawHeaders ?? []).filter((_, i) => i % 2 === 0);
    expect(names.filter((n) => ['X-Custom-Case', 'X-CTF-Signature', 'x-multi'].includes(n))).toEqual(['X-Custom-Case', 'X-CTF-Signature', 'x-multi', 'x-multi']);
    const [line] = await l.deliveries(1);
    expect(line).toMatchObject({ response: { status: 201 }, forward: { url: `${app.url}/app/hooks?q=1`, status: 201 }, verification: { ok: true } });
    expect(typeof line?.forward.ms).toBe('number');
  });

  it("relays the app's answer as it came: no Content-Type added, repeated headers kept, a Content-Length not chunks", async () => {
    app = await startServer((_req, res) => {
      res.statusCode = 202;
      res.setHeader('X-App', 'yes');
      res.setHeader('Set-Cookie', ['a=1', 'b=2']);
      res.write('pl');
      res.end('ain');
    });
    const l = await listen(['--forward-to', app.url]);
    const res = await post(`${l.url}/x`, body, signed());
    expect(res.status).toBe(202);
    expect(res.body).toBe('plain');
    expect(res.headers['content-type']).toBeUndefined();
    expect(res.headers['set-cookie']).toEqual(['a=1', 'b=2']);
    expect(res.headers['content-length']).toBe('5');
    expect(res.headers['transfer-encoding']).toBeUndefined();
  });

  it('a GET and a HEAD of one path, or one body posted to two paths, are not duplicates of each other', async () => {
    const l = await listen(['--no-store']);
    await post(`${l.url}/a`, body, {});
    await post(`${l.url}/b`, body, {});
    await post(`${l.url}/a`, body, {});
    const [a, b, again] = await l.deliveries(3);
    expect(b?.duplicateOf).toBeUndefined();
    expect(again?.duplicateOf).toBe(a?.id);
  });

  it("captures every header line, past Node's default of 2000 raw entries", async () => {
    const l = await listen([]);
    const many: [string, string][] = Array.from({ length: 1500 }, (_, i) => [`X-H${i}`, 'v']);
    expect((await post(l.url, body, many)).status).toBe(200);
    const [line] = await l.deliveries(1);
    expect((line!.headers as [string, string][]).filter(([k]) => k.startsWith('X-H'))).toHaveLength(1500);
  });

  it("a target without a path gets the request's own path", async () => {
    app = await startServer();
    const l = await listen(['--forward-to', app.url]);
    await post(`${l.url}/webhooks/ctf?x=2`, body, signed());
    await l.deliveries(1);
    expect(app.received[0]?.url).toBe('/webhooks/ctf?x=2');
  });

  it('an app that is down gives the sender a 502 and a clear line, and listen keeps going', async () => {
    app = await startServer();
    const port = app.port;
    await app.close();
    app = undefined;
    const l = await listen(['--forward-to', `127.0.0.1:${port}/hooks`], false);
    const res = await post(l.url, body, signed());
    expect(res.status).toBe(502);
    expect(JSON.parse(res.body).error).toMatch(/refused/);
    await l.waitFor((line) => /app unreachable: connection refused by 127\.0\.0\.1:\d+/.test(line.text ?? ''));
    expect((await post(l.url, body, signed())).status).toBe(502);
  });
});

describe('human output', () => {
  it('prints one line per delivery; --verbose adds headers and the pretty-printed body', async () => {
    const l = await listen(['--verbose'], false);
    await post(`${l.url}/webhooks/ctf`, body, signed());
    const line = await l.waitFor((x) => /POST/.test(x.text ?? ''));
    expect(line.text).toMatch(/^\d\d:\d\d:\d\d\.\d{3}  POST  \/webhooks\/ctf  changethisfile  job\.completed  ✔ verified  \d+ B  → 200  [0-9a-z]{18}$/);
    await l.waitFor((x) => /X-CTF-Signature: sha256=[0-9a-f]{64}/.test(x.text ?? ''));
    await l.waitFor((x) => /^\s+"state": "done"$/.test(x.text ?? ''));
    const stopped = await l.stop('SIGINT');
    expect(stopped.code).toBe(0);
    expect(l.stderr()).toMatch(/1 delivery: 1 verified, 0 failed/);
  });

  it('shows the failure reason on a ✘ line', async () => {
    const l = await listen([], false);
    await post(`${l.url}/x`, body, { 'X-CTF-Signature': 'sha256=zz' });
    const line = await l.waitFor((x) => /POST/.test(x.text ?? ''));
    expect(line.text).toMatch(/✘ malformed-signature: expected 64 hex characters/);
  });
});
