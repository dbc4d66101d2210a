import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { IoError, UsageError } from '../errors.js';
import { fileProblem } from '../fs-errors.js';
import { decodeAll, type ScanProblem } from './scan.js';
import type { Capture, StoreWarning } from './types.js';
import { openSegment, readSegment, SEGMENT_NAME, specialWarning } from './segment-file.js';

/** A record whose id matched a lookup but which did not decode. */
export interface DamagedRecord {
  id: string;
  path: string;
  offset: number;
  line: number;
  problem: string;
}

/** Reading a store's segments, as `segmentReader` hands it out. */
export interface SegmentReader {
  /** The segment file names, oldest first. */
  segments(): Promise<string[]>;
  read(name: string, want?: (id: string) => boolean, damaged?: DamagedRecord[]): Promise<Capture[]>;
  readTail(path: string, budget: number): Promise<{ records: Capture[]; bytes: number }>;
  newest(): Promise<Capture | undefined>;
  byPrefix(prefix: string): Promise<{ found: Capture[]; damaged: DamagedRecord[] }>;
}

/** Where the segments lie and where damage is reported: what every read below needs. */
interface SegmentPlace {
  segDir: string;
  warn: (w: StoreWarning) => void;
}

/**
 * Reading a store's segments: listing them, decoding one whole or its tail, the newest capture,
 * and the captures under an id prefix. Damage is reported through `warn` and skipped.
 */
export function segmentReader(segDir: string, warn: (w: StoreWarning) => void): SegmentReader {
  const place: SegmentPlace = { segDir, warn };
  return {
    segments: () => listSegments(segDir),
    read: (name, want, damaged) => readRecords(place, name, want, damaged),
    readTail: (path, budget) => readTail(place, path, budget),
    newest: () => newest(place),
    byPrefix: (prefix) => byPrefix(place, prefix),
  };
}

async function listSegments(segDir: string): Promise<string[]> {
  try {
    return (await readdir(segDir)).filter((n) => SEGMENT_NAME.test(n)).sort();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return [];
    if (code === 'ENOTDIR') throw new UsageError(`${segDir} is not a directory`, 'point --store at a directory');
    throw new IoError(`cannot read the capture store ${segDir}: ${fileProblem(err)}`, 'check its permissions', err);
  }
}

/**
 * The records of one segment. Damage is skipped with a warning, except that a damaged record
 * whose id was readable goes to `damaged` when given (a lookup reports it as the answer).
 */
async function readRecords({ segDir, warn }: SegmentPlace, name: string, want?: (id: string) => boolean, damaged?: DamagedRecord[]): Promise<Capture[]> {
  const path = join(segDir, name);
  let data: Buffer;
  try {
    const read = await readSegment(path);
    // A segment removed under us (clear in another process) is simply gone.
    if ('gone' in read) return [];
    if ('special' in read) {
      warn(specialWarning(path, read.special));
      return [];
    }
    data = read;
  } catch (err) {
    throw unreadableSegment(path, err);
  }
  return decodeAll(
    data,
    (p: ScanProblem) => {
      if (damaged && p.id !== undefined) damaged.push({ id: p.id, path, offset: p.offset, line: p.line, problem: p.problem });
      else warn({ where: `${path}:${p.offset}`, message: `${p.problem} (${p.length} bytes): skipped` });
    },
    want,
  );
}

/** The whole records in the last `budget` bytes of a segment: a partial first line is not damage, just cut. */
async function readTail({ warn }: SegmentPlace, path: string, budget: number): Promise<{ records: Capture[]; bytes: number }> {
  let opened: Awaited<ReturnType<typeof openSegment>> | undefined;
  try {
    opened = await openSegment(path);
    if ('gone' in opened) return { records: [], bytes: 0 };
    if ('special' in opened) {
      warn(specialWarning(path, opened.special));
      return { records: [], bytes: 0 };
    }
    const { fh, size } = opened;
    const start = Math.max(0, size - budget);
    const data = Buffer.alloc(size - start);
    await fh.read(data, 0, data.length, start);
    // Starting mid-segment, everything up to the first newline belongs to a record cut by the budget.
    const from = start === 0 ? 0 : data.indexOf(0x0a) + 1;
    if (start > 0 && from === 0) return { records: [], bytes: data.length };
    const records = decodeAll(data.subarray(from), (p: ScanProblem) => warn({ where: `${path}:${start + from + p.offset}`, message: `${p.problem} (${p.length} bytes): skipped` }));
    return { records, bytes: data.length };
  } catch (err) {
    throw unreadableSegment(path, err);
  } finally {
    if (opened && 'fh' in opened) await opened.fh.close();
  }
}

async function newest(place: SegmentPlace): Promise<Capture | undefined> {
  const names = await listSegments(place.segDir);
  for (let i = names.length - 1; i >= 0; i--) {
    const records = await readRecords(place, names[i] as string);
    if (records.length) return records.reduce((a, b) => (b.id > a.id ? b : a));
  }
  return undefined;
}

async function byPrefix(place: SegmentPlace, prefix: string): Promise<{ found: Capture[]; damaged: DamagedRecord[] }> {
  const found: Capture[] = [];
  const damaged: DamagedRecord[] = [];
  // A segment is named after its first (smallest) id: later segments cannot hold the prefix.
  for (const name of await listSegments(place.segDir)) {
    if (name.slice(0, prefix.length) > prefix) break;
    found.push(...(await readRecords(place, name, (id) => id.startsWith(prefix), damaged)));
    if (found.length + damaged.length > 5) break;
  }
  return { found, damaged };
}

export function unreadableSegment(path: string, err: unknown): IoError {
  const code = (err as NodeJS.ErrnoException).code ?? String(err);
  const hint = code === 'EACCES' || code === 'EPERM' ? 'check its permissions: the user running hookctl must be able to read the store (ls -l)' : "check the disk and the file's permissions";
  return new IoError(`cannot read the capture segment ${path}: ${fileProblem(err)}`, hint, err);
}
