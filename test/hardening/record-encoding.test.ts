// test tier: full (seconds of in-process work: it runs in `npm test`, not `npm run test:fast`)
import { isUtf8 } from 'node:buffer';
import { hash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeLine, sha256Hex } from '../../src/core/store/format.js';
import { encodeRecord } from '../../src/core/store/encode.js';
import type { Capture } from '../../src/core/store/types.js';

const capture = (body: Buffer): Capture => ({
  id: '01m84vh24z000077a1',
  receivedAt: new Date(0).toISOString(),
  method: 'POST',
  path: '/hook?x=1',
  headers: [
    ['Content-Type', 'application/json'],
    ['X-Odd', 'caf\u00e9'],
  ],
  body,
  bodySha256: sha256Hex(body),
  provider: 'stripe',
  response: { status: 200 },
});

/** The version 1 encoder as it was (one JSON.stringify), for records it could write. */
function reference(c: Capture): string {
  const text = isUtf8(c.body);
  const head = JSON.stringify({
    v: 1,
    id: c.id,
    receivedAt: c.receivedAt,
    method: c.method,
    path: c.path,
    provider: c.provider,
    event: c.event,
    deliveryId: c.deliveryId,
    verification: c.verification,
    response: c.response,
    forward: c.forward,
    duplicateOf: c.duplicateOf,
    remoteAddress: c.remoteAddress,
    headers: c.headers,
    bodyBytes: c.body.length,
    bodySha256: c.bodySha256,
    bodyEncoding: text ? 'utf8' : 'base64',
    body: c.body.toString(text ? 'utf8' : 'base64'),
  }).slice(0, -1);
  return `${head},"check":"${hash('sha256', head, 'hex').slice(0, 16)}"}\n`;
}

const roundTrip = (body: Buffer) => {
  const record = encodeRecord(capture(body));
  expect(record[record.length - 1]).toBe(0x0a);
  const decoded = decodeLine(record.subarray(0, -1));
  if (!decoded.ok) throw new Error(decoded.problem);
  expect(decoded.capture.body.equals(body)).toBe(true);
  return record;
};

describe('records are encoded as bytes (issue 13, break 2)', () => {
  it('a 90 MiB body of byte 0x01 (six characters each as a JSON string) is encoded and reads back', () => {
    const body = Buffer.alloc(90 * 1024 * 1024, 0x01);
    const record = roundTrip(body);
    // Base64, not escapes: the record stays within 4/3 of the body.
    expect(record.length).toBeLessThan((body.length * 4) / 3 + 4096);
  });

  it('text bodies are written exactly as version 1 always wrote them', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        const body = Buffer.from(s, 'utf8');
        const record = roundTrip(body);
        const escapes = (s.match(/[\u0000-\u001f"\\]/g) ?? []).length;
        // Mostly-control text goes base64 now; everything else is byte-identical to the old encoder.
        if (escapes * 5 < body.length / 3) expect(record.toString('utf8')).toBe(reference(capture(body)));
      }),
      { seed: 2, numRuns: 400 },
    );
  });

  it('bodies past 64 KiB (built byte by byte) come out as the one-string encoder writes them', () => {
    for (const s of ['{"alpha": 12345, "beta": "gamma delta epsilon"}', 'line\n"quoted"\\ é ☃ 😀 and some more plain text', 'plain text ']) {
      const body = Buffer.from(s.repeat(Math.ceil(70_000 / s.length)));
      expect(roundTrip(body).toString('utf8')).toBe(reference(capture(body)));
    }
  });

  it('any bytes round-trip', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        roundTrip(Buffer.from(bytes));
      }),
      { seed: 3, numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 65_000, maxLength: 70_000 }), (bytes) => {
        roundTrip(Buffer.from(bytes));
      }),
      { seed: 4, numRuns: 20 },
    );
  });
});
