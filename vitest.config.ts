import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * A fresh clone has no timings from an earlier run, so files would start in path order and the
 * longest (npm installs, documented shell sessions) could start last and run alone at the end.
 * Start them first, so the short files fill the other worker meanwhile.
 */
const LONG = [/\/test\/package\//, /\/test\/docs\//, /\/docs\.test\.ts$/, /\/examples\.test\.ts$/];
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = LONG.findIndex((re) => re.test(f.moduleId));
      return i === -1 ? LONG.length : i;
    };
    return sorted
      .map((f, i) => ({ f, i }))
      .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
      .map(({ f }) => f);
  }
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // End-to-end files spawn processes and servers: two cores, two workers.
    maxWorkers: 2,
    sequence: { sequencer: LongestFirst },
  },
});
