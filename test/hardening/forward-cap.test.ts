import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { captureServer, post } from './server.js';

/** An app that answers with `size` bytes, streamed in 64 KiB writes. */
async function app(size: number) {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      let sent = 0;
      const more = () => {
        while (sent < size) {
          const n = Math.min(chunk.length, size - sent);
          sent += n;
          if (!res.write(chunk.subarray(0, n))) return void res.once('drain', more);
        }
        res.end();
      };
      more();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

describe('a forwarded answer is capped at --max-body (issue 13, break 5)', () => {
  it('an app answering more than --max-body gets the sender a 502 with the reason, recorded as such', async () => {
    const target = await app(3 * 1024 * 1024);
    const srv = await captureServer({ maxBody: 1024 * 1024, forwardTo: target.url });
    try {
      const answer = await post(srv.url, Buffer.from('{}'));
      expect(answer.status).toBe(502);
      expect(answer.body.toString()).toMatch(/the app's answer is larger than 1048576 bytes \(--max-body\)/);
      const [capture] = await srv.store.list();
      expect(capture?.response?.status).toBe(502);
      expect(capture?.forward).toMatchObject({ status: 200, error: expect.stringMatching(/larger than 1048576 bytes/) });
    } finally {
      await srv.close();
      await target.close();
    }
  });

  it('an answer within the cap is relayed whole', async () => {
    const target = await app(1024 * 1024);
    const srv = await captureServer({ maxBody: 1024 * 1024, forwardTo: target.url });
    try {
      const answer = await post(srv.url, Buffer.from('{}'));
      expect(answer.status).toBe(200);
      expect(answer.body.length).toBe(1024 * 1024);
    } finally {
      await srv.close();
      await target.close();
    }
  });
});
