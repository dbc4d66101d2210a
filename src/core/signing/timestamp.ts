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
  const seconds = parseTimestamp(spec, text.trim());
  if (seconds === undefined) {
    return { ok: false, reason: 'malformed-timestamp', detail: `timestamp "${text.slice(0, 40)}" in ${where} is not ${UNIT_NAMES[spec.unit]}` };
  }
  return { ok: true, text, seconds };
}

const UNIT_NAMES: Record<TimestampSpec['unit'], string> = {
  s: 'a Unix time in seconds',
  ms: 'a Unix time in milliseconds',
  iso: 'an RFC 3339 date-time',
};

// RFC 3339's date-time: a full date, a time with an optional fraction, and Z or a numeric offset.
const RFC3339 = /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}:\d{2}:\d{2})(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;

/** The Unix seconds a timestamp's text stands for, or undefined when it is not in the scheme's unit. */
function parseTimestamp(spec: TimestampSpec, text: string): number | undefined {
  if (spec.unit !== 'iso') {
    if (!/^\d{1,16}$/.test(text)) return undefined;
    const n = Number(text);
    return spec.unit === 'ms' ? n / 1000 : n;
  }
  const m = RFC3339.exec(text);
  if (!m) return undefined;
  // Date.parse keeps milliseconds only: the fraction is read apart, so nanoseconds are not rounded away.
  const whole = Date.parse(`${m[1]}T${m[2]}${(m[4] as string).toUpperCase()}`);
  return Number.isNaN(whole) ? undefined : whole / 1000 + Number(`0${m[3] ?? ''}`);
}

/** The timestamp's text as the scheme writes it (and signs it): Unix seconds or milliseconds, or RFC 3339 in UTC. */
export function formatTimestamp(spec: TimestampSpec, seconds: number): string {
  if (spec.unit === 'ms') return String(seconds * 1000);
  if (spec.unit === 's') return String(seconds);
  const iso = new Date(Math.floor(seconds * 1000)).toISOString();
  const digits = Math.min(9, Math.max(0, spec.digits ?? 3));
  const fraction = iso.slice(20, 23).padEnd(digits, '0').slice(0, digits);
  return `${iso.slice(0, 19)}${digits ? `.${fraction}` : ''}Z`;
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
