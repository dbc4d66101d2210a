import { isUtf8 } from 'node:buffer';
import { hash } from 'node:crypto';
import { headersJson } from '../text/headers-json.js';
import type { Capture } from './types.js';

/**
 * A capture as one record line, in one Buffer (docs/capture-format.md). Past 64 KiB no JavaScript
 * string holds the body: V8 caps strings near 512 MiB, and a body of control bytes escapes to six
 * characters each, so a 90 MiB body could not be stored. The record is built straight into its
 * Buffer, and peak memory is the record itself: about the body's size (text) or 4/3 (base64).
 */
export const FORMAT_VERSION = 1;
export const CHECK_KEY = ',"check":"';
export const CHECK_HEX = 16;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** JSON's two-character escapes for control bytes; the others are \u00XX. */
const SHORT: Record<number, number> = { 8: 0x62, 9: 0x74, 10: 0x6e, 12: 0x66, 13: 0x72 }; // \b \t \n \f \r
const HEX = Buffer.from('0123456789abcdef');
/** Base64 in slices a multiple of 3 bytes long: each intermediate string is small, young garbage. */
const BASE64_SLICE = 48 * 1024;

/** Below this, a record is built as one string (V8's JSON is fastest there); above, byte by byte. */
const SMALL_BODY = 64 * 1024;

export function encodeRecord(c: Capture): Buffer {
  const body = c.body;
  const base64Length = Math.ceil(body.length / 3) * 4;
  if (body.length <= SMALL_BODY) return encodeSmall(c, base64Length);
  const escapedLength = isUtf8(body) ? jsonEscapedLength(body) : Infinity;
  // Valid UTF-8 is kept as greppable text unless escaping would make it longer than base64.
  const text = escapedLength <= base64Length;
  const head = Buffer.from(`${headJson(c, text)},"body":"`, 'utf8');
  const checked = head.length + (text ? escapedLength : base64Length) + 1;
  const out = Buffer.allocUnsafe(checked + CHECK_KEY.length + CHECK_HEX + 3);
  head.copy(out, 0);
  let at = text ? writeEscaped(body, out, head.length) : writeBase64(body, out, head.length);
  out[at++] = QUOTE;
  const sum = hash('sha256', out.subarray(0, at), 'hex').slice(0, CHECK_HEX);
  out.write(`${CHECK_KEY}${sum}"}\n`, at, 'latin1');
  return out;
}

/** The same bytes as the path above, through one string: the common case, a small JSON body. */
function encodeSmall(c: Capture, base64Length: number): Buffer {
  const quoted = isUtf8(c.body) ? JSON.stringify(c.body.toString('utf8')) : undefined;
  const text = quoted !== undefined && Buffer.byteLength(quoted) - 2 <= base64Length;
  const record = `${headJson(c, text)},"body":${text ? quoted : `"${c.body.toString('base64')}"`}`;
  // Encoded once, then checksummed as bytes: hashing the string would encode it a second time.
  const out = Buffer.allocUnsafe(Buffer.byteLength(record) + CHECK_KEY.length + CHECK_HEX + 3);
  const at = out.write(record, 0, 'utf8');
  out.write(`${CHECK_KEY}${hash('sha256', out.subarray(0, at), 'hex').slice(0, CHECK_HEX)}"}\n`, at, 'latin1');
  return out;
}

/** Every member before `body`, as JSON without its closing brace. */
function headJson(c: Capture, text: boolean): string {
  const meta = JSON.stringify({
    v: FORMAT_VERSION,
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
    handshake: c.handshake,
  });
  return `${meta.slice(0, -1)},"headers":${headersJson(c.headers)},"bodyBytes":${c.body.length},"bodySha256":${JSON.stringify(c.bodySha256)},"bodyEncoding":"${text ? 'utf8' : 'base64'}"`;
}

/** The length of `body` (valid UTF-8) as the inside of a JSON string. */
function jsonEscapedLength(body: Buffer): number {
  let n = body.length;
  for (let i = 0; i < body.length; i++) {
    const b = body[i] as number;
    if (b === QUOTE || b === BACKSLASH) n += 1;
    else if (b < 0x20) n += SHORT[b] ? 1 : 5;
  }
  return n;
}

function writeEscaped(body: Buffer, out: Buffer, at: number): number {
  let run = 0;
  for (let i = 0; i < body.length; i++) {
    const b = body[i] as number;
    if (b !== QUOTE && b !== BACKSLASH && b >= 0x20) continue;
    if (i > run) at += body.copy(out, at, run, i);
    run = i + 1;
    out[at++] = BACKSLASH;
    if (b >= 0x20) out[at++] = b;
    else if (SHORT[b]) out[at++] = SHORT[b] as number;
    else {
      at += out.write('u00', at, 'latin1');
      out[at++] = HEX[b >> 4] as number;
      out[at++] = HEX[b & 15] as number;
    }
  }
  if (body.length > run) at += body.copy(out, at, run, body.length);
  return at;
}

function writeBase64(body: Buffer, out: Buffer, at: number): number {
  for (let i = 0; i < body.length; i += BASE64_SLICE) {
    at += out.write(body.toString('base64', i, Math.min(body.length, i + BASE64_SLICE)), at, 'latin1');
  }
  return at;
}
