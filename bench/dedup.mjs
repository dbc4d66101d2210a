// Duplicate detection past its capacity against the same index never evicting, in the same process:
// `node bench/dedup.mjs` (after `npm run build`). A ratio near 1 means evictions cost nothing.
import { DedupIndex } from '../dist/core/server/dedup.js';

const N = 400_000;
const keys = Array.from({ length: N }, (_, i) => `id:github:${i}-0000-1111-2222-333344445555`);
const time = (capacity) => {
  const d = new DedupIndex(capacity);
  const t = process.hrtime.bigint();
  for (let i = 0; i < N; i++) d.check(keys[i], 'x');
  return Number(process.hrtime.bigint() - t) / 1e6;
};
time(N * 2); // warm-up
const never = time(N * 2);
const evicting = time(100_000);
console.log(`${N} checks, never evicting (baseline)   ${never.toFixed(0)} ms`);
console.log(`${N} checks, capacity 100000 (evicting)  ${evicting.toFixed(0)} ms  (${(evicting / never).toFixed(2)}× baseline)`);
