import { hash } from 'node:crypto';
import type { Capture } from './types.js';

/**
 * A decoded record's members, checked by type before anything uses them. A checksum only proves
 * that a record was not damaged, not who wrote it: a capture file someone sends you, or a copied
 * store, may hold a checksum-valid record whose `response.status` is a string of terminal escapes.
 * So every member has the type and shape docs/capture-format.md gives it, or the record is refused
 * with the member named.
 */
export type FieldCheck = { ok: true; capture: Capture } | { ok: false; problem: string };

const ID = /^[0-9a-hjkmnp-tv-z]{18}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;
/** An HTTP method is a token (RFC 9110). */
const METHOD = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,64}$/;
const REASON = /^[a-z][a-z0-9-]{0,63}$/;

const isStr = (v: unknown): v is string => typeof v === 'string';
const isInt = (v: unknown, min: number, max: number): v is number => Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Each member that has a rule: undefined means absent (when optional) or valid. */
const RULES: Record<string, { optional: boolean; valid: (v: unknown) => string | undefined }> = {
  id: { optional: false, valid: (v) => (isStr(v) && ID.test(v) ? undefined : 'id') },
  receivedAt: { optional: false, valid: (v) => (isStr(v) && ISO_TIME.test(v) ? undefined : 'receivedAt') },
  method: { optional: false, valid: (v) => (isStr(v) && METHOD.test(v) ? undefined : 'method') },
  path: { optional: false, valid: (v) => (isStr(v) ? undefined : 'path') },
  bodySha256: { optional: false, valid: (v) => (isStr(v) && /^[0-9a-f]{64}$/.test(v) ? undefined : 'bodySha256') },
  body: { optional: false, valid: (v) => (isStr(v) ? undefined : 'body') },
  bodyBytes: { optional: false, valid: (v) => (isInt(v, 0, Number.MAX_SAFE_INTEGER) ? undefined : 'bodyBytes') },
  bodyEncoding: { optional: false, valid: (v) => (v === 'utf8' || v === 'base64' ? undefined : 'bodyEncoding') },
  headers: { optional: false, valid: (v) => (Array.isArray(v) && v.every((h) => Array.isArray(h) && h.length === 2 && isStr(h[0]) && isStr(h[1])) ? undefined : 'headers') },
  provider: { optional: true, valid: (v) => (isStr(v) ? undefined : 'provider') },
  event: { optional: true, valid: (v) => (isStr(v) ? undefined : 'event') },
  deliveryId: { optional: true, valid: (v) => (isStr(v) ? undefined : 'deliveryId') },
  remoteAddress: { optional: true, valid: (v) => (isStr(v) ? undefined : 'remoteAddress') },
  duplicateOf: { optional: true, valid: (v) => (isStr(v) && ID.test(v) ? undefined : 'duplicateOf') },
  verification: { optional: true, valid: verification },
  response: { optional: true, valid: (v) => (isObj(v) && isInt(v.status, 100, 999) ? undefined : 'response.status') },
  forward: { optional: true, valid: forward },
  handshake: { optional: true, valid: handshake },
};

function verification(v: unknown): string | undefined {
  if (!isObj(v) || typeof v.ok !== 'boolean') return 'verification.ok';
  if (v.reason !== undefined && !(isStr(v.reason) && REASON.test(v.reason))) return 'verification.reason';
  if (v.detail !== undefined && !isStr(v.detail)) return 'verification.detail';
  if (v.secretIndex !== undefined && !isInt(v.secretIndex, 0, 1_000_000)) return 'verification.secretIndex';
  return undefined;
}

function forward(v: unknown): string | undefined {
  if (!isObj(v) || !isStr(v.url)) return 'forward.url';
  if (v.status !== undefined && !isInt(v.status, 100, 999)) return 'forward.status';
  if (v.ms !== undefined && !(typeof v.ms === 'number' && Number.isFinite(v.ms) && v.ms >= 0)) return 'forward.ms';
  if (v.error !== undefined && !isStr(v.error)) return 'forward.error';
  return undefined;
}

function handshake(v: unknown): string | undefined {
  if (!isObj(v) || !isStr(v.name) || !isStr(v.message) || typeof v.ok !== 'boolean' || (v.by !== 'listen' && v.by !== 'app')) return 'handshake';
  if (v.mistake !== undefined && !(isStr(v.mistake) && REASON.test(v.mistake))) return 'handshake.mistake';
  if (v.unsigned !== undefined && typeof v.unsigned !== 'boolean') return 'handshake.unsigned';
  const a = v.answer;
  if (!isObj(a) || !isInt(a.status, 100, 999) || !isStr(a.body)) return 'handshake.answer';
  if (a.contentType !== undefined && !isStr(a.contentType)) return 'handshake.answer.contentType';
  if (a.header !== undefined && !(Array.isArray(a.header) && a.header.length === 2 && isStr(a.header[0]) && isStr(a.header[1]))) return 'handshake.answer.header';
  if (a.truncated !== undefined && typeof a.truncated !== 'boolean') return 'handshake.answer.truncated';
  return undefined;
}

const OPTIONAL = ['provider', 'event', 'deliveryId', 'verification', 'response', 'forward', 'duplicateOf', 'remoteAddress', 'handshake'] as const;

/** The record as a capture, every member checked (its body against its length and sha256 too). */
export function toCapture(r: Record<string, unknown>): FieldCheck {
  for (const [name, rule] of Object.entries(RULES)) {
    if (r[name] === undefined && rule.optional) continue;
    const wrong = rule.valid(r[name]);
    if (wrong) return { ok: false, problem: `field "${wrong}" is missing or has the wrong type` };
  }
  const body = Buffer.from(r.body as string, r.bodyEncoding as BufferEncoding);
  if (body.length !== r.bodyBytes || hash('sha256', body, 'hex') !== r.bodySha256) {
    return { ok: false, problem: 'the body does not match its recorded length and sha256' };
  }
  const capture: Capture = {
    id: r.id as string,
    receivedAt: r.receivedAt as string,
    method: r.method as string,
    path: r.path as string,
    headers: r.headers as [string, string][],
    body,
    bodySha256: r.bodySha256 as string,
  };
  for (const f of OPTIONAL) if (r[f] !== undefined) (capture as unknown as Record<string, unknown>)[f] = r[f];
  return { ok: true, capture };
}
