import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { seededRandom } from '../../src/core/random.js';
import { idGenerator, idTime } from '../../src/core/store/ids.js';
import { SegmentWriter } from '../../src/core/store/writer.js';
import { DedupIndex } from '../../src/core/server/dedup.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hookctl-writer-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('SegmentWriter (group commit)', () => {
  it('writes concurrent appends in far fewer batches than records, all durable and in order', async () => {
    const w = new SegmentWriter(dir);
    const ids = Array.from({ length: 500 }, (_, i) => `r${String(i).padStart(17, '0')}`);
    await Promise.all(ids.map((id) => w.append(id, Buffer.from(`${id}\n`))));
    await w.close();
    expect(w.batches).toBeLessThan(50);
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(readFileSync(join(dir, files[0] as string), 'utf8')).toBe(ids.map((id) => `${id}\n`).join(''));
  });

  it('an append made while a batch is being written is not stranded', async () => {
    const w = new SegmentWriter(dir);
    const first = w.append('a00000000000000000', Buffer.from('a\n'));
    await first;
    // The drain loop has just ended: a new append must start a new one.
    await w.append('b00000000000000000', Buffer.from('b\n'));
    await w.close();
    expect(readFileSync(join(dir, 'a00000000000000000.ndjson'), 'utf8')).toBe('a\nb\n');
  });

  it('a batch waits while each loop turn still brings records (a busy listen), then writes them in one go', async () => {
    const w = new SegmentWriter(dir);
    const appended: Promise<{ offset: number; length: number }>[] = [];
    const append = (i: number) => appended.push(w.append(`t${String(i).padStart(17, '0')}`, Buffer.from(`${i}\n`)));
    // One record per loop turn for five turns, each ahead of the writer's look at its queue, as
    // requests read from sockets are (the poll phase comes before the writer's check-phase turn).
    const all = new Promise<void>((resolve) => {
      const next = (i: number) => {
        append(i);
        if (i < 4) setImmediate(() => next(i + 1));
        else resolve();
      };
      setImmediate(() => next(1));
    });
    append(0);
    await all;
    const at = await Promise.all(appended);
    await w.close();
    expect(w.batches).toBe(1);
    expect(at.map((a) => a.offset)).toEqual([0, 2, 4, 6, 8]);
    expect(at.every((a) => a.length === 1)).toBe(true);
  });

  it('a lone record is written after one quiet turn, not held for more', async () => {
    const w = new SegmentWriter(dir);
    await w.append('l00000000000000000', Buffer.from('l\n'));
    expect(w.batches).toBe(1);
    await w.close();
  });

  it('rejects every append of a batch when the directory cannot be written', async () => {
    const w = new SegmentWriter(join(dir, 'missing', '\u0000bad'));
    await expect(w.append('a00000000000000000', Buffer.from('a\n'))).rejects.toThrow();
  });
});

describe('capture ids', () => {
  it('sort by time and by order within a millisecond, even when the clock steps back', () => {
    let now = 1_700_000_000_000;
    const next = idGenerator(() => now, seededRandom(1));
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) ids.push(next());
    now -= 5_000;
    for (let i = 0; i < 5; i++) ids.push(next());
    now += 10_000;
    ids.push(next());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^[0-9a-z]{18}$/.test(id))).toBe(true);
    expect(idTime(ids[0] as string)).toBe(1_700_000_000_000);
  });
});

describe('DedupIndex', () => {
  it('returns the first capture id for a repeated key', () => {
    const d = new DedupIndex(100);
    expect(d.check('k1', 'a')).toBeUndefined();
    expect(d.check('k1', 'b')).toBe('a');
    expect(d.check('k2', 'c')).toBeUndefined();
    expect(d.check('k1', 'd')).toBe('a');
  });

  it('stays within its capacity, remembers the last capacity/2 keys, forgets older ones', () => {
    const d = new DedupIndex(1000);
    for (let i = 0; i < 10_000; i++) d.check(`key-${i}`, `id-${i}`);
    expect(d.size).toBeLessThanOrEqual(1000);
    for (let i = 9_500; i < 10_000; i++) expect(d.check(`key-${i}`, 'again')).toBe(`id-${i}`);
    expect(d.check('key-0', 'new')).toBeUndefined();
  });

  it('keeps a key that keeps coming back', () => {
    const d = new DedupIndex(10);
    d.check('hot', 'first');
    for (let i = 0; i < 100; i++) {
      d.check(`cold-${i}`, `c${i}`);
      if (i % 3 === 0) expect(d.check('hot', 'later')).toBe('first');
    }
  });

  // A Map used as an LRU slows down as deleted slots pile up: eviction here drops a whole generation
  // instead, so each check costs the same few Map operations past capacity. (The timing: bench/dedup.mjs.)
  it('past its capacity, a check is still at most three Map operations and deletes nothing', () => {
    const d = new DedupIndex(1_000);
    const ops = { get: vi.spyOn(Map.prototype, 'get'), set: vi.spyOn(Map.prototype, 'set'), delete: vi.spyOn(Map.prototype, 'delete') };
    try {
      for (let i = 0; i < 4_000; i++) d.check(`id:github:${i}-0000-1111-2222-333344445555`, `${i}`);
      expect(ops.delete).not.toHaveBeenCalled();
      expect(ops.get.mock.calls.length + ops.set.mock.calls.length).toBeLessThanOrEqual(3 * 4_000);
    } finally {
      for (const spy of Object.values(ops)) spy.mockRestore();
    }
    expect(d.size).toBeLessThanOrEqual(1_000);
  });
});
