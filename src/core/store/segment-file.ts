import { constants, type Stats } from 'node:fs';
import { type FileHandle, open, stat } from 'node:fs/promises';
import { ID_LENGTH } from './ids.js';
import type { StoreWarning } from './types.js';

export const SEGMENT_SUFFIX = '.ndjson';
/** Only files named `<18 id characters>.ndjson` are segments (docs/capture-format.md, "Layout"). */
export const SEGMENT_NAME = new RegExp(`^[0-9a-z]{${ID_LENGTH}}\\${SEGMENT_SUFFIX}$`);
/** A segment being removed by `clear` is renamed with this prefix first: no longer a segment name. */
export const CLEARING_PREFIX = '.clearing-';

/**
 * O_NONBLOCK: opening a FIFO for reading otherwise waits for a writer, in a thread-pool thread
 * that nothing can interrupt (Ctrl-C then cannot end the process). Without effect on regular files.
 */
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export type OpenedSegment = { fh: FileHandle; size: number } | { gone: true } | { special: string };

/**
 * Opens a segment to read, never blocking: a name removed meanwhile (a clear) is `gone`, and
 * anything but a regular file in a segment's place (a FIFO, a directory, a device) is `special`,
 * named by its kind so the caller can skip it with a warning.
 */
export async function openSegment(path: string): Promise<OpenedSegment> {
  let fh: FileHandle;
  try {
    fh = await open(path, READ_FLAGS);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { gone: true };
    // Some special files cannot be opened at all (a socket: ENXIO): still skipped, by kind.
    const st = await stat(path).catch(() => undefined);
    if (st && !st.isFile()) return { special: kindOf(st) };
    throw err;
  }
  try {
    const st = await fh.stat();
    if (st.isFile()) return { fh, size: st.size };
    await fh.close();
    return { special: kindOf(st) };
  } catch (err) {
    await fh.close().catch(() => {});
    throw err;
  }
}

/** A whole segment's bytes, or why there are none. */
export async function readSegment(path: string): Promise<Buffer | { gone: true } | { special: string }> {
  const opened = await openSegment(path);
  if (!('fh' in opened)) return opened;
  try {
    const data = Buffer.alloc(opened.size);
    let at = 0;
    while (at < data.length) {
      const { bytesRead } = await opened.fh.read(data, at, data.length - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return data.subarray(0, at);
  } finally {
    await opened.fh.close();
  }
}

/** What a reader says when it skips something that is not a segment file. */
export function specialWarning(path: string, kind: string): StoreWarning {
  return { where: path, message: `a ${kind} is in the place of a capture segment: skipped (move it out of the store)` };
}

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'directory';
  if (st.isFIFO()) return 'named pipe (FIFO)';
  if (st.isSocket()) return 'socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'device';
  return 'special file';
}
