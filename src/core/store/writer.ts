import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { createPrivateFile } from './private.js';

/** A new segment starts once the current one holds this much. */
const SEGMENT_BYTES = 16 * 1024 * 1024;
export const SEGMENT_SUFFIX = '.ndjson';

/** Where the platform has it (Linux, macOS); elsewhere an explicit fdatasync follows each write. */
const DSYNC = constants.O_DSYNC ?? 0;

interface Pending {
  id: string;
  line: string;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * Appends record lines to segment files with group commit: the records that arrive while a
 * write+fdatasync is in flight go out together in the next one, and every promise resolves only
 * once its record is on disk. One fsync per batch instead of one per record.
 */
export class SegmentWriter {
  private queue: Pending[] = [];
  private running: Promise<void> | undefined;
  private fh: FileHandle | undefined;
  private size = 0;
  private dirReady = false;
  /** Batches written so far (each one write and one sync): fewer than records under load. */
  batches = 0;

  /** `prepareDir` creates the segment directory (private) before the first segment. */
  constructor(private readonly dir: string, private readonly segmentBytes = SEGMENT_BYTES, private readonly prepareDir: () => Promise<unknown> = async () => {}) {}

  /** Resolves when `line` (one record, newline included) is durably written. */
  append(id: string, line: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id, line, resolve, reject });
      // Start at the end of this event-loop turn, so every request that completed in it shares the first write.
      this.running ??= new Promise<void>((r) => setImmediate(r)).then(() => this.drain());
    });
  }

  /** Waits for queued records, then closes the segment. */
  async close(): Promise<void> {
    while (this.running) await this.running;
    const fh = this.fh;
    this.fh = undefined;
    await fh?.close();
  }

  /** Abandons the current segment (after `clear`, or a failed write): the next record starts a new one. */
  async reset(): Promise<void> {
    await this.close();
    this.size = 0;
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue;
        this.queue = [];
        try {
          await this.writeBatch(batch);
          for (const p of batch) p.resolve();
        } catch (err) {
          // A partial write may have left half a line: never append after it.
          const fh = this.fh;
          this.fh = undefined;
          await fh?.close().catch(() => {});
          for (const p of batch) p.reject(err);
        }
      }
    } finally {
      // Same tick as the empty-queue check: an append cannot slip in between and be stranded.
      this.running = undefined;
    }
  }

  private async writeBatch(batch: Pending[]): Promise<void> {
    if (!this.fh || this.size >= this.segmentBytes) await this.startSegment((batch[0] as Pending).id);
    const fh = this.fh as FileHandle;
    const data = Buffer.from(batch.length === 1 ? (batch[0] as Pending).line : batch.map((p) => p.line).join(''), 'utf8');
    // O_DSYNC: each write returns once its data is on disk, one thread-pool round trip instead of two.
    let off = 0;
    while (off < data.length) off += (await fh.write(data, off, data.length - off)).bytesWritten;
    if (!DSYNC) await fh.datasync();
    this.size += data.length;
    this.batches++;
  }

  private async startSegment(firstId: string): Promise<void> {
    await this.fh?.close();
    this.fh = undefined;
    if (!this.dirReady) {
      await this.prepareDir();
      this.dirReady = true;
    }
    // Exclusive create: two processes on one store never share a segment.
    this.fh = await createPrivateFile(join(this.dir, `${firstId}${SEGMENT_SUFFIX}`), constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | DSYNC);
    this.size = 0;
    await syncDir(this.dir);
  }
}

/** Makes a new directory entry durable (a file that exists only in the page cache is lost on power failure). */
export async function syncDir(dir: string): Promise<void> {
  let fh: FileHandle | undefined;
  try {
    fh = await open(dir, 'r');
    await fh.sync();
  } catch {
    // Some platforms cannot open or fsync a directory; the data itself is still synced.
  } finally {
    await fh?.close().catch(() => {});
  }
}
