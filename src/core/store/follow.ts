import { readdir, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { IoError, UsageError } from '../errors.js';
import { fileProblem } from '../fs-errors.js';
import { decodeLine } from './format.js';
import type { Capture, RecordLocation, StoreWarning } from './types.js';
import { openSegment, SEGMENT_NAME, specialWarning } from './segment-file.js';

export type { RecordLocation } from './types.js';
export interface Located {
  capture: Capture;
  at: RecordLocation;
}

/** Bytes read per step: a 16 MiB segment is never one buffer. */
const CHUNK = 1024 * 1024;

export interface StoreReader {
  /**
   * The captures appended since the last call (everything, the first time), in file order.
   * `reset` is true when a segment shrank or vanished (a clear): the caller starts over.
   */
  next(): Promise<{ captures: Located[]; reset: boolean }>;
  /** Forget every offset: the next call reads the whole store again. */
  rewind(): void;
  /** Skip what is already there: only captures written from now on are returned. */
  skipExisting(): Promise<void>;
  /** One record again, from its location. */
  readAt(at: RecordLocation): Promise<Capture | undefined>;
  /**
   * A record this process wrote and already holds (listen hands its inspector each capture with
   * its location): the reader moves past it instead of reading and decoding it back.
   */
  own(at: RecordLocation): void;
  /** Whether this process writes segment `name` (its changes are known without reading them). */
  owns(name: string): boolean;
}

/**
 * Reads a store incrementally: per segment, the byte offset up to which whole lines were read.
 * A line still being written (no newline yet) waits for the next call; damage is reported and skipped.
 */
export function storeReader(dir: string, onWarning: (w: StoreWarning) => void = () => {}): StoreReader {
  const state: ReaderState = { dir, segDir: join(dir, 'captures'), onWarning, offsets: new Map(), owned: new Set(), gone: new Set(), special: new Set() };
  return {
    next: () => readNew(state),
    rewind() {
      state.offsets.clear();
      state.owned.clear();
    },
    own: (at) => ownRecord(state, at),
    owns: (name) => state.owned.has(name),
    skipExisting: () => skipExisting(state),
    readAt: (at) => readRecordAt(state.segDir, at),
  };
}

/** What a store reader knows between calls. */
interface ReaderState {
  dir: string;
  segDir: string;
  onWarning: (w: StoreWarning) => void;
  /** Per segment, the byte offset up to which whole lines were read. */
  offsets: Map<string, number>;
  /** Segments this process writes. */
  owned: Set<string>;
  /** Segments that vanished while read (a clear). */
  gone: Set<string>;
  /** Names in the place of a segment that are not regular files (a FIFO, a directory): skipped. */
  special: Set<string>;
}

/** How a segment scan ended: the offset after its last whole line, or why it was not read. */
type ScanEnd = number | 'gone' | 'shrunk' | 'special';

async function segmentNames(state: ReaderState): Promise<string[]> {
  try {
    return (await readdir(state.segDir)).filter((n) => SEGMENT_NAME.test(n)).sort();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // Not created yet: a listen about to start will make it.
    if (code === 'ENOENT') return [];
    if (code === 'ENOTDIR') throw new UsageError(`${state.dir} is not a capture store (not a directory)`, 'point --store at a directory');
    throw new IoError(`cannot read the capture store ${state.segDir}: ${fileProblem(err)}`, 'check its permissions', err);
  }
}

/** Whole lines of `name` from `from`, with their offsets; calls `line` for each. */
async function scanSegment(state: ReaderState, name: string, from: number, line: (buf: Buffer, offset: number) => void): Promise<ScanEnd> {
  const path = join(state.segDir, name);
  let opened: Awaited<ReturnType<typeof openSegment>>;
  try {
    opened = await openSegment(path);
  } catch (err) {
    throw new IoError(`cannot read the capture segment ${path}: ${fileProblem(err)}`, 'check its permissions', err);
  }
  if ('gone' in opened) return 'gone';
  if ('special' in opened) {
    // Said once, not at every poll; the rest of the store is read as usual.
    if (!state.special.has(name)) state.onWarning(specialWarning(path, opened.special));
    state.special.add(name);
    return 'special';
  }
  state.special.delete(name);
  const { fh, size } = opened;
  try {
    if (size < from) return 'shrunk';
    return await scanLines(fh, from, size, line);
  } finally {
    await fh.close();
  }
}

/** Reads `fh` from `from` to `size` a chunk at a time; returns the offset after the last whole line. */
async function scanLines(fh: FileHandle, from: number, size: number, line: (buf: Buffer, offset: number) => void): Promise<number> {
  let pos = from;
  let carry = Buffer.alloc(0);
  while (pos < size) {
    const buf = Buffer.alloc(Math.min(CHUNK, size - pos));
    const { bytesRead } = await fh.read(buf, 0, buf.length, pos);
    if (bytesRead === 0) break;
    pos += bytesRead;
    const data = carry.length ? Buffer.concat([carry, buf.subarray(0, bytesRead)]) : buf.subarray(0, bytesRead);
    const base = pos - data.length;
    let start = 0;
    for (let nl = data.indexOf(0x0a, start); nl >= 0; nl = data.indexOf(0x0a, start)) {
      if (nl > start) line(data.subarray(start, nl), base + start);
      start = nl + 1;
    }
    carry = Buffer.from(data.subarray(start));
  }
  return pos - carry.length;
}

async function readNew(state: ReaderState): Promise<{ captures: Located[]; reset: boolean }> {
  const { offsets } = state;
  const captures: Located[] = [];
  let reset = false;
  const present = await segmentNames(state);
  for (const known of offsets.keys())
    if (!present.includes(known)) {
      offsets.delete(known);
      state.gone.add(known);
      reset = true;
    }
  for (const name of present) {
    const from = offsets.get(name) ?? 0;
    const end = await scanSegment(state, name, from, (buf, offset) => {
      const d = decodeLine(buf);
      if (d.ok) captures.push({ capture: d.capture, at: { segment: name, offset, length: buf.length } });
      else state.onWarning({ where: `${join(state.segDir, name)}:${offset}`, message: `${d.problem}: skipped` });
    });
    if (end === 'special') continue;
    if (end === 'gone' || end === 'shrunk') {
      offsets.delete(name);
      reset = true;
      continue;
    }
    // An own record handed over meanwhile may already have moved the offset further.
    offsets.set(name, Math.max(end, offsets.get(name) ?? 0));
  }
  return { captures, reset };
}

function ownRecord(state: ReaderState, at: RecordLocation): void {
  // A segment removed under its writer (`captures clear` from elsewhere) stays gone: counting
  // records still written to it would signal a clear at every poll.
  if (state.gone.has(at.segment)) return;
  state.owned.add(at.segment);
  // Own records may be handed over out of file order: the furthest one read so far counts.
  state.offsets.set(at.segment, Math.max(at.offset + at.length + 1, state.offsets.get(at.segment) ?? 0));
}

async function skipExisting(state: ReaderState): Promise<void> {
  for (const name of await segmentNames(state)) {
    const end = await scanSegment(state, name, state.offsets.get(name) ?? 0, () => {});
    if (typeof end === 'number') state.offsets.set(name, end);
  }
}

async function readRecordAt(segDir: string, at: RecordLocation): Promise<Capture | undefined> {
  const opened = await openSegment(join(segDir, at.segment));
  if (!('fh' in opened)) return undefined;
  try {
    const buf = Buffer.alloc(at.length);
    await opened.fh.read(buf, 0, at.length, at.offset);
    const d = decodeLine(buf);
    return d.ok ? d.capture : undefined;
  } finally {
    await opened.fh.close();
  }
}
