/** The closest candidate by edit distance, if it is close enough to be a typo. */
export function nearest(input: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = distance(input.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(input.length / 3)) ? best : undefined;
}

/**
 * Up to `max` candidates close enough to be a typo, nearest first (ties in candidate order).
 * `key` picks what is compared (the event part of `provider/event`).
 */
export function nearestAll(input: string, candidates: readonly string[], key: (c: string) => string = (c) => c, max = 3): string[] {
  const limit = Math.max(2, Math.floor(input.length / 3));
  const lower = input.toLowerCase();
  return candidates
    .map((c, i) => ({ c, i, d: distance(lower, key(c).toLowerCase()) }))
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .slice(0, max)
    .map((x) => x.c);
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] as number;
      row[j] = Math.min((row[j] as number) + 1, (row[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] as number;
}
