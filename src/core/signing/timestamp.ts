import { ageText } from '../text/age.js';
import { headerValue } from './header-lookup.js';
import type { Headers, TimestampSpec, Tolerance } from './types.js';

export type TimestampRead = { ok: true; text: string; seconds: number } | { ok: false; reason: 'missing-timestamp' | 'malformed-timestamp'; detail: string };

/** Find the delivery's timestamp wherever the scheme carries it, keeping the exact text that was signed. */
export function readTimestamp(spec: TimestampSpec, headers: Headers, body: Buffer, fromSignature: string | undefined, aliases: Record<string, string>[]): TimestampRead {
  let text: string | undefined;
  let where: string;
  if (spec.source === 'signature') {
    text = fromSignature;
    where = 'the signature header';
  } else if (spec.source === 'header') {
    text = spec.header ? headerValue(headers, spec.header, aliases) : undefined;
    where = `the ${spec.header} header`;
  } else {
    text = bodyField(body, spec.field ?? '');
    where = `the body field ${spec.field}`;
  }
  if (text === undefined || text === '') return { ok: false, reason: 'missing-timestamp', detail: `no timestamp in ${where}` };
  if (!/^\d{1,16}$/.test(text.trim())) {
    return { ok: false, reason: 'malformed-timestamp', detail: `timestamp "${text.slice(0, 24)}" in ${where} is not a Unix time in ${spec.unit === 'ms' ? 'milliseconds' : 'seconds'}` };
  }
  const n = Number(text.trim());
  return { ok: true, text, seconds: spec.unit === 'ms' ? n / 1000 : n };
}

function bodyField(body: Buffer, path: string): string | undefined {
  try {
    let v: unknown = JSON.parse(body.toString('utf8'));
    for (const key of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
    return typeof v === 'number' || typeof v === 'string' ? String(v) : undefined;
  } catch {
    return undefined;
  }
}

/** `toleranceSec` overrides both bounds the scheme has; 0 disables the check (as Stripe's library does). */
export function effectiveTolerance(base: Tolerance, toleranceSec?: number): Tolerance {
  if (toleranceSec === undefined) return base;
  if (toleranceSec <= 0) return { pastSec: null, futureSec: null };
  return { pastSec: base.pastSec === null ? null : toleranceSec, futureSec: base.futureSec === null ? null : toleranceSec };
}

export type ToleranceCheck = { ok: true; ageSec: number } | { ok: false; reason: 'timestamp-too-old' | 'timestamp-too-new'; detail: string; ageSec: number };

export function checkTolerance(seconds: number, nowMs: number, tolerance: Tolerance): ToleranceCheck {
  const ageSec = Math.round(nowMs / 1000 - seconds);
  if (tolerance.pastSec !== null && ageSec > tolerance.pastSec) {
    return { ok: false, reason: 'timestamp-too-old', ageSec, detail: `timestamp is ${ageText(ageSec)} (tolerance ${tolerance.pastSec} s)` };
  }
  if (tolerance.futureSec !== null && -ageSec > tolerance.futureSec) {
    return { ok: false, reason: 'timestamp-too-new', ageSec, detail: `timestamp is ${ageText(ageSec)} (tolerance ${tolerance.futureSec} s)` };
  }
  return { ok: true, ageSec };
}
