import { access, constants, open, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { IoError, UsageError } from '../errors.js';
import { fileProblem } from '../fs-errors.js';
import { encodeRecord } from './encode.js';
import { NEWER_FORMAT } from './format.js';
import { decodeAll, type ScanProblem } from './scan.js';
import { ID_LENGTH } from './ids.js';
import { ensureStoreDirs } from './private.js';
import type { Capture, CaptureStore, ListFilter, StoreWarning } from './types.js';
import { SEGMENT_SUFFIX, SegmentWriter, syncDir } from './writer.js';

export type { Capture, CaptureStore, CapturedVerification, ListFilter, StoreWarning } from './types.js';
export { encodeCapture, decodeLine, sha256Hex, FORMAT_VERSION } from './format.js';
export { decodeAll, type ScanProblem } from './scan.js';
export { idGenerator, idTime } from './ids.js';
export { decodeCaptureFile, readCaptureFile } from './capture-file.js';

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

const SEGMENT_NAME = new RegExp(`^[0-9a-z]{${ID_LENGTH}}\\${SEGMENT_SUFFIX}$`);
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

/** A record whose id matched a lookup but which did not decode. */
interface DamagedRecord { id: string; path: string; offset: number; line: number; problem: string }

/** Opens (lazily: nothing touches the disk until used) the capture store under `dir`. */
export function openStore(dir: string, options: OpenStoreOptions = {}): WritableCaptureStore {
  const segDir = join(dir, 'captures');
  const warn = options.onWarning ?? (() => {});
  let dirs: Promise<void> | undefined;
  const ensureDirs = () => (dirs ??= ensureStoreDirs(dir, segDir, warn).catch((err: unknown) => { dirs = undefined; throw err; }));
  const writer = new SegmentWriter(segDir, { segmentBytes: options.segmentBytes, prepareDir: ensureDirs });

  async function segments(): Promise<string[]> {
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
  async function read(name: string, want?: (id: string) => boolean, damaged?: DamagedRecord[]): Promise<Capture[]> {
    const path = join(segDir, name);
    let data: Buffer;
    try {
      data = await readFile(path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // A segment removed under us (clear in another process) is simply gone.
      if (code === 'ENOENT') return [];
      throw unreadableSegment(path, err);
    }
    return decodeAll(data, (p: ScanProblem) => {
      if (damaged && p.id !== undefined) damaged.push({ id: p.id, path, offset: p.offset, line: p.line, problem: p.problem });
      else warn({ where: `${path}:${p.offset}`, message: `${p.problem} (${p.length} bytes): skipped` });
    }, want);
  }

  /** The whole records in the last `budget` bytes of a segment: a partial first line is not damage, just cut. */
  async function readTail(path: string, budget: number): Promise<{ records: Capture[]; bytes: number }> {
    let fh;
    try {
      fh = await open(path, 'r');
      const { size } = await fh.stat();
      const start = Math.max(0, size - budget);
      const data = Buffer.alloc(size - start);
      await fh.read(data, 0, data.length, start);
      // Starting mid-segment, everything up to the first newline belongs to a record cut by the budget.
      const from = start === 0 ? 0 : data.indexOf(0x0a) + 1;
      if (start > 0 && from === 0) return { records: [], bytes: data.length };
      const records = decodeAll(data.subarray(from), (p: ScanProblem) => warn({ where: `${path}:${start + from + p.offset}`, message: `${p.problem} (${p.length} bytes): skipped` }));
      return { records, bytes: data.length };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], bytes: 0 };
      throw unreadableSegment(path, err);
    } finally {
      await fh?.close();
    }
  }

  async function newest(): Promise<Capture | undefined> {
    const names = await segments();
    for (let i = names.length - 1; i >= 0; i--) {
      const records = await read(names[i] as string);
      if (records.length) return records.reduce((a, b) => (b.id > a.id ? b : a));
    }
    return undefined;
  }

  async function byPrefix(prefix: string): Promise<{ found: Capture[]; damaged: DamagedRecord[] }> {
    const found: Capture[] = [];
    const damaged: DamagedRecord[] = [];
    // A segment is named after its first (smallest) id: later segments cannot hold the prefix.
    for (const name of await segments()) {
      if (name.slice(0, prefix.length) > prefix) break;
      found.push(...await read(name, (id) => id.startsWith(prefix), damaged));
      if (found.length + damaged.length > 5) break;
    }
    return { found, damaged };
  }

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

    async recent(max, maxBytes = RECENT_BYTES) {
      const out: Capture[] = [];
      const names = await segments();
      let budget = maxBytes;
      for (let i = names.length - 1; i >= 0 && out.length < max && budget > 0; i--) {
        const { records, bytes } = await readTail(join(segDir, names[i] as string), budget);
        out.push(...records);
        budget -= bytes;
      }
      return out.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)).slice(0, max);
    },

    async list(filter: ListFilter = {}) {
      const out: Capture[] = [];
      for (const name of (await segments()).reverse()) {
        for (const c of await read(name)) if (matches(c, filter)) out.push(c);
      }
      // Segments of two concurrent writers may interleave in time: order by id, newest first.
      return out.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
    },

    async get(ref) {
      const wanted = ref.trim().toLowerCase();
      if (wanted === 'last') {
        const last = await newest();
        if (!last) throw new UsageError(`the capture store ${dir} is empty`, 'capture deliveries first with `hookctl listen`');
        return last;
      }
      // Ids never become paths, but refuse anything that is not one, whatever it looks like.
      if (!REF.test(wanted)) {
        throw new UsageError(`"${ref}" is not a capture id`, 'use an id (or a unique prefix of one) from `hookctl captures list`, or `last`');
      }
      const { found, damaged } = await byPrefix(wanted);
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
    },

    async clear() {
      await writer.reset();
      let removed = 0;
      for (const name of await segments()) {
        removed += (await read(name)).length;
        await unlink(join(segDir, name)).catch((err: NodeJS.ErrnoException) => {
          if (err.code !== 'ENOENT') throw new IoError(`cannot remove ${join(segDir, name)}: ${fileProblem(err)}`, 'check its permissions', err);
        });
      }
      await syncDir(segDir);
      return removed;
    },

    close: () => writer.close(),
  };
}

