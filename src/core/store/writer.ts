import { constants } from 'node:fs';
import { stat, unlink, type FileHandle } from 'node:fs/promises';
import { syncDir } from './sync-dir.js';
import { basename, join } from 'node:path';
import { IoError } from '../errors.js';
import { createPrivateFile } from './private.js';
import { SEGMENT_SUFFIX } from './segment-file.js';
import type { RecordLocation } from './types.js';
import { unwrittenBuffers } from './unwritten.js';

/** A new segment starts once the current one holds this much. */
const SEGMENT_BYTES = 16 * 1024 * 1024;
/** A batch (one write, one sync) closes once it holds this much: large bodies go out a few at a time. */
const BATCH_BYTES = 8 * 1024 * 1024;
/** Loop turns a batch may wait for more records, while each turn still brings some (see `gather`). */
const GATHER_TURNS = 16;

/** Writes of one batch into segments that were removed under it, before the batch fails. */
const MAX_REWRITES = 3;

/** Where the platform has it (Linux, macOS); elsewhere an explicit fdatasync follows each write. */
const DSYNC = constants.O_DSYNC ?? 0;

interface Pending {
  id: string;
  record: Buffer;
  resolve: (at: RecordLocation) => void;
  reject: (err: unknown) => void;
}

export interface WriterOptions {
  /** Bytes after which a new segment file starts (tests make it small). */
  segmentBytes?: number;
  /** Bytes after which a batch closes. */
  batchBytes?: number;
  /** Creates the segment directory (private) before the first segment. */
  prepareDir?: () => Promise<unknown>;
  /** Opens a new segment file; tests inject a disk that fails. */
  createFile?: (path: string, flags: number) => Promise<FileHandle>;
}

/**
 * Appends records to segment files with group commit: the records that arrive while a
 * write+fdatasync is in flight go out together in the next one (up to `batchBytes`), and every
 * promise resolves only once its record is on disk. Records stay Buffers end to end: a batch is
 * one writev of them, never a joined copy.
 */
export class SegmentWriter {
  private queue: Pending[] = [];
  /** Bytes of the records in `queue`. */
  private queuedBytes = 0;
  private running: Promise<void> | undefined;
  private fh: FileHandle | undefined;
  private path: string | undefined;
  /** The current segment's inode: the name must still lead to it once a batch is written. */
  private inode: { dev: number; ino: number } | undefined;
  /** Bytes of whole records in the current segment: what a failed write is cut back to. */
  private size = 0;
  private dirReady = false;
  private readonly segmentBytes: number;
  private readonly batchBytes: number;
  /** Batches written so far (each one write and one sync): fewer than records under load. */
  batches = 0;

  constructor(
    private readonly dir: string,
    private readonly o: WriterOptions = {},
  ) {
    this.segmentBytes = o.segmentBytes ?? SEGMENT_BYTES;
    this.batchBytes = o.batchBytes ?? BATCH_BYTES;
  }

