import { hash } from 'node:crypto';
import { CHECK_HEX, CHECK_KEY, encodeRecord, FORMAT_VERSION } from './encode.js';
import { toCapture } from './record-fields.js';
import type { Capture } from './types.js';

/**
 * One capture is one line of JSON (see docs/capture-format.md): newline-framed, so a reader
 * resynchronises at the next line after damage, and closed by a fixed-width checksum member,
 * so a torn or altered line is detected rather than half-read.
 */
export { FORMAT_VERSION };
/** `,"check":"<16 hex>"}` */
const TRAILER_BYTES = CHECK_KEY.length + CHECK_HEX + 2;
/** How a record of a newer format version is reported (it is not damaged: this hookctl cannot read it). */
export const NEWER_FORMAT = 'written in format';

export function sha256Hex(data: Buffer | string): string {
  return hash('sha256', data, 'hex');
}

/** A record's checksum: the first 16 hex digits of the sha256 of its bytes before `,"check"`. */
function checksum(head: Buffer | string): string {
  return hash('sha256', head, 'hex').slice(0, CHECK_HEX);
}

/** A capture as one record line (UTF-8 text), trailing newline included; the store writes `encodeRecord`'s bytes. */
export function encodeCapture(c: Capture): string {
  return encodeRecord(c).toString('utf8');
}

export type Decoded = { ok: true; capture: Capture } | { ok: false; problem: string };

/** One line (without its newline) back into a capture; damage is a value, never a throw. */
export function decodeLine(line: Buffer): Decoded {
  const fail = (problem: string): Decoded => ({ ok: false, problem });
  const n = line.length;
  // The version comes first: a newer format may frame or check its records differently.
  const version = Number(/^\{"v":(\d+),/.exec(line.toString('latin1', 0, 16))?.[1]);
  if (version > FORMAT_VERSION) return fail(`${NEWER_FORMAT} v${version} by a newer hookctl (this one reads v${FORMAT_VERSION})`);
  if (n < TRAILER_BYTES + 2 || line[0] !== 0x7b || line.toString('latin1', n - TRAILER_BYTES, n - TRAILER_BYTES + CHECK_KEY.length) !== CHECK_KEY || line[n - 2] !== 0x22 || line[n - 1] !== 0x7d) {
    return fail('no checksum trailer (a torn write or a hand edit)');
  }
  const stored = line.toString('latin1', n - CHECK_HEX - 2, n - 2);
  if (checksum(line.subarray(0, n - TRAILER_BYTES)) !== stored) return fail('checksum mismatch (the record was altered or damaged)');
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(line.toString('utf8')) as Record<string, unknown>;
  } catch {
    return fail('not valid JSON despite a matching checksum');
  }
  if (raw.v !== FORMAT_VERSION) return fail(`unknown format version ${JSON.stringify(raw.v)}`);
  return toCapture(raw);
}
