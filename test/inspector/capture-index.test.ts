import { describe, expect, it } from 'vitest';
import { CaptureIndex } from '../../src/core/inspector/capture-index.js';
import { makeCapture } from '../captures/helpers.js';

const at = (i: number) => ({ segment: 'seg', offset: i * 100, length: 100 });
const capture = (i: number) => makeCapture({ provider: 'transcodely', secret: 'x', body: `{"n":${i}}`, at: Date.UTC(2026, 0, 1) + i });

describe('the inspector catalog', () => {
  it('keeps a capture listen pushes even when the store already holds more than 10,000', () => {
    // Read back from the store: a location each, nothing held in memory.
    const catalog = new CaptureIndex('/store', async () => undefined);
    for (let i = 0; i < 10_001; i++) catalog.add(capture(i), at(i));
    const pushed = capture(20_000);
    catalog.add(pushed);
    expect(catalog.list()[0]?.id).toBe(pushed.id);
    expect(catalog.list()).toHaveLength(10_002);
  });

  it('bounds the captures it holds in memory: the oldest held one goes first, never one the store holds', () => {
    const catalog = new CaptureIndex(undefined, async () => undefined);
    const stored = capture(0);
    catalog.add(stored, at(0));
    const held = Array.from({ length: 10_001 }, (_, i) => capture(i + 1));
    for (const c of held) catalog.add(c);
    const ids = new Set(catalog.list().map((s) => s.id));
    expect(ids.has(stored.id)).toBe(true);
    expect(ids.has(held[0]!.id)).toBe(false);
    expect(ids.has(held.at(-1)!.id)).toBe(true);
    expect(ids.size).toBe(10_001);
  });
});

describe('the inspector catalog bound', () => {
  it('lists at most its bound: the oldest go first, held or stored, and a newer one is always kept', () => {
    const catalog = new CaptureIndex(undefined, async () => undefined, 5);
    const all = Array.from({ length: 8 }, (_, i) => capture(i));
    // Every other one as listen pushes it with its location, the rest held (no store).
    for (const [i, c] of all.entries()) catalog.add(c, i % 2 ? at(i) : undefined);
    expect(catalog.list().map((s) => s.id)).toEqual(
      all
        .slice(3)
        .map((c) => c.id)
        .reverse(),
    );
  });
});
