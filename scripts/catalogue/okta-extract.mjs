#!/usr/bin/env node
// Refreshes scripts/catalogue/data/okta-event-hook-types.json from a clone of okta/okta-developer-docs,
// by hand (see data/OKTA.md for the commit). The generator reads only the extract, so
// `npm run fixtures:generate` stays offline and byte-for-byte reproducible.
//   node scripts/catalogue/okta-extract.mjs <git dir of okta/okta-developer-docs>
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const DATA = resolve(dirname(fileURLToPath(import.meta.url)), 'data');
export const SOURCE = { commit: '468de9c511b5e4009bb5f06c25cbf4b85fecb8d0', path: 'packages/@okta/vuepress-site/data/event-types.json' };

/** Okta's Event Types catalogue, only the types tagged `event-hook-eligible` (the ones an event hook can deliver). */
export function extract(gitDir) {
  const raw = execFileSync('git', ['--git-dir', gitDir, 'show', `${SOURCE.commit}:${SOURCE.path}`], { maxBuffer: 64 * 1024 * 1024 }).toString('utf8');
  const catalogue = JSON.parse(raw);
  const types = catalogue.versions
    .flatMap((v) => v.eventTypes)
    .filter((e) => (e.tags ?? []).includes('event-hook-eligible'))
    .map((e) => ({ id: e.id, category: e.category, description: e.description, targets: e.schema?.targets ?? [], beta: e.beta === true }));
  return { release: catalogue.release, commit: SOURCE.commit, path: SOURCE.path, eventTypes: types };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const gitDir = process.argv[2];
  if (!gitDir) throw new Error('usage: okta-extract.mjs <git dir of okta/okta-developer-docs>');
  const out = extract(gitDir);
  writeFileSync(join(DATA, 'okta-event-hook-types.json'), `${JSON.stringify(out, null, 1)}\n`);
  console.log(`okta: ${out.eventTypes.length} event-hook-eligible types of release ${out.release}`);
}
