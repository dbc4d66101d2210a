import { decodeLine, NEWER_FORMAT, type Decoded } from './format.js';
import type { Capture } from './types.js';

export interface ScanProblem {
  /** Byte offset of the damaged range in its file. */
  offset: number;
  /** How many bytes are damaged from there (a record, a cut piece of one, or stray bytes). */
  length: number;
  /** 1-based line number of the damaged range. */
  line: number;
  /** The capture id read from the range's head, when it is readable (the record itself may not be). */
  id?: string;
  problem: string;
}

const NEWLINE = 0x0a;
/** Every record starts so, and nothing inside one can (quotes in strings are escaped): a resync point. */
const RECORD_START = Buffer.from('{"v":');
const ID_HEAD = /^\{"v":\d+,"id":"([0-9a-z]+)"/;
const TORN = 'incomplete last record (a torn write, or one still being written)';
const CUT_SHORT = 'incomplete last record (the file ends in the middle of it: it was cut short)';

/** The id at the head of a record, if it can be read there. */
function headId(bytes: Buffer): string | undefined {
  return ID_HEAD.exec(bytes.toString('latin1', 0, 48))?.[1];
}

/**
 * Every record in a buffer of lines, in file order. Damage is reported as byte ranges and
 * skipped: the scan goes on at the next record start, even one inside a damaged line (a newline
 * lost or overwritten glues two records; stray bytes can precede one). A last line without its
 * newline is a torn write. `want` sees the id read from a record's head and can skip the record
 * without decoding it (lookups).
 */
export function decodeAll(data: Buffer, onProblem: (p: ScanProblem) => void, want?: (id: string) => boolean): Capture[] {
  return scan(data, onProblem, want, false);
}

/**
 * The records of a file the user named (an export, a copied segment): strict, so the first
 * damaged range is returned as a problem instead of being skipped. A last record without its
 * newline is accepted when it checks out (the file was cut exactly at its end, or an editor
 * dropped the final newline); otherwise it is reported as cut short.
 */
export function decodeStrict(data: Buffer): { ok: true; captures: Capture[] } | { ok: false; problem: ScanProblem } {
  let first: ScanProblem | undefined;
  const captures = scan(
    data,
    (p) => {
      first ??= p;
    },
    undefined,
    true,
    () => first !== undefined,
  );
  return first ? { ok: false, problem: first } : { ok: true, captures };
}

function scan(data: Buffer, onProblem: (p: ScanProblem) => void, want: ((id: string) => boolean) | undefined, lastMayLackNewline: boolean, stop?: () => boolean): Capture[] {
  const out: Capture[] = [];
  let start = 0;
  let line = 0;
  while (start < data.length && !stop?.()) {
    line++;
    let end = data.indexOf(NEWLINE, start);
    const torn = end < 0;
    if (torn) end = data.length;
    const starts = recordStarts(data, start, end);
    for (let k = 0; k < starts.length && !stop?.(); k++) {
      const from = starts[k] as number;
      const to = starts[k + 1] ?? end;
      const last = k === starts.length - 1;
      const bytes = data.subarray(from, to);
      const id = headId(bytes);
      if (bytes.length === 0 || (want && id !== undefined && !want(id))) continue;
      const report = (offset: number, length: number, problem: string, ofRecord = true) => onProblem({ offset, length, line, id: ofRecord ? id : undefined, problem });
      const decoded = last && torn ? decodeTorn(bytes, lastMayLackNewline) : decodeLine(bytes);
      // Before another record, the last byte may be this record's newline, overwritten.
      const trimmed = !decoded.ok && !last && bytes[0] === 0x7b ? decodeLine(bytes.subarray(0, -1)) : undefined;
      if (decoded.ok) out.push(decoded.capture);
      else if (trimmed?.ok) {
        out.push(trimmed.capture);
        report(to - 1, 1, 'not a record: 1 stray byte where a newline belongs', false);
      } else if (bytes[0] !== 0x7b) report(from, bytes.length, `not a record: ${bytes.length} stray bytes`, false);
      else report(from, bytes.length, decoded.problem);
    }
    start = end + 1;
  }
  return out;
}

/** Where records begin in data[start, end): at `start`, and at every record start inside. */
function recordStarts(data: Buffer, start: number, end: number): number[] {
  const starts = [start];
  for (let i = data.indexOf(RECORD_START, start + 1); i >= 0 && i < end; i = data.indexOf(RECORD_START, i + 1)) starts.push(i);
  return starts;
}

function decodeTorn(bytes: Buffer, lastMayLackNewline: boolean): Decoded {
  if (!lastMayLackNewline) return { ok: false, problem: TORN };
  const decoded = decodeLine(bytes);
  return decoded.ok || decoded.problem.startsWith(NEWER_FORMAT) ? decoded : { ok: false, problem: CUT_SHORT };
}
