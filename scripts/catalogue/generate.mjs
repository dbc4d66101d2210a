#!/usr/bin/env node
// `npm run fixtures:generate`: writes the Stripe and GitHub catalogues (catalogue/<provider>.json)
// and their templates (fixtures/<provider>/<event>.json) from the providers' own published
// sources. Byte-for-byte reproducible; test/catalogue/generate.test.ts fails when the checked-in
// files differ. `--out <dir>` writes elsewhere (the test does). Needs `npm run build` first:
// the GitHub part runs the same import code as `hookctl events import`.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { githubCatalogue } from './github.mjs';
import { stripeCatalogue } from './stripe.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export async function generate(out = ROOT) {
  const { importOperations } = await import(join(ROOT, 'dist/core/catalogue/openapi.js'));
  const examples = JSON.parse(readFileSync(join(ROOT, 'scripts/catalogue/data/stripe-fixtures3.json'), 'utf8')).resources;
  const catalogues = [stripeCatalogue(ROOT, examples), await githubCatalogue(ROOT, importOperations)];
  for (const c of catalogues) write(out, c);
  return catalogues;
}

function write(out, { meta, events, templates }) {
  const folder = join(out, 'fixtures', meta.provider);
  // The folder is the generator's alone: stale events go away.
  rmSync(folder, { recursive: true, force: true });
  for (const [name, payload] of templates) {
    const file = join(folder, `${name}.json`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(payload, null, 1)}\n`);
  }
  mkdirSync(join(out, 'catalogue'), { recursive: true });
  // One event per line: small on disk, and a diff shows which events changed.
  const lines = events.map((e) => `  ${JSON.stringify(e)}`).join(',\n');
  const head = JSON.stringify(meta).slice(1, -1);
  writeFileSync(join(out, 'catalogue', `${meta.provider}.json`), `{${head},"events":[\n${lines}\n]}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--out');
  const out = at > 0 ? resolve(process.argv[at + 1]) : ROOT;
  const done = await generate(out);
  for (const c of done) console.log(`${c.meta.provider}: ${c.events.length} events -> ${join(out, 'fixtures', c.meta.provider)}`);
}