function damagedCapture(d: DamagedRecord): UsageError {
  // A record of a newer format is not damaged: this hookctl cannot read it.
  if (d.problem.startsWith(NEWER_FORMAT)) return new UsageError(`capture ${d.id} (${d.path}, line ${d.line}) was ${d.problem}`, 'upgrade hookctl to read it');
  return new UsageError(`capture ${d.id} is damaged in ${d.path}, line ${d.line}: ${d.problem}`,
    'the record was cut off or altered on disk; the other captures are unaffected (`hookctl captures list`)');
}

function unreadableSegment(path: string, err: unknown): IoError {
  const code = (err as NodeJS.ErrnoException).code ?? String(err);
  const hint = code === 'EISDIR'
    ? 'a directory is in the place of a capture segment: move it out of the store'
    : code === 'EACCES' || code === 'EPERM'
      ? 'check its permissions: the user running hookctl must be able to read the store (ls -l)'
      : 'check the disk and the file\'s permissions';
  return new IoError(`cannot read the capture segment ${path}: ${fileProblem(err)}`, hint, err);
}

function matches(c: Capture, f: ListFilter): boolean {
  if (f.provider !== undefined && c.provider !== f.provider) return false;
  if (f.event !== undefined && c.event !== f.event) return false;
  if (f.failed && c.verification?.ok !== false) return false;
  if (f.sinceMs !== undefined && !(Date.parse(c.receivedAt) >= f.sinceMs)) return false;
  return true;
}
