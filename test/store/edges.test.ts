import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { open, unlink } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IoError, UsageError } from '../../src/core/errors.js';
import { openStore, type StoreWarning } from '../../src/core/store/index.js';
import { watchStore } from '../../src/core/store/watch.js';
import { SegmentWriter } from '../../src/core/store/writer.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hookctl-edges-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('what stands where a segment should be', () => {
  it('a device (a link to /dev/null) and a socket are skipped, each named by its kind', async () => {
    const segs = join(dir, 'captures');
    mkdirSync(segs);
    symlinkSync('/dev/null', join(segs, 'zzzzzzzzzzzzzzzzzz.ndjson'));
    const socket: Server = createServer();
    await new Promise<void>((resolve) => socket.listen(join(segs, 'zzzzzzzzzzzzzzzzzy.ndjson'), resolve));
    try {
      const warnings: StoreWarning[] = [];
      expect(await openStore(dir, { onWarning: (w) => warnings.push(w) }).list()).toEqual([]);
      expect(warnings.map((w) => w.message).sort()).toEqual([
        'a device is in the place of a capture segment: skipped (move it out of the store)',
        'a socket is in the place of a capture segment: skipped (move it out of the store)',
      ]);
    } finally {
      await new Promise((resolve) => socket.close(resolve));
    }
  });

  it('a file where the captures directory should be is a usage error naming it', async () => {
    writeFileSync(join(dir, 'captures'), 'not a directory');
    await expect(openStore(dir).list()).rejects.toThrow(UsageError);
    await expect(openStore(dir).list()).rejects.toThrow(/is not a directory/);
  });
});

describe('a segment that keeps disappearing as it is written', () => {
  it('fails the batch after a few new segments instead of looping', async () => {
    // Each new segment is removed as soon as it is created: not a clear racing the writer.
    const createFile = async (path: string, flags: number) => {
      const fh = await open(path, flags, 0o600);
      await unlink(path);
      return fh;
    };
    const w = new SegmentWriter(dir, { createFile });
    const err = await w.append('a00000000000000000', Buffer.from('a\n')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IoError);
    expect((err as IoError).message).toMatch(/keep disappearing as they are written/);
    await w.close();
  });
});

describe('watchStore', () => {
  it('reports a failing read once until its error changes, not at every change', async () => {
    mkdirSync(join(dir, 'captures'));
    const abort = new AbortController();
    const errors: string[] = [];
    let reads = 0;
    let wake: (() => void) | undefined;
    const read = async () => {
      reads++;
      wake?.();
      if (reads === 1) return;
      throw new Error(reads < 5 ? 'the same failure' : 'another failure');
    };
    await watchStore(dir, abort.signal, read, (e) => errors.push((e as Error).message));
    try {
      // Each file written is a change the watcher reports (and the poll under it reads too).
      for (let i = 0; reads < 6; i++) {
        const next = new Promise<void>((resolve) => {
          wake = resolve;
        });
        writeFileSync(join(dir, 'captures', `f${i}`), 'x');
        await next;
      }
      expect(errors[0]).toBe('the same failure');
      expect(errors.filter((e) => e === 'the same failure')).toHaveLength(1);
      expect(errors).toContain('another failure');
    } finally {
      abort.abort();
    }
  });
});
