import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cli.js';

/** A documentation file of the repository, by its path from the root. */
export function doc(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

export const README = doc('README.md');

/** Every Markdown page users read: the README, CONTRIBUTING, CHANGELOG, docs/ and the bench diary. */
export const DOC_PAGES: string[] = [
  'README.md',
  'CONTRIBUTING.md',
  'CHANGELOG.md',
  'bench/README.md',
  ...readdirSync(join(ROOT, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f.split('\\').join('/')}`)
    .sort(),
];

/** The `## ` section of a page whose heading starts with `title`, up to the next `## `. */
export function section(text: string, title: string): string {
  const start = text.split(/^(?=## )/m).find((s) => s.startsWith(`## ${title}`));
  if (!start) throw new Error(`no "## ${title}" section`);
  return start;
}

export function readmeSection(title: string): string {
  return section(README, title);
}

/** The bodies of the ```sh blocks (the runnable ones; ```shell marks those that are not) in a text. */
export function shBlocks(text: string): string[] {
  return [...text.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1] as string);
}

/** The `hookctl …` lines of a text's ```sh blocks, comments removed. */
export function hookctlLines(text: string): string[] {
  return shBlocks(text)
    .flatMap((b) => b.split('\n'))
    .map((l) => l.replace(/\s+#.*$/, '').trim())
    .filter((l) => l.startsWith('hookctl '));
}
