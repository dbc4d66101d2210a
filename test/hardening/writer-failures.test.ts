import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SegmentWriter } from '../../src/core/store/writer.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hookctl-disk-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
const id = (i: number) => `r${String(i).padStart(17, '0')}`;

/** Real segment files on a disk that is full after `room` bytes: a write past it stores what fits, then fails. */
function fullDisk(room: number) {
  let used = 0;
  return async (path: string, flags: number): Promise<FileHandle> => {
    const fh = await open(path, flags, 0o600);
    const writev = fh.writev.bind(fh);
    fh.writev = (async (buffers: Buffer[]) => {
      const data = Buffer.concat(buffers);
      const fits = Math.max(0, Math.min(data.length, room - used));
      if (fits > 0) await writev([data.subarray(0, fits)]);
      used += fits;
      if (fits < data.length) throw enospc();
      return { bytesWritten: fits, buffers };
    }) as FileHandle['writev'];
    return fh;
  };
}

describe('a full disk leaves no empty segment and no half record (issue 13, break 10)', () => {
  it('113 failed writes on a full disk leave no file at all', async () => {
    const w = new SegmentWriter(dir, { createFile: fullDisk(0) });
    for (let i = 0; i < 113; i++) await expect(w.append(id(i), Buffer.from(`${id(i)}\n`))).rejects.toMatchObject({ code: 'ENOSPC' });
    await w.close();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a write cut short by a full disk is cut back to the last whole record', async () => {
    const w = new SegmentWriter(dir, { createFile: fullDisk(30) });
    await w.append(id(1), Buffer.from(`${id(1)}\n`)); // 20 bytes: fits
    await expect(w.append(id(2), Buffer.from(`${id(2)}\n`))).rejects.toMatchObject({ code: 'ENOSPC' });
    await expect(w.append(id(3), Buffer.from(`${id(3)}\n`))).rejects.toMatchObject({ code: 'ENOSPC' });
    await w.close();
    const files = readdirSync(dir);
    expect(files).toEqual([`${id(1)}.ndjson`]);
    expect(readFileSync(join(dir, files[0] as string), 'utf8')).toBe(`${id(1)}\n`);
  });
});

describe('batches are split by bytes (issue 13, break 2)', () => {
  it('records beyond batchBytes go in further batches, each one write, all in order', async () => {
    const w = new SegmentWriter(dir, { batchBytes: 1000 });
    const records = Array.from({ length: 20 }, (_, i) => Buffer.from(`${id(i)}${'x'.repeat(280)}\n`));
    await Promise.all(records.map((r, i) => w.append(id(i), r)));
    await w.close();
    expect(w.batches).toBeGreaterThanOrEqual(7);
    expect(readFileSync(join(dir, readdirSync(dir)[0] as string)).equals(Buffer.concat(records))).toBe(true);
  });
});
