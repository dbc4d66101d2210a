// The inspector page's HTML and CSS go beside its compiled modules in dist/web (tsc copies only .ts output).
import { copyFileSync, readdirSync } from 'node:fs';

const from = new URL('../src/web/', import.meta.url);
const to = new URL('../dist/web/', import.meta.url);
for (const name of readdirSync(from)) {
  if (/\.(html|css|svg)$/.test(name)) copyFileSync(new URL(name, from), new URL(name, to));
}
