import { access, constants, mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { IoError, UsageError } from '../errors.js';
import { decodeAll, encodeCapture } from './format.js';
import { ID_LENGTH } from './ids.js';
import type { Capture, CaptureStore, ListFilter, StoreWarning } from './types.js';
import { SEGMENT_SUFFIX, SegmentWriter, syncDir } from './writer.js';

export type { Capture, CaptureStore, CapturedVerification, ListFilter, StoreWarning } from './types.js';
export { encodeCapture, decodeAll, decodeLine, sha256Hex, FORMAT_VERSION } from './format.js';
export { idGenerator, idTime, ID_PATTERN } from './ids.js';

export interface OpenStoreOptions {
  /** Damaged or unreadable entries are skipped and reported here; readers never throw on them. */
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

/** Opens (lazily: nothing touches the disk until used) the capture store under `dir`. */
export function openStore(dir: string, options: OpenStoreOptions = {}): WritableCaptureStore {
  const segDir = join(dir, 'captures');
  const warn = options.onWarning ?? (() => {});
  const writer = new SegmentWriter(segDir, options.segmentBytes);

  async function segments(): Promise<string[]> {
    try {
      return (await readdir(segDir)).filter((n) => SEGMENT_NAME.test(n)).sort();
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return [];
      if (code === 'ENOTDIR') throw new UsageError(`${segDir} is not a directory`, 'point --store at a directory');
      throw new IoError(`cannot read the capture store ${segDir}: ${code ?? String(err)}`, 'check its permissions', err);
    }
  }

  async function read(name: string, want?: (id: string) => boolean): Promise<Capture[]> {
    const path = join(segDir, name);
    let data: Buffer;
    try {
      data = await readFile(path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // A segment removed under us (clear in another process) is simply gone.
      if (code !== 'ENOENT') warn({ where: path, message: `unreadable segment skipped: ${code ?? String(err)}` });
      return [];
    }
    return decodeAll(data, (p) => warn({ where: `${path}:${p.offset}`, message: `${p.problem}: skipped` }), want);
  }

  async function newest(): Promise<Capture | undefined> {
    const names = await segments();
    for (let i = names.length - 1; i >= 0; i--) {
      const records = await read(names[i] as string);
      if (records.length) return records.reduce((a, b) => (b.id > a.id ? b : a));
    }
    return undefined;
  }

  async function byPrefix(prefix: string): Promise<Capture[]> {
    const found: Capture[] = [];
    // A segment is named after its first (smallest) id: later segments cannot hold the prefix.
    for (const name of await segments()) {
      if (name.slice(0, prefix.length) > prefix) break;
      found.push(...await read(name, (id) => id.startsWith(prefix)));
      if (found.length > 5) break;
    }
    return found;
  }

  return {
    dir,

    async prepare() {
      try {
        await mkdir(segDir, { recursive: true });
        await access(segDir, constants.W_OK);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code ?? String(err);
        throw new IoError(`cannot write captures to ${segDir}: ${code}`, 'choose another directory with --store, or --no-store', err);
      }
    },

    append(capture) {
      return writer.append(capture.id, encodeCapture(capture));
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
      const found = await byPrefix(wanted);
      if (found.length === 1) return found[0] as Capture;
      if (found.length === 0) throw new UsageError(`no capture "${ref}" in ${dir}`, 'list them with `hookctl captures list`');
      const exact = found.find((c) => c.id === wanted);
      if (exact) return exact;
      throw new UsageError(`"${ref}" matches several captures: ${found.slice(0, 5).map((c) => c.id).join(', ')}${found.length > 5 ? ', ...' : ''}`, 'type more of the id');
    },

    async clear() {
      await writer.reset();
      let removed = 0;
      for (const name of await segments()) {
        removed += (await read(name)).length;
        await unlink(join(segDir, name)).catch((err: NodeJS.ErrnoException) => {
          if (err.code !== 'ENOENT') throw new IoError(`cannot remove ${join(segDir, name)}: ${err.code}`, 'check its permissions', err);
        });
      }
      await syncDir(segDir);
      return removed;
    },

    close: () => writer.close(),
  };
}

function matches(c: Capture, f: ListFilter): boolean {
  if (f.provider !== undefined && c.provider !== f.provider) return false;
  if (f.event !== undefined && c.event !== f.event) return false;
  if (f.failed && c.verification?.ok !== false) return false;
  if (f.sinceMs !== undefined && !(Date.parse(c.receivedAt) >= f.sinceMs)) return false;
  return true;
}

/** Reads a file of capture records (an exported capture, a copied segment); damage is skipped with a warning. */
export async function readCaptureFile(path: string, onWarning: (w: StoreWarning) => void = () => {}): Promise<Capture[]> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read capture file ${path}: ${code ?? String(err)}`, 'check the path', err);
  }
  return decodeAll(data, (p) => onWarning({ where: `${path}:${p.offset}`, message: `${p.problem}: skipped` }));
}
