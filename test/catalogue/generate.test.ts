// test tier: full (seconds of in-process work: it runs in `npm test`, not `npm run test:fast`)
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate, PARTS } from '../../scripts/catalogue/generate.mjs';
import { ROOT } from '../support/cli.js';

/** Every file under a directory, as paths relative to it. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

describe('npm run fixtures:generate', () => {
  it('reproduces the checked-in catalogue and templates byte for byte (run it and commit when this fails)', { timeout: 300_000 }, async () => {
    const out = mkdtempSync(join(tmpdir(), 'hookctl-generate-'));
    try {
      await generate(out);
      const typed = existsSync(join(out, 'test/types/catalogue'));
      for (const dir of ['catalogue', ...Object.keys(PARTS).map((id) => `fixtures/${id}`), ...(typed ? ['test/types/catalogue'] : [])]) {
        const made = tree(join(out, dir));
        expect(tree(join(ROOT, dir)), `${dir}: stale or missing files`).toEqual(made);
        const differ = made.filter((f) => !readFileSync(join(out, dir, f)).equals(readFileSync(join(ROOT, dir, f))));
        expect(differ, `${dir}: files that differ from what the generator writes`).toEqual([]);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
