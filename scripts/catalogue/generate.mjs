#!/usr/bin/env node
// `npm run fixtures:generate`: writes each generated catalogue (catalogue/<provider>.json) and its
// templates (fixtures/<provider>/<event>.json) from the providers' own published sources, and,
// where a provider publishes TypeScript types for its bodies, a type-check file
// (test/types/catalogue/<provider>.ts) that assigns every rendered body to its type.
// Byte-for-byte reproducible; test/catalogue/generate.test.ts fails when the checked-in files
// differ. `--out <dir>` writes elsewhere (the test does); `--only <id,...>` regenerates some.
// Needs `npm run build` first: the parts run hookctl's own import and template code.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BODY_PARTS } from './body-signers.mjs';
import { JWT_PARTS } from './jwt-signers.mjs';
import { MORE_PARTS } from './more-signers.mjs';
import { FIELD_PARTS } from './field-signers.mjs';
import { STAMPED_PARTS } from './stamped-signers.mjs';
import { SVIX_PARTS } from './svix-senders.mjs';
import { TOKEN_PARTS } from './token-senders.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Each generated catalogue and the module that builds it: `build(root)` → { meta, events, templates, types? }. */
export const PARTS = {
  stripe: async (root) => {
    const { stripeCatalogue } = await import('./stripe.mjs');
    const examples = JSON.parse(readFileSync(join(root, 'scripts/catalogue/data/stripe-fixtures3.json'), 'utf8')).resources;
    return stripeCatalogue(root, examples);
  },
  github: async (root) => {
    const { githubCatalogue } = await import('./github.mjs');
    const { importOperations } = await import(join(root, 'dist/core/catalogue/openapi.js'));
    return githubCatalogue(root, importOperations);
  },
  slack: async (root) => (await import('./slack.mjs')).slackCatalogue(root),
  paddle: async (root) => (await import('./paddle.mjs')).paddleCatalogue(root),
  linear: async (root) => (await import('./linear.mjs')).linearCatalogue(root),
  discord: async (root) => (await import('./discord.mjs')).discordCatalogue(root),
  shopify: async (root) => (await import('./shopify.mjs')).shopifyCatalogue(root),
  twilio: async (root) => (await import('./twilio.mjs')).twilioCatalogue(root),
  sendgrid: async (root) => (await import('./sendgrid.mjs')).sendgridCatalogue(root),
  twitch: async (root) => (await import('./twitch.mjs')).twitchCatalogue(root),
  okta: async (root) => (await import('./okta.mjs')).oktaCatalogue(root),
  ...SVIX_PARTS,
  ...BODY_PARTS,
  ...STAMPED_PARTS,
  ...TOKEN_PARTS,
  ...JWT_PARTS,
  ...MORE_PARTS,
  ...FIELD_PARTS,
};

export async function generate(out = ROOT, only = Object.keys(PARTS)) {
  const catalogues = [];
  for (const id of only) {
    const build = PARTS[id];
    if (!build) throw new Error(`no catalogue part "${id}" (parts: ${Object.keys(PARTS).join(', ')})`);
    const c = await build(ROOT);
    write(out, c);
    catalogues.push(c);
  }
  return catalogues;
}

function write(out, { meta, events, templates, types }) {
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
  if (types) {
    mkdirSync(join(out, 'test/types/catalogue'), { recursive: true });
    writeFileSync(join(out, 'test/types/catalogue', `${meta.provider}.ts`), types);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const flag = (name) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? process.argv[at + 1] : undefined;
  };
  const out = flag('--out') ? resolve(flag('--out')) : ROOT;
  const done = await generate(out, flag('--only')?.split(','));
  for (const c of done) console.log(`${c.meta.provider}: ${c.events.length} events -> ${join(out, 'fixtures', c.meta.provider)}`);
}
