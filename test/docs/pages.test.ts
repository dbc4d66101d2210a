import { existsSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';
import { DOC_PAGES, doc, shBlocks } from '../support/readme.js';

/** Where each page's runnable (```sh) examples are run; a page with sh blocks must be listed here. */
const RUN_BY: Record<string, string> = {
  'README.md': 'test/docs/readme.test.ts',
  'docs/commands/send.md': 'test/send/examples.test.ts',
  'docs/commands/listen.md': 'test/listen/docs.test.ts',
  'docs/commands/verify.md': 'test/replay/docs.test.ts',
  'docs/commands/replay.md': 'test/replay/docs.test.ts',
  'docs/commands/captures.md': 'test/replay/docs.test.ts',
  'docs/commands/test.md': 'test/docs/examples.test.ts',
  'docs/commands/providers.md': 'test/docs/examples.test.ts',
  'docs/commands/events.md': 'test/docs/examples.test.ts',
  'docs/events.md': 'test/docs/examples.test.ts',
  'docs/ci.md': 'test/docs/examples.test.ts',
  'docs/capture-format.md': 'test/docs/examples.test.ts',
  'docs/verdicts.md': 'test/docs/examples.test.ts',
  'docs/providers-asymmetric.md': 'test/docs/examples.test.ts',
  'docs/commands/keys.md': 'test/docs/examples.test.ts',
};

/** GitHub's anchor for a heading. */
const anchor = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, '')
    .replace(/ /g, '-');
const anchorsOf = (text: string) => new Set([...text.matchAll(/^#+ (.*)$/gm)].map((m) => anchor(m[1] as string)));

describe('the documentation pages', () => {
  it('has one page per command, and the pages the README links to', () => {
    for (const c of ['send', 'listen', 'verify', 'replay', 'captures', 'test', 'providers', 'events', 'completion']) {
      expect(DOC_PAGES).toContain(`docs/commands/${c}.md`);
    }
    expect(DOC_PAGES).toEqual(
      expect.arrayContaining([
        'docs/providers.md',
        'docs/configuration.md',
        'docs/ci.md',
        'docs/library.md',
        'docs/capture-format.md',
        'docs/architecture.md',
        'bench/README.md',
        'CONTRIBUTING.md',
        'CHANGELOG.md',
      ]),
    );
  });

  it('every runnable (```sh) block sits in a page that a test runs', () => {
    const withBlocks = DOC_PAGES.filter((p) => shBlocks(doc(p)).length > 0);
    expect(withBlocks.length).toBeGreaterThanOrEqual(8);
    for (const page of withBlocks) {
      expect(RUN_BY[page], `${page} has sh blocks no test runs (mark a block that must not run as \`\`\`shell)`).toBeDefined();
      expect(existsSync(join(ROOT, RUN_BY[page] as string)), RUN_BY[page]).toBe(true);
    }
  });

  it('every source, test, script or bench path a page names exists (the map follows the folders)', () => {
    for (const page of DOC_PAGES) {
      for (const [path] of doc(page).matchAll(/\b(?:src|test|scripts|bench)\/[\w./-]*[\w/]/g)) {
        if (path.includes('<')) continue;
        expect(existsSync(join(ROOT, path)), `${page}: ${path}`).toBe(true);
      }
    }
  });

  for (const page of DOC_PAGES) {
    it(`every link of ${page} to a file or a section resolves`, () => {
      const text = doc(page);
      // Code spans and blocks hold examples, not links.
      const prose = text.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
      for (const [, target] of prose.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^(https?|mailto):/.test(target!)) continue;
        const [path, hash] = target!.split('#') as [string, string | undefined];
        const file = path ? normalize(join(dirname(page), path)) : page;
        expect(existsSync(join(ROOT, file)), `${page}: ${target}`).toBe(true);
        if (hash) expect(anchorsOf(doc(file)).has(hash), `${page}: ${target}`).toBe(true);
      }
    });
  }
});
