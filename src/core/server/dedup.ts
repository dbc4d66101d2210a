/**
 * Remembers which capture first carried each delivery key, for "duplicate of <id>". Bounded:
 * the least recently seen keys are forgotten past `capacity`, so memory stays flat however long
 * `listen` runs (a Map keeps insertion order; a hit re-inserts its key at the young end).
 */
export class DedupIndex {
  private readonly first = new Map<string, string>();

  constructor(readonly capacity = 100_000) {}

  /** Records `key` for capture `id`; returns the id of the earlier capture with the same key, if any. */
  check(key: string, id: string): string | undefined {
    const earlier = this.first.get(key);
    if (earlier !== undefined) {
      this.first.delete(key);
      this.first.set(key, earlier);
      return earlier;
    }
    this.first.set(key, id);
    if (this.first.size > this.capacity) this.first.delete(this.first.keys().next().value as string);
    return undefined;
  }

  get size(): number {
    return this.first.size;
  }
}
