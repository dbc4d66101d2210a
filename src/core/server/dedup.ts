/**
 * Remembers which capture first carried each delivery key, for "duplicate of <id>". Bounded, so
 * memory stays flat however long `listen` runs: two generations of at most capacity/2 keys each;
 * when the young one is full it becomes the old one and the previous old one is dropped. A key
 * seen within the last capacity/2 new keys is always remembered; a hit in the old generation
 * moves the key back to the young one. (A Map used as an LRU, deleting its oldest key each time,
 * slows down as deleted slots pile up at its front.)
 * Keys are kept as 53-bit hashes, not strings: about 100 bytes an entry instead of several hundred.
 * Two keys colliding (odds around 1 in 10^6 at full capacity) would only mislabel a duplicate.
 */
export class DedupIndex {
  private young = new Map<number, string>();
  private old = new Map<number, string>();

  constructor(readonly capacity = 100_000) {}

  /** Records `key` for capture `id`; returns the id of the earlier capture with the same key, if any. */
  check(key: string, id: string): string | undefined {
    const h = hash53(key);
    const recent = this.young.get(h);
    if (recent !== undefined) return recent;
    const earlier = this.old.get(h);
    this.remember(h, earlier ?? id);
    return earlier;
  }

  /** Keys held (a key moved back from the old generation counts twice until that generation goes). */
  get size(): number {
    return this.young.size + this.old.size;
  }

  private remember(h: number, id: string): void {
    this.young.set(h, id);
    if (this.young.size >= Math.max(1, Math.floor(this.capacity / 2))) {
      this.old = this.young;
      this.young = new Map();
    }
  }
}

/** Two differently seeded 32-bit FNV-1a hashes combined into one safe integer. */
function hash53(s: string): number {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) >>> 11);
}
