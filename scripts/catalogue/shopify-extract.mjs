#!/usr/bin/env node
// Refreshes scripts/catalogue/data/shopify-*.json from clones of Shopify's repositories, by hand
// (see data/SHOPIFY.md for which commits). The generator never runs this: it reads only the
// extracted files, so `npm run fixtures:generate` stays offline and byte-for-byte reproducible.
//   node scripts/catalogue/shopify-extract.mjs [--cli <git dir>] [--app-js <git dir>] [--template-node <git dir>]
// Each source given refreshes the files taken from it; the others are left as they are.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const DATA = resolve(dirname(fileURLToPath(import.meta.url)), 'data');
export const API_VERSION = '2025-07';
export const SOURCES = {
  cli: { commit: 'f055b652ad34a446bcdd91ca62726c6c3873f430', path: `packages/shopify-dev-tools/src/data/admin_${API_VERSION}.json.gz` },
  appJs: { commit: 'ef2043d4a8c4ca0adb9020d76090b2fb94979dab', dir: `packages/apps/shopify-api/rest/admin/__tests__/${API_VERSION}` },
  templateNode: { commit: 'a8a889509916a7f6cfaa46dc59ecf4bf61bb62a7', path: 'web/privacy.js' },
};
/** The REST resources whose examples the webhook bodies are built from: test file -> JSON key. */
export const RESOURCES = {
  abandoned_checkout: 'checkout',
  collection_listing: 'collection_listing',
  custom_collection: 'custom_collection',
  customer: 'customer',
  dispute: 'dispute',
  draft_order: 'draft_order',
  fulfillment: 'fulfillment',
  fulfillment_event: 'fulfillment_event',
  fulfillment_order: 'fulfillment_order',
  inventory_item: 'inventory_item',
  inventory_level: 'inventory_level',
  location: 'location',
  order: 'order',
  product: 'product',
  product_listing: 'product_listing',
  refund: 'refund',
  shop: 'shop',
  tender_transaction: 'tender_transaction',
  theme: 'theme',
  transaction: 'transaction',
  variant: 'variant',
};

/**
 * The generated REST tests whose POST examples are operations on a fulfillment order (cancel, move,
 * hold, fulfillment and cancellation requests ...): the fulfillment_orders/* webhooks report the
 * same operations, so their bodies take the resulting statuses and the messages from these.
 */
export const ACTION_TESTS = ['fulfillment_order', 'fulfillment_request', 'cancellation_request'];

const show = (gitDir, commit, path) => execFileSync('git', ['--git-dir', gitDir, 'show', `${commit}:${path}`], { maxBuffer: 1 << 28 });

/** The WebhookSubscriptionTopic enum, unchanged, out of the Admin API introspection schema. */
function topics(gitDir) {
  const schema = JSON.parse(gunzipSync(show(gitDir, SOURCES.cli.commit, SOURCES.cli.path)).toString('utf8'));
  return schema.data.__schema.types.find((t) => t.name === 'WebhookSubscriptionTopic');
}

/** Every `queueMockResponse(JSON.stringify({...}))` body of one generated REST test file. */
function mockBodies(text) {
  const out = [];
  const marker = 'queueMockResponse(JSON.stringify(';
  for (let at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) {
    const start = at + marker.length;
    let depth = 0;
    let end = start;
    let quoted = false;
    for (; end < text.length; end++) {
      const c = text[end];
      if (quoted) {
        if (c === '\\') end++;
        else if (c === '"') quoted = false;
      } else if (c === '"') quoted = true;
      else if (c === '{' || c === '[') depth++;
      else if ((c === '}' || c === ']') && --depth === 0) break;
    }
    try {
      out.push(JSON.parse(text.slice(start, end + 1)));
    } catch {
      // A body that is not plain JSON (none so far) is skipped, not guessed at.
    }
  }
  return out;
}

/** Each resource's richest example: the object (or first list element) with the most fields. */
function examples(gitDir) {
  const out = {};
  for (const [file, key] of Object.entries(RESOURCES)) {
    const text = show(gitDir, SOURCES.appJs.commit, `${SOURCES.appJs.dir}/${file}.test.ts`).toString('utf8');
    let best;
    for (const body of mockBodies(text)) {
      const candidates = [body[key], ...(Array.isArray(body[`${key}s`]) ? body[`${key}s`].slice(0, 1) : [])];
      for (const c of candidates) if (c && typeof c === 'object' && (!best || Object.keys(c).length > Object.keys(best).length)) best = c;
    }
    if (!best) throw new Error(`${file}.test.ts has no "${key}" example`);
    out[file] = best;
  }
  return out;
}

/**
 * Each fulfillment order operation's first example, keyed by the path after the order's id
 * (`cancel`, `fulfillment_request/accept`): the test, the request body sent (null when none) and
 * the mocked response, both unchanged. GETs and the bulk deadline call name no single order.
 */
function actions(gitDir) {
  const out = {};
  for (const file of ACTION_TESTS) {
    const text = show(gitDir, SOURCES.appJs.commit, `${SOURCES.appJs.dir}/${file}.test.ts`).toString('utf8');
    for (const test of text.split(/\n {2}it\('/).slice(1)) {
      const path = /\n {6}path: '(\/admin\/api\/[^']+\/fulfillment_orders\/\d+\/([\w/]+)\.json)'/.exec(test);
      if (!path || out[path[2]]) continue;
      const data = /\n {6}data: (.*)\n/.exec(test)?.[1];
      const [response] = mockBodies(test);
      out[path[2]] = { test: `${file}.test.ts ${test.slice(0, test.indexOf("'"))}`, path: path[1], request: data && data !== 'undefined' ? JSON.parse(data) : null, response };
    }
  }
  return out;
}

/** The three compliance payloads, as the template's comments show them (`// Payload has the following shape:`). */
function compliance(gitDir) {
  const text = show(gitDir, SOURCES.templateNode.commit, SOURCES.templateNode.path).toString('utf8');
  const out = {};
  for (const m of text.matchAll(/^ {2}([A-Z_]+): \{[\s\S]*?Payload has the following shape:\n((?: *\/\/.*\n)+)/gm)) {
    const json = m[2].replace(/^ *\/\/ ?/gm, '');
    out[m[1].toLowerCase().replace('_', '/')] = JSON.parse(json);
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name) => {
    const at = process.argv.indexOf(name);
    return at < 0 ? undefined : process.argv[at + 1];
  };
  const [cli, appJs, templateNode] = [arg('--cli'), arg('--app-js'), arg('--template-node')];
  if (!cli && !appJs && !templateNode) throw new Error('give at least one of --cli, --app-js, --template-node <git dir>');
  const write = (name, value) => writeFileSync(join(DATA, name), `${JSON.stringify(value, null, 2)}\n`);
  if (cli) write(`shopify-webhook-topics-${API_VERSION}.json`, topics(cli));
  if (appJs) write(`shopify-rest-examples-${API_VERSION}.json`, examples(appJs));
  if (appJs) write(`shopify-fulfillment-order-actions-${API_VERSION}.json`, actions(appJs));
  if (templateNode) write('shopify-compliance-payloads.json', compliance(templateNode));
}
