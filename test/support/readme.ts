import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cli.js';

export const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The `## ` section of the README whose heading starts with `title`, up to the next `## `. */
export function readmeSection(title: string): string {
  const start = README.split(/^(?=## )/m).find((s) => s.startsWith(`## ${title}`));
  if (!start) throw new Error(`README has no "## ${title}" section`);
  return start;
}

/** The bodies of the ```sh blocks (the runnable ones; ```shell marks those that are not) in a text. */
export function shBlocks(text: string): string[] {
  return [...text.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1] as string);
}
