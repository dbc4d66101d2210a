import { access, constants, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { IoError, UsageError } from '../errors.js';
import { fileProblem } from '../fs-errors.js';
import { encodeRecord } from './encode.js';
import { NEWER_FORMAT } from './format.js';
import { ensureStoreDirs } from './private.js';
import { segmentReader, type DamagedRecord, type SegmentReader } from './segments.js';
import type { Capture, CaptureStore, ListFilter, StoreWarning } from './types.js';
import { syncDir } from './sync-dir.js';
import { CLEARING_PREFIX } from './segment-file.js';
import { SegmentWriter } from './writer.js';

/** How much of the newest segments `recent` reads at most: bounds a restarted listen's start-up. */
const RECENT_BYTES = 4 * 1024 * 1024;

export interface OpenStoreOptions {
  /**
   * Damaged records are skipped and reported here (a torn last line after a crash is expected).
   * A segment that cannot be read at all (permissions, a directory in its place) is an IoError
   * (exit 3): skipping it would make its captures silently disappear.
   */
  onWarning?: (warning: StoreWarning) => void;
  /** Bytes after which the writer starts a new segment file (tests make it small). */
  segmentBytes?: number;
}

/** A store that also lets `listen` check, before it binds, that it can write. */
export interface WritableCaptureStore extends CaptureStore {
  /** Creates the directory and checks it is writable; an IoError (exit 3) otherwise. */
  prepare(): Promise<void>;
}

const REF = /^[0-9a-z]{1,18}$/;

/** Whether `ref` has the shape of a capture reference: an id, a prefix of one, or `last` (any case). */
export function isCaptureRef(ref: string): boolean {
  const r = ref.trim().toLowerCase();
  return r === 'last' || REF.test(r);
}

/** `get` found nothing under that ref (and nothing damaged either): callers may try another reading of it. */
export class CaptureNotFoundError extends UsageError {
  constructor(message: string, hint?: string) {
    super(message, hint);
    this.name = 'CaptureNotFoundError';
  }
}

/** Opens (lazily: nothing touches the disk until used) the capture store under `dir`. */
export function openStore(dir: string, options: OpenStoreOptions = {}): WritableCaptureStore {
  const segDir = join(dir, 'captures');
  const warn = options.onWarning ?? (() => {});
  let dirs: Promise<void> | undefined;
  const ensureDirs = () =>
    (dirs ??= ensureStoreDirs(dir, segDir, warn).catch((err: unknown) => {
      dirs = undefined;
      throw err;
    }));
  const writer = new SegmentWriter(segDir, { segmentBytes: options.segmentBytes, prepareDir: ensureDirs });
  const store: StorePlace = { dir, segDir, warn, reader: segmentReader(segDir, warn) };
  const { segments, read } = store.reader;

  return {
    dir,

    async prepare() {
      try {
        await ensureDirs();
        await access(segDir, constants.W_OK);
      } catch (err) {
        throw new IoError(`cannot write captures to ${segDir}: ${fileProblem(err)}`, 'choose another directory with --store, or --no-store', err);
      }
    },

    append(capture) {
      return writer.append(capture.id, encodeRecord(capture));
    },

    recent: (max, maxBytes = RECENT_BYTES) => recentCaptures(store, max, maxBytes),

    async list(filter: ListFilter = {}) {
      const out: Capture[] = [];
      for (const name of (await segments()).reverse()) {
        for (const c of await read(name)) if (matches(c, filter)) out.push(c);
      }
      // Segments of two concurrent writers may interleave in time: order by id, newest first.
      return out.sort(newestFirst);
    },

    get: (ref) => getCapture(store, ref),

    async clear() {
      await writer.reset();
      let removed = 0;
      for (const name of await segments()) removed += await removeSegment(segDir, name, read);
      await syncDir(segDir);
      return removed;
    },

    close: () => writer.close(),
  };
}

/** An open store's directories, where its warnings go, and the reader of its segments. */
interface StorePlace {
  dir: string;
  segDir: string;
  warn: (warning: StoreWarning) => void;
  reader: SegmentReader;
}

/** By id, newest first. */
function newestFirst(a: Capture, b: Capture): number {
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** The newest `max` captures, reading at most `maxBytes` from the end of the newest segments. */
async function recentCaptures({ segDir, reader }: StorePlace, max: number, maxBytes: number): Promise<Capture[]> {
  const out: Capture[] = [];
  const names = await reader.segments();
  let budget = maxBytes;
  for (let i = names.length - 1; i >= 0 && out.length < max && budget > 0; i--) {
    const { records, bytes } = await reader.readTail(join(segDir, names[i] as string), budget);
    out.push(...records);
    budget -= bytes;
  }
  return out.sort(newestFirst).slice(0, max);
}

/** The capture `ref` names: `last`, an id, or a unique prefix of one. */
async function getCapture({ dir, warn, reader }: StorePlace, ref: string): Promise<Capture> {
  const wanted = ref.trim().toLowerCase();
  if (wanted === 'last') {
    const last = await reader.newest();
    if (!last) throw new UsageError(`the capture store ${dir} is empty`, 'capture deliveries first with `hookctl listen`');
    return last;
  }
  // Ids never become paths, but refuse anything that is not one, whatever it looks like.
  if (!REF.test(wanted)) {
    throw new UsageError(`"${ref}" is not a capture id`, 'use an id (or a unique prefix of one) from `hookctl captures list`, or `last`');
  }
  const { found, damaged } = await reader.byPrefix(wanted);
  // A damaged record that was not the answer is reported like any other damage.
  const resolved = (c: Capture) => {
    for (const d of damaged) warn({ where: `${d.path}:${d.offset}`, message: `${d.problem}: skipped` });
    return c;
  };
  const exact = found.find((c) => c.id === wanted);
  if (exact) return resolved(exact);
  const exactDamaged = damaged.find((d) => d.id === wanted);
  if (exactDamaged) throw damagedCapture(exactDamaged);
  const count = found.length + damaged.length;
  if (count === 0) throw new CaptureNotFoundError(`no capture "${ref}" in ${dir}`, 'list them with `hookctl captures list`');
  if (count === 1) {
    if (found[0]) return resolved(found[0]);
    throw damagedCapture(damaged[0] as DamagedRecord);
  }
  const ids = [...found.map((c) => c.id), ...damaged.map((d) => `${d.id} (damaged)`)].sort();
  throw new UsageError(`"${ref}" matches several captures: ${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', ...' : ''}`, 'type more of the id');
}

/**
 * Removes one segment and counts what it held. The segment is first renamed out of the store (one
 * atomic step, invisible to readers), then counted, then unlinked: a listen still appending to it
 * sees its name gone after its write and writes that batch again into a new segment (writer.ts),
 * so every record is either counted here or still in the store, never neither.
 */
async function removeSegment(segDir: string, name: string, read: (name: string) => Promise<Capture[]>): Promise<number> {
  const path = join(segDir, name);
  const doomed = `${CLEARING_PREFIX}${name}`;
  try {
    await rename(path, join(segDir, doomed));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0; // another clear took it
    throw new IoError(`cannot remove ${path}: ${fileProblem(err)}`, 'check its permissions', err);
  }
  const count = (await read(doomed)).length;
  await unlink(join(segDir, doomed)).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw new IoError(`cannot remove ${join(segDir, doomed)}: ${fileProblem(err)}`, 'check its permissions', err);
  });
  return count;
}

function damagedCapture(d: DamagedRecord): UsageError {
  // A record of a newer format is not damaged: this hookctl cannot read it.
  if (d.problem.startsWith(NEWER_FORMAT)) return new UsageError(`capture ${d.id} (${d.path}, line ${d.line}) was ${d.problem}`, 'upgrade hookctl to read it');
  return new UsageError(
    `capture ${d.id} is damaged in ${d.path}, line ${d.line}: ${d.problem}`,
    'the record was cut off or altered on disk; the other captures are unaffected (`hookctl captures list`)',
  );
}

function matches(c: Capture, f: ListFilter): boolean {
  if (f.provider !== undefined && c.provider !== f.provider) return false;
  if (f.event !== undefined && c.event !== f.event) return false;
  if (f.failed && c.verification?.ok !== false) return false;
  if (f.sinceMs !== undefined && !(Date.parse(c.receivedAt) >= f.sinceMs)) return false;
  return true;
}