  /** Resolves, with where the record lies, when `record` (one line, newline included) is durably written. */
  append(id: string, record: Buffer): Promise<RecordLocation> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id, record, resolve, reject });
      this.queuedBytes += record.length;
      // The first write waits for the end of this loop turn (gather), so the turn's records share it.
      this.running ??= this.drain();
    });
  }

  /** Waits for queued records, then closes the segment. */
  async close(): Promise<void> {
    while (this.running) await this.running;
    const fh = this.fh;
    this.fh = undefined;
    await fh?.close();
  }

  /** Abandons the current segment (after `clear`): the next record starts a new one. */
  async reset(): Promise<void> {
    await this.close();
    this.size = 0;
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        await this.gather();
        const batch = this.takeBatch();
        try {
          let offset = await this.writeBatch(batch);
          const segment = basename(this.path as string);
          for (const p of batch) {
            p.resolve({ segment, offset, length: p.record.length - 1 });
            offset += p.record.length;
          }
        } catch (err) {
          await this.abandonSegment();
          for (const p of batch) p.reject(err);
        }
      }
    } finally {
      // Same tick as the empty-queue check: an append cannot slip in between and be stranded.
      this.running = undefined;
    }
  }

  /**
   * Group commit, with patience: a synced write costs about as much CPU for one record as for fifty
   * (about 190 µs here), so while each loop turn still brings records (a busy listen) the batch waits
   * another turn, up to GATHER_TURNS or a full batch. A lone record waits one turn.
   */
  private async gather(): Promise<void> {
    let seen = this.queue.length;
    for (let turn = 0; turn < GATHER_TURNS && this.queuedBytes < this.batchBytes; turn++) {
      await new Promise((resolve) => setImmediate(resolve));
      if (this.queue.length === seen) return;
      seen = this.queue.length;
    }
  }

  /** The oldest records up to `batchBytes` (at least one, however large). */
  private takeBatch(): Pending[] {
    let bytes = 0;
    let n = 0;
    while (n < this.queue.length && (n === 0 || bytes + (this.queue[n] as Pending).record.length <= this.batchBytes)) {
      bytes += (this.queue[n] as Pending).record.length;
      n++;
    }
    this.queuedBytes -= bytes;
    return this.queue.splice(0, n);
  }

  /**
   * Writes the batch; returns the offset in the segment at which it starts. Another process may
   * remove or rename the segment at any moment (`captures clear`), and this process would go on
   * appending to a file no reader can find: so once the batch is on disk, the segment's name must
   * still lead to this file, or the batch is written again into a new segment before anyone is
   * answered. Each record then lies in a named segment at the moment it is acknowledged.
   */
  private async writeBatch(batch: Pending[]): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      const start = await this.appendBatch(batch);
      if (await this.stillNamed()) return start;
      await this.leaveSegment();
      // A segment removed at every try is not a clear racing us: fail the batch rather than loop.
      if (attempt === MAX_REWRITES)
        throw new IoError(`the capture segments in ${this.dir} keep disappearing as they are written`, 'is something removing files from the store? stop it, or choose another --store');
    }
  }

  private async appendBatch(batch: Pending[]): Promise<number> {
    if (!this.fh || this.size >= this.segmentBytes) await this.startSegment((batch[0] as Pending).id);
    const fh = this.fh as FileHandle;
    let buffers = batch.map((p) => p.record);
    let total = buffers.reduce((n, b) => n + b.length, 0);
    const batchBytes = total;
    // O_DSYNC: each write returns once its data is on disk, one thread-pool round trip instead of two.
    while (total > 0) {
      const { bytesWritten } = await fh.writev(buffers);
      total -= bytesWritten;
      if (total > 0) buffers = unwrittenBuffers(buffers, bytesWritten);
    }
    if (!DSYNC) await fh.datasync();
    const start = this.size;
    this.size += batchBytes;
    this.batches++;
    return start;
  }

  /** Whether the current segment's path still names the file being written (one stat, after each batch). */
  private async stillNamed(): Promise<boolean> {
    try {
      const st = await stat(this.path as string);
      return st.ino === this.inode?.ino && st.dev === this.inode.dev;
    } catch {
      return false;
    }
  }

  /** Drops a segment that was removed or replaced under us (its records are clear's to count); the next write starts a new one. */
  private async leaveSegment(): Promise<void> {
    const fh = this.fh;
    this.fh = undefined;
    this.inode = undefined;
    this.size = 0;
    await fh?.close().catch(() => {});
  }

  /**
   * After a failed write (disk full, I/O error) the segment is cut back to its last whole record,
   * so no half line stays behind, and a segment with no record in it is removed: a full disk must
   * not leave one empty file per failed batch. The next record starts a new segment.
   */
  private async abandonSegment(): Promise<void> {
    const fh = this.fh;
    const path = this.path;
    this.fh = undefined;
    if (!fh || !path) return;
    await fh.truncate(this.size).catch(() => {});
    await fh.close().catch(() => {});
    if (this.size === 0) await unlink(path).catch(() => {});
    this.size = 0;
  }

  private async startSegment(firstId: string): Promise<void> {
    await this.fh?.close();
    this.fh = undefined;
    if (!this.dirReady) {
      await this.o.prepareDir?.();
      this.dirReady = true;
    }
    // Exclusive create: two processes on one store never share a segment.
    this.path = join(this.dir, `${firstId}${SEGMENT_SUFFIX}`);
    this.fh = await (this.o.createFile ?? createPrivateFile)(this.path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | DSYNC);
    const { dev, ino } = await this.fh.stat();
    this.inode = { dev, ino };
    this.size = 0;
    await syncDir(this.dir);
  }
}
