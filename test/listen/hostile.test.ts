import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sign } from '../../src/index.js';
import { openStore } from '../../src/core/store/index.js';
import { post, startListen, type Listener } from './support.js';

const SECRET = 'hostile_secret';
let cwd: string;
let l: Listener;
let host: string;
let port: number;

beforeAll(async () => {
  cwd = mkdtempSync(join(tmpdir(), 'hookctl-hostile-'));
  l = await startListen(['--secret', SECRET, '--max-body', '1kb', '--request-timeout', '1000'], { cwd });
  const u = new URL(l.url);
  host = u.hostname;
  port = Number(u.port);
});
afterAll(async () => {
  await l?.stop();
  rmSync(cwd, { recursive: true, force: true });
});

/**
 * Writes raw bytes on a fresh connection; resolves with everything the server sent back before it
 * closed. The client ends its side after `endAfterMs`, or never with `holdOpen` (or `drip`, a line
 * it keeps sending every 200 ms).
 */
function raw(data: string | Buffer, opts: { endAfterMs?: number; holdOpen?: boolean; drip?: string } = {}): Promise<{ text: string }> {
  return new Promise((resolve) => {
    const sock = connect({ host, port });
    let text = '';
    sock.setEncoding('latin1');
    sock.on('data', (d: string) => {
      text += d;
    });
    sock.on('error', () => {});
    const drip = opts.drip === undefined ? undefined : setInterval(() => sock.write(opts.drip as string), 200);
    sock.on('close', () => {
      clearInterval(drip);
      resolve({ text });
    });
    sock.write(data);
    if (!opts.holdOpen && !drip) setTimeout(() => sock.end(), opts.endAfterMs ?? 200);
  });
}

const statusOf = (text: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);

async function validDelivery(): Promise<void> {
  const body = JSON.stringify({ job_id: `job_${Date.now()}`, state: 'done' });
  const res = await post(`${l.url}/ok`, body, sign({ provider: 'changethisfile', secret: SECRET, body }).headers);
  expect(res.status).toBe(200);
  const line = await l.waitFor((x) => x.type === 'delivery' && x.path === '/ok');
  expect(line.verification.ok).toBe(true);
}

describe('listen under hostile input', () => {
  it('answers 413 to a body over --max-body, declared or chunked', async () => {
    const declared = await raw(`POST /big HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n${'a'.repeat(5000)}`);
    expect(statusOf(declared.text)).toBe(413);
    const chunk = 'b'.repeat(600);
    const chunked = await raw(`POST /big HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n258\r\n${chunk}\r\n258\r\n${chunk}\r\n0\r\n\r\n`);
    expect(statusOf(chunked.text)).toBe(413);
    await l.waitFor((x) => x.type === 'rejected' && x.status === 413);
    await validDelivery();
  });

  it('answers 400 to garbage request lines and headers, 431 to oversized headers', async () => {
    expect(statusOf((await raw('HELLO WORLD\r\n\r\n')).text)).toBe(400);
    expect(statusOf((await raw('POST / HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n')).text)).toBe(400);
    expect(statusOf((await raw('POST / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n')).text)).toBe(400);
    expect(statusOf((await raw(Buffer.concat([Buffer.from('\u0000\u0001\u0002'), randomBytes(200), Buffer.from('\r\n\r\n')]))).text)).toBe(400);
    expect(statusOf((await raw(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'h'.repeat(20_000)}\r\n\r\n`)).text)).toBe(431);
    await validDelivery();
  });

  it('stores invalid JSON and binary bodies byte-exact', async () => {
    const bad = '{"not": json,,,';
    const bin = randomBytes(700);
    expect((await post(`${l.url}/badjson`, bad, { 'content-type': 'application/json' })).status).toBe(200);
    expect((await post(`${l.url}/binary`, bin, { 'content-type': 'application/octet-stream' })).status).toBe(200);
    const badLine = await l.waitFor((x) => x.type === 'delivery' && x.path === '/badjson');
    const binLine = await l.waitFor((x) => x.type === 'delivery' && x.path === '/binary');
    expect(badLine.event).toBeNull();
    const store = openStore(join(cwd, '.hookctl'));
    expect((await store.get(badLine.id)).body.toString()).toBe(bad);
    expect((await store.get(binLine.id)).body.equals(bin)).toBe(true);
  });

  it('times out a slow client instead of letting it hold the connection', async () => {
    // Headers trickled and never finished: cut off after --request-timeout (1 s) plus the check interval.
    // The client alone would never stop: a 408 is the server cutting it off (no duration is asserted).
    const slow = await raw('POST /slow HTTP/1.1\r\nHost: x\r\n', { drip: 'X-Slow: 1\r\n' });
    expect(statusOf(slow.text)).toBe(408);
    // A body promised and never sent is cut off too.
    const stalled = await raw('POST /stalled HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc', { holdOpen: true });
    expect(statusOf(stalled.text)).toBe(408);
    await validDelivery();
  });

  it('reports a client that leaves half-way through its body, and stores nothing for it', async () => {
    await new Promise<void>((resolve) => {
      const sock = connect({ host, port }, () => {
        // Gone as soon as the partial body is on the wire: the server reads what arrived, then the close.
        sock.write('POST /abandoned HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n{"partial":', () => {
          sock.end();
          resolve();
        });
      });
      sock.on('error', () => {});
    });
    const line = await l.waitFor((x) => x.type === 'rejected' && x.path === '/abandoned');
    expect(line).toMatchObject({ status: null, method: 'POST', reason: expect.stringMatching(/closed the connection/) });
    await validDelivery();
    expect(l.lines.some((x) => x.type === 'delivery' && x.path === '/abandoned')).toBe(false);
  });

  it('survives a thousand malformed requests and still serves a valid delivery', async () => {
    const garbage = [
      'NOT HTTP\r\n\r\n',
      'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n',
      'GET / HTTP/9.9\r\n\r\n',
      'POST / HTTP/1.1\r\n: novalue\r\n\r\n',
      'POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\n',
    ];
    let answered = 0;
    for (let batch = 0; batch < 20; batch++) {
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => raw(garbage[(batch + i) % garbage.length] as string, { endAfterMs: 50 })));
      answered += results.filter((r) => statusOf(r.text) === 400).length;
    }
    expect(answered).toBe(1000);
    expect(l.child.exitCode).toBeNull();
    await validDelivery();
  });
});
