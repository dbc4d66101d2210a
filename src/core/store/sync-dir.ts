import { type FileHandle, open } from 'node:fs/promises';

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
