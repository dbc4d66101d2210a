import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Scheme } from '../../src/core/signing/index.js';
import { signWithScheme, verifyWithScheme } from '../../src/core/signing/index.js';

/** Twitch's layout: the timestamp travels as RFC 3339 text and is signed exactly as it travels. */
const scheme = (digits?: number): Scheme => ({
  content: '{id}{timestamp}{body}',
  signatures: [{ header: 'X-Sig', algorithm: 'sha256', encoding: 'hex', format: { style: 'prefixed', prefix: 'sha256=' } }],
  secret: { encoding: 'utf8' },
  timestamp: { source: 'header', header: 'X-Time', unit: 'iso', ...(digits === undefined ? {} : { digits }), tolerance: { pastSec: 600, futureSec: null } },
  id: { header: 'X-Id' },
});
const SECRET = 'iso-secret';
const BODY = '{"event":{"n":1}}';
const T = 1_772_274_942; // 2026-02-28T10:35:42Z
const hmac = (content: string) => `sha256=${createHmac('sha256', SECRET).update(content).digest('hex')}`;
const check = (s: Scheme, time: string, nowMs = T * 1000, sig = hmac(`m1${time}${BODY}`)) =>
  verifyWithScheme(s, 'iso', { secrets: SECRET, headers: { 'x-sig': sig, 'x-time': time, 'x-id': 'm1' }, body: BODY, now: nowMs });

describe('RFC 3339 timestamps (unit iso)', () => {
  it('signWithScheme writes the time as RFC 3339 in UTC and signs that exact text (3 digits by default, 9 for Twitch)', () => {
    const signed = signWithScheme(scheme(), { secret: SECRET, body: BODY, timestamp: T, id: 'm1' });
    expect(signed.headers['X-Time']).toBe('2026-02-28T10:35:42.000Z');
    expect(signed.headers['X-Sig']).toBe(hmac(`m12026-02-28T10:35:42.000Z${BODY}`));
    expect(signed.timestamp).toBe(T);
    expect(signWithScheme(scheme(9), { secret: SECRET, body: BODY, timestamp: T, id: 'm1' }).headers['X-Time']).toBe('2026-02-28T10:35:42.000000000Z');
    expect(signWithScheme(scheme(0), { secret: SECRET, body: BODY, timestamp: T, id: 'm1' }).headers['X-Time']).toBe('2026-02-28T10:35:42Z');
  });

  it('verifies what it signs, and reads the signed instant back in Unix seconds', () => {
    const signed = signWithScheme(scheme(9), { secret: SECRET, body: BODY, timestamp: T, id: 'm1' });
    const r = verifyWithScheme(scheme(9), 'iso', { secrets: SECRET, headers: signed.headers, body: BODY, now: T * 1000 + 5000 });
    expect(r).toMatchObject({ ok: true, timestamp: T, ageSec: 5 });
  });

  it('accepts any RFC 3339 form a provider writes: nanoseconds, no fraction, a numeric offset, lowercase t and z', () => {
    for (const [time, seconds] of [
      ['2026-02-28T10:35:42.634234626Z', T + 0.634234626],
      ['2026-02-28T10:35:42Z', T],
      ['2026-02-28T11:35:42.5+01:00', T + 0.5],
      ['2026-02-28t10:35:42z', T],
    ] as const) {
      const r = check(scheme(), time);
      expect(r, time).toMatchObject({ ok: true });
      expect((r as { timestamp: number }).timestamp).toBeCloseTo(seconds, 6);
    }
  });

  it('applies the tolerance to the parsed instant: 10 minutes past, any future', () => {
    expect(check(scheme(), '2026-02-28T10:35:42Z', (T + 601) * 1000)).toMatchObject({ ok: false, reason: 'timestamp-too-old', signatureMatched: true });
    expect(check(scheme(), '2026-02-28T10:35:42Z', (T + 599) * 1000)).toMatchObject({ ok: true });
    expect(check(scheme(), '2026-02-28T10:35:42Z', (T - 86_400) * 1000)).toMatchObject({ ok: true });
  });

  it('signs the text as sent: the same instant written another way is another signature', () => {
    const sig = hmac(`m12026-02-28T10:35:42.000Z${BODY}`);
    expect(check(scheme(), '2026-02-28T10:35:42Z', T * 1000, sig)).toMatchObject({ ok: false, reason: 'no-match' });
  });

  it('refuses what is not an RFC 3339 date-time as malformed, naming the unit', () => {
    for (const time of ['1772274942', '2026-02-28 10:35:42Z', '2026-02-28T10:35:42', '2026-13-28T10:35:42Z', '2026-02-28T10:35:42.1234567890Z']) {
      const r = check(scheme(), time);
      expect(r, time).toMatchObject({ ok: false, reason: 'malformed-timestamp' });
      expect((r as { detail: string }).detail).toContain('is not an RFC 3339 date-time');
    }
  });
});
