import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storeReader } from '../../src/core/store/follow.js';
import { encodeCapture, openStore } from '../../src/core/store/index.js';
import { makeCapture, storeWith, tempDir } from '../captures/helpers.js';

const capture = (n: number) => makeCapture({ provider: 'github', secret: 's', body: `{"n":${n}}`, at: Date.UTC(2026, 0, 1) + n * 1000 });

describe('storeReader: reading a store incrementally', () => {
  it('returns everything once, then only what was appended since', async () => {
    const dir = await storeWith([capture(1), capture(2)]);
    const reader = storeReader(dir);
    expect((await reader.next()).captures.map((l) => l.capture.body.toString())).toEqual(['{"n":1}', '{"n":2}']);
    expect((await reader.next()).captures).toEqual([]);
    const store = openStore(dir);
    await store.append(capture(3));
    await store.close();
    const { captures, reset } = await reader.next();
    expect(reset).toBe(false);
    expect(captures.map((l) => l.capture.body.toString())).toEqual(['{"n":3}']);
    // Its location reads it back alone.
    expect((await reader.readAt(captures[0]!.at))?.id).toBe(captures[0]!.capture.id);
  });

  it('waits for a line still being written, and reads it whole once it ends', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'captures'));
    const c = capture(4);
    const line = encodeCapture(c);
    const seg = join(dir, 'captures', `${c.id}.ndjson`);
    writeFileSync(seg, line.slice(0, 40));
    const warnings: string[] = [];
    const reader = storeReader(dir, (w) => warnings.push(w.message));
    expect((await reader.next()).captures).toEqual([]);
    appendFileSync(seg, line.slice(40));
    expect((await reader.next()).captures.map((l) => l.capture.id)).toEqual([c.id]);
    expect(warnings).toEqual([]);
  });

  it('skips what exists with skipExisting, and says reset after a clear', async () => {
    const dir = await storeWith([capture(5)]);
    const reader = storeReader(dir);
    await reader.skipExisting();
    expect((await reader.next()).captures).toEqual([]);
    const store = openStore(dir);
    await store.clear();
    expect((await reader.next()).reset).toBe(true);
    await store.append(capture(6));
    await store.close();
    expect((await reader.next()).captures.map((l) => l.capture.body.toString())).toEqual(['{"n":6}']);
  });
});

describe('storeReader: what this process wrote itself', () => {
  it('an owned record is skipped, while another writer in the same store is still read', async () => {
    const dir = tempDir();
    const mine = openStore(dir);
    const reader = storeReader(dir);
    const at1 = await mine.append(capture(7));
    const at2 = await mine.append(capture(8));
    // Handed over out of order, as answers can be: the furthest one counts.
    reader.own(at2);
    reader.own(at1);
    expect(reader.owns(at1.segment)).toBe(true);
    const other = openStore(dir);
    await other.append(capture(9));
    await other.close();
    const { captures } = await reader.next();
    expect(captures.map((l) => l.capture.body.toString())).toEqual(['{"n":9}']);
    // A record the writer stores later, not yet handed over, is read (the poll's safety net).
    await mine.append(capture(10));
    await mine.close();
    expect((await reader.next()).captures.map((l) => l.capture.body.toString())).toEqual(['{"n":10}']);
  });

  it('the location append resolves with reads the record back', async () => {
    const dir = tempDir();
    const store = openStore(dir);
    const c = capture(11);
    const [first, second] = await Promise.all([store.append(capture(12)), store.append(c)]);
    await store.close();
    expect(second.segment).toBe(first.segment);
    expect(second.offset).toBe(first.offset + first.length + 1);
    expect((await storeReader(dir).readAt(second))?.id).toBe(c.id);
  });
});

describe('storeReader: a store cleared under its writer', () => {
  it('says reset once, not at every poll while the writer goes on writing to the removed segment', async () => {
    const dir = tempDir();
    const mine = openStore(dir);
    const reader = storeReader(dir);
    reader.own(await mine.append(capture(20)));
    expect((await reader.next()).reset).toBe(false);
    await openStore(dir).clear();
    expect((await reader.next()).reset).toBe(true);
    reader.rewind();
    // The writer still holds the removed segment open and appends to it.
    reader.own(await mine.append(capture(21)));
    expect((await reader.next()).reset).toBe(false);
    await mine.close();
  });
});
