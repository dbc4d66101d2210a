import { readdir } from 'node:fs/promises';
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
  const segDir = join(dir, 'captures');
  const offsets = new Map<string, number>();
  const owned = new Set<string>();
  const gone = new Set<string>();
  /** Names in the place of a segment that are not regular files (a FIFO, a directory): skipped. */
  const special = new Set<string>();

  async function names(): Promise<string[]> {
    try {
      return (await readdir(segDir)).filter((n) => SEGMENT_NAME.test(n)).sort();
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // Not created yet: a listen about to start will make it.
      if (code === 'ENOENT') return [];
      if (code === 'ENOTDIR') throw new UsageError(`${dir} is not a capture store (not a directory)`, 'point --store at a directory');
      throw new IoError(`cannot read the capture store ${segDir}: ${fileProblem(err)}`, 'check its permissions', err);
    }
  }

  /** Whole lines of `name` from `from`, with their offsets; calls `line` for each. */
  async function scan(name: string, from: number, line: (buf: Buffer, offset: number) => void): Promise<number | 'gone' | 'shrunk' | 'special'> {
    const path = join(segDir, name);
    let opened: Awaited<ReturnType<typeof openSegment>>;
    try {
      opened = await openSegment(path);
    } catch (err) {
      throw new IoError(`cannot read the capture segment ${path}: ${fileProblem(err)}`, 'check its permissions', err);
    }
    if ('gone' in opened) return 'gone';
    if ('special' in opened) {
      // Said once, not at every poll; the rest of the store is read as usual.
      if (!special.has(name)) onWarning(specialWarning(path, opened.special));
      special.add(name);
      return 'special';
    }
    special.delete(name);
    const { fh, size } = opened;
    try {
      if (size < from) return 'shrunk';
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
    } finally {
      await fh.close();
    }
  }

  return {
    async next() {
      const captures: Located[] = [];
      let reset = false;
      const present = await names();
      for (const known of offsets.keys())
        if (!present.includes(known)) {
          offsets.delete(known);
          gone.add(known);
          reset = true;
        }
      for (const name of present) {
        const from = offsets.get(name) ?? 0;
        const end = await scan(name, from, (buf, offset) => {
          const d = decodeLine(buf);
          if (d.ok) captures.push({ capture: d.capture, at: { segment: name, offset, length: buf.length } });
          else onWarning({ where: `${join(segDir, name)}:${offset}`, message: `${d.problem}: skipped` });
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
    },

    rewind() {
      offsets.clear();
      owned.clear();
    },

    own(at) {
      // A segment removed under its writer (`captures clear` from elsewhere) stays gone: counting
      // records still written to it would signal a clear at every poll.
      if (gone.has(at.segment)) return;
      owned.add(at.segment);
      // Own records may be handed over out of file order: the furthest one read so far counts.
      offsets.set(at.segment, Math.max(at.offset + at.length + 1, offsets.get(at.segment) ?? 0));
    },

    owns: (name) => owned.has(name),

    async skipExisting() {
      for (const name of await names()) {
        const end = await scan(name, offsets.get(name) ?? 0, () => {});
        if (typeof end === 'number') offsets.set(name, end);
      }
    },

    async readAt(at) {
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
    },
  };
}
