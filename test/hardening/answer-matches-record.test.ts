import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { captureServer } from './server.js';

/** Writes `data` on a raw connection (half-closing after it when asked) and collects every byte until the server closes. */
function exchange(url: string, data: string, halfClose: boolean): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port), allowHalfOpen: true }, () => {
      socket.write(data);
      if (halfClose) socket.end();
    });
    let got = '';
    socket.setEncoding('latin1').on('data', (d: string) => {
      got += d;
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(got));
    socket.on('end', () => {
      if (!halfClose) socket.end();
    });
  });
}

const REQUEST = 'POST /hook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}';

describe('the record says what the sender got (issue 13, break 7)', () => {
  it('a valid request followed by garbage on the same connection gets its own 200, then the 400', async () => {
    const srv = await captureServer();
    try {
      const got = await exchange(srv.url, `${REQUEST}GARBAGE\r\n\r\n`, false);
      const statuses = [...got.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => m[1]);
      expect(statuses).toEqual(['200', '400']);
      const [capture] = await srv.store.list();
      expect(capture?.response?.status).toBe(200);
    } finally {
      await srv.close();
    }
  });

  it('a sender that half-closes after a whole request still receives the answer that was recorded', async () => {
    const srv = await captureServer();
    try {
      const got = await exchange(srv.url, REQUEST, true);
      expect(got).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
      const [capture] = await srv.store.list();
      expect(capture?.response?.status).toBe(200);
    } finally {
      await srv.close();
    }
  });
});
