// test tier: full (seconds of in-process work: it runs in `npm test`, not `npm run test:fast`)
import { describe, expect, it } from 'vitest';
import { captureServer, post } from './server.js';

describe('every body within --max-body is stored, and answered once (issue 13, break 2)', () => {
  it('three concurrent 30 MiB bodies of byte 0x01 are all answered 200 and stored byte-exact', async () => {
    const srv = await captureServer({ maxBody: 1024 ** 3 });
    try {
      const bodies = [0x01, 0x02, 0x03].map((b) => Buffer.alloc(30 * 1024 * 1024, b));
      const answers = await Promise.all(bodies.map((b) => post(srv.url, b)));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
      const stored = await srv.store.list();
      expect(stored).toHaveLength(3);
      for (const body of bodies) {
        const c = stored.find((s) => s.body[0] === body[0]);
        expect(c?.body.equals(body)).toBe(true);
        expect(c?.response?.status).toBe(200);
      }
    } finally {
      await srv.close();
    }
  });
});
