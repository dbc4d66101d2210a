// Every Stripe event type, from the `stripe` package's type definitions and Stripe's resource
// examples (data/stripe-fixtures3.json). See docs/events.md.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const STRIPE = 'node_modules/stripe';
const RESOURCES = join(STRIPE, 'esm/resources');

/** Unions stand for "one of these objects"; Stripe sends these most often. */
const UNION_CHOICE = { CustomerSource: 'Card', ExternalAccount: 'BankAccount' };

/** The package's pinned API version, as its own ApiVersion constant says. */
export function stripeApiVersion(root) {
  const text = readFileSync(join(root, STRIPE, 'esm/apiVersion.js'), 'utf8');
  return /ApiVersion = '([^']+)'/.exec(text)[1];
}

/** Every event in `Events.d.ts`: its type, description and the TypeScript type of data.object. */
export function stripeEventTypes(root) {
  const text = readFileSync(join(root, RESOURCES, 'Events.d.ts'), 'utf8');
  const out = [];
  const re = /(?:\/\*\*\n((?: \*.*\n)+?) \*\/\n)?export interface (\w+)Event extends EventBase \{\n {4}type: '([^']+)';[\s\S]*?\n {8}object: ([\w.]+);/g;
  for (const m of text.matchAll(re)) {
    const description = (m[1] ?? '')
      .split('\n')
      .map((l) => l.replace(/^ \* ?/, ''))
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
    out.push({ name: m[3], description: description || m[3], resourceType: m[4] });
  }
  return out;
}

/** TypeScript type name (`Issuing.Dispute`) -> the objects it may be (`['issuing.dispute']`). */
export function stripeObjectNames(root) {
  const objects = new Map();
  const unions = new Map();
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(path);
        continue;
      }
      if (!entry.name.endsWith('.d.ts')) continue;
      const ns = relative(join(root, RESOURCES), dir).split(sep).filter(Boolean).join('.');
      const qualify = (name) => (ns ? `${ns}.${name}` : name);
      const text = readFileSync(path, 'utf8');
      for (const m of text.matchAll(/^export interface (\w+) \{\n([\s\S]*?)^\}/gm)) {
        const obj = /^ {4}object: '([^']+)';/m.exec(m[2]);
        if (obj) objects.set(qualify(m[1]), obj[1]);
      }
      for (const m of text.matchAll(/^export type (\w+) = ([\w. |]+);/gm))
        unions.set(
          qualify(m[1]),
          m[2].split('|').map((s) => s.trim()),
        );
    }
  };
  walk(join(root, RESOURCES));
  return (type) => {
    if (objects.has(type)) return { all: [objects.get(type)], chosen: objects.get(type) };
    const members = unions.get(type);
    if (!members) return undefined;
    const all = members.map((m) => objects.get(m)).filter(Boolean);
    return { all, chosen: objects.get(UNION_CHOICE[type]) ?? all[0] };
  };
}

/** One event's template and its catalogue entry. */
export function stripeCatalogue(root, examples) {
  const apiVersion = stripeApiVersion(root);
  const objectOf = stripeObjectNames(root);
  const events = [];
  const templates = new Map();
  for (const e of stripeEventTypes(root)) {
    const object = objectOf(e.resourceType)?.chosen;
    const example = object ? examples[object] : undefined;
    const entry = { name: e.name, description: e.description, object: object ?? null };
    let data;
    if (example) data = structuredClone(example);
    else {
      // No example to copy: a minimal object of the right resource, and the reason in the catalogue.
      entry.note = `Stripe publishes no example ${object ?? e.resourceType} object: data.object holds only id, object, created and livemode`;
      data = { id: `${idPrefix(object ?? 'obj')}_0000000000000000000000`, object: object ?? e.resourceType.toLowerCase(), created: 0, livemode: false };
    }
    templates.set(e.name, envelope(e.name, apiVersion, freshen(data)));
    events.push(entry);
  }
  return { meta: { provider: 'stripe', source: `stripe@${packageVersion(root)} (API ${apiVersion}) + Stripe's fixtures3.json`, apiVersion }, events, templates };
}

function envelope(type, apiVersion, object) {
  const data = { object };
  if (type.endsWith('.updated')) data.previous_attributes = previousAttributes(object);
  return {
    id: '{{id:evt_:24}}',
    object: 'event',
    api_version: apiVersion,
    created: '{{now:s}}',
    data,
    livemode: false,
    pending_webhooks: 1,
    request: { id: '{{id:req_:14}}', idempotency_key: '{{uuid}}' },
    type,
  };
}

/**
 * What changed, as Stripe reports it: the old values of the changed fields. The change is a
 * metadata key added (`order_id`), which every resource with metadata can carry; otherwise
 * the description or name was null before.
 */
function previousAttributes(object) {
  if (object.metadata && typeof object.metadata === 'object') {
    object.metadata = { ...object.metadata, order_id: '6735' };
    return { metadata: { order_id: null } };
  }
  for (const key of ['description', 'name', 'status']) if (typeof object[key] === 'string') return { [key]: null };
  return {};
}

/** Fresh ids and times per delivery: the object's own id (wherever it repeats) and created. */
function freshen(object) {
  const id = typeof object.id === 'string' ? object.id : undefined;
  const prefix = id?.includes('_') ? id.slice(0, id.indexOf('_') + 1) : undefined;
  const token = prefix ? `{{id:${prefix}:${Math.min(24, Math.max(14, id.length - prefix.length))}}}` : undefined;
  const walk = (node) => {
    if (typeof node === 'string') return token && node === id ? token : node;
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
    return node;
  };
  // Stripe puts id and object first; the example lists keys alphabetically.
  const { id: _, object: kind, ...rest } = walk(object);
  const out = { ...(id === undefined ? {} : { id: token ?? id }), object: kind, ...rest };
  if (typeof out.created === 'number') out.created = '{{now:s}}';
  return out;
}

function idPrefix(object) {
  return object
    .split('.')
    .pop()
    .split('_')
    .map((w) => w[0])
    .join('');
}

function packageVersion(root) {
  return JSON.parse(readFileSync(join(root, STRIPE, 'package.json'), 'utf8')).version;
}
