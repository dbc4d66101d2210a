import { execFile } from 'node:child_process';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCurlScript } from '../../src/core/captures/export.js';
import { readTarget } from '../../src/core/http/target.js';
import { UsageError } from '../../src/core/errors.js';
import type { Capture } from '../../src/core/store/index.js';

/** A raw TCP receiver: the exact bytes of each request, as curl put them on the wire. */
let server: Server;
let port = 0;
const received: Buffer[] = [];
beforeAll(async () => {
  server = createServer((socket: Socket) => {
    let data = Buffer.alloc(0);
    socket.on('data', (d: Buffer) => {
      data = Buffer.concat([data, d]);
      const end = data.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/\r\ncontent-length: *(\d+)/i.exec(data.subarray(0, end).toString('latin1'))?.[1] ?? 0);
      if (data.length < end + 4 + length) return;
      received.push(data);
      socket.end('HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const capture = (id: string, headers: [string, string][], body: Buffer): Capture => ({ id, receivedAt: new Date(0).toISOString(), method: 'POST', path: '/hook', headers, body, bodySha256: '' });

function runScript(script: string): Promise<void> {
  return new Promise((resolve, reject) => execFile('bash', ['-c', script], (err, _out, stderr) => (err ? reject(new Error(stderr || String(err))) : resolve())));
}

/** The header lines (Host and Content-Length aside, which any client sets) and the body of a raw request. */
function parse(raw: Buffer): { headers: string[]; body: Buffer } {
  const end = raw.indexOf('\r\n\r\n');
  const lines = raw.subarray(0, end).toString('latin1').split('\r\n').slice(1);
  return { headers: lines.filter((l) => !/^(host|content-length):/i.test(l)), body: raw.subarray(end + 4) };
}

describe('captures export --format curl puts the captured bytes on the wire, or refuses (issue 13, break 12)', () => {
  it('non-ASCII header bytes, an empty header and a capture with no Content-Type or User-Agent arrive as captured', async () => {
    const caps = [
      capture(
        'a1',
        [
          ['Content-Type', 'application/json'],
          ['X-Name', 'caf\u00e9 \u00ff'],
          ['X-Empty', ''],
          ['X-Quote', "it's"],
        ],
        Buffer.from([0x7b, 0x00, 0xff, 0x27, 0x7d]),
      ),
      capture('a2', [['X-Only', 'one']], Buffer.from('a=b&c=d')),
    ];
    const before = received.length;
    await runScript(toCurlScript(caps, { to: readTarget(`127.0.0.1:${port}`) }));
    const got = received.slice(before).map(parse);
    expect(got).toHaveLength(2);
    for (const [i, c] of caps.entries()) {
      expect(got[i]?.headers).toEqual(c.headers.map(([n, v]) => `${n}: ${v}`.trimEnd()));
      expect(got[i]?.body.equals(c.body)).toBe(true);
    }
  });

  it.each([
    ['a line break in a value', ['X-Evil', 'ok\r\nX-Injected: 1'], /header X-Evil holds a line break/],
    ['a NUL in a value', ['X-Nul', 'a\u0000b'], /header X-Nul holds a NUL byte/],
    ['a character beyond one byte', ['X-Wide', 'snow \u2603'], /header X-Wide holds a character that is not one byte/],
  ] as const)('refuses a capture whose header has %s, naming it', (_name, header, message) => {
    const c = capture(
      'b1',
      [
        ['Content-Type', 'text/plain'],
        [header[0], header[1]],
      ],
      Buffer.from('x'),
    );
    expect(() => toCurlScript([c], {})).toThrow(UsageError);
    expect(() => toCurlScript([c], {})).toThrow(message);
  });
});
