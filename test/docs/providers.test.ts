import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { byCategory } from '../../src/core/providers/find.js';
import { describeProvider } from '../../src/core/providers/describe.js';
import { BUILTIN_PROVIDERS } from '../../src/core/providers/registry.js';
import { ROOT, runCli } from '../support/cli.js';
import { doc, section } from '../support/readme.js';

const page = doc('docs/providers.md');

describe('docs/providers.md is the registry', () => {
  it('is exactly what `npm run docs:providers` writes (run it after changing a provider)', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/docs-providers.mjs'), '--stdout'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(page).toBe(r.stdout);
  });

  it('lists every provider of the source with its header, signed content, tolerance, timeout, retries, development secret and events', () => {
    for (const p of BUILTIN_PROVIDERS) {
      const d = describeProvider(p);
      expect(page).toContain(`| ${p.name} | \`${d.signatureHeader}\` | \`${d.signedContent}\` | ${d.tolerance} | ${d.timeout} | ${d.retries} |`);
      expect(section(page, 'Development secrets')).toContain(`| \`${p.id}\` | \`${p.devSecret}\` |`);
      const own = section(page, `${p.name} (\`${p.id}\`)`);
      for (const e of p.events) expect(own, `${p.id}/${e.name}`).toContain(`| \`${e.name}\` | ${e.description} |`);
    }
  });

  it("`hookctl providers` prints the same columns as the page's table", async () => {
    const r = await runCli(['providers']);
    const printed = r.stdout
      .trim()
      .split('\n')
      .map((l) => l.replace(' (default)', '').trim().split(/ {2,}/));
    expect(printed[0]).toEqual(['ID', 'NAME', 'SIGNATURE HEADER', 'SIGNS', 'TOLERANCE', 'TIMEOUT', 'RETRIES']);
    // A category's title is a row of its own above its providers.
    const groups = byCategory(BUILTIN_PROVIDERS);
    expect(printed.filter((row) => row.length === 1).map((row) => row[0])).toEqual(groups.map((g) => g.title));
    expect(printed.slice(1).filter((row) => row.length > 1)).toEqual(
      groups
        .flatMap((g) => g.providers)
        .map((p) => {
          const d = describeProvider(p);
          return [p.id, p.name, d.signatureHeader, d.signedContent, d.tolerance, d.timeout, d.retries];
        }),
    );
  });
});
