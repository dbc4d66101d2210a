// Twitch's EventSub subscription types as twurple lists them. Each subscription class of
// @twurple/eventsub-base calls the @twurple/api method that creates it, and that method passes
// Twitch the type, the version and the condition (`createSubscription('channel.follow', '2', ...)`);
// the class's `transformData` builds the event class whose `*.external.d.ts` data interface is the
// body twurple reads. The generator and the tests read the packages the same way, here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const BASE = 'node_modules/@twurple/eventsub-base';
const API = 'node_modules/@twurple/api';

/** The pinned eventsub-base version, after checking that the hoisted @twurple/api is the one it pins. */
export function twurpleVersion(root) {
  const base = JSON.parse(readFileSync(join(root, BASE, 'package.json'), 'utf8'));
  const api = JSON.parse(readFileSync(join(root, API, 'package.json'), 'utf8'));
  if (base.dependencies['@twurple/api'] !== api.version) throw new Error(`twitch: @twurple/eventsub-base@${base.version} pins @twurple/api@${base.dependencies['@twurple/api']}, found ${api.version}`);
  return base.version;
}

/**
 * Every subscription class: `{ type, version, className, method, eventClass, dataType, dataFile,
 * description, condition: [{ key, helper }], batched }`, one per type and version, sorted by type
 * and newest version first.
 */
export function twurpleSubscriptions(root) {
  const methods = apiMethods(root);
  const data = dataInterfaces(join(root, BASE, 'lib/events'));
  const dir = join(root, BASE, 'lib/subscriptions');
  const subs = [];
  for (const file of readdirSync(dir).filter((f) => /Subscription\.js$/.test(f) && f !== 'EventSubSubscription.js')) {
    const text = readFileSync(join(dir, file), 'utf8');
    const className = file.slice(0, -3);
    // A class with several methods (raids from or to a channel, one reward's redemptions or all of
    // them) subscribes to one type and version under different conditions: the last, unconditional
    // call of `_subscribe` is the default (raids to the channel, every reward).
    const method = [...text.matchAll(/eventSub\.(subscribeTo\w+)\(/g)].at(-1)?.[1];
    // Classes dispatching on a field (chat notifications by notice_type, moderation by action)
    // construct several event classes: the first case is the one sampled.
    const eventClass = text.match(/new (EventSub\w+Event)\(data/)?.[1];
    const api = methods.get(method);
    if (!api || !eventClass || !data.has(`${eventClass}Data`)) throw new Error(`twitch: cannot read ${className} (method ${method}, event ${eventClass})`);
    subs.push({ ...api, className, method, eventClass, dataType: `${eventClass}Data`, dataFile: data.get(`${eventClass}Data`) });
  }
  const seen = new Set();
  for (const s of subs) {
    const key = `${s.type}@${s.version}`;
    if (seen.has(key)) throw new Error(`twitch: two subscription classes for ${key}`);
    seen.add(key);
  }
  return subs.sort((a, b) => (a.type === b.type ? Number(b.version) - Number(a.version) : a.type < b.type ? -1 : 1));
}

/** HelixEventSubApi's `subscribeTo*` methods: their type, version, condition and description. */
function apiMethods(root) {
  const text = readFileSync(join(root, API, 'lib/endpoints/eventSub/HelixEventSubApi.js'), 'utf8');
  const helpers = conditionHelpers(root);
  const out = new Map();
  // A doc comment (never running past its own `*/`) right before each method.
  for (const m of text.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*async (subscribeTo\w+)\([^)]*\) \{([\s\S]*?)\n {4}\}/g)) {
    const [, doc, name, body] = m;
    const at = body.indexOf('createSubscription(');
    if (at < 0) continue;
    const [type, version, condition, , , , , batched] = splitArgs(body.slice(at + 'createSubscription('.length));
    out.set(name, {
      type: unquote(type),
      version: unquote(version),
      condition: conditionKeys(condition, helpers),
      // drop.entitlement.grant is batched: Twitch sends `events: [{ id, data }]`, not `event`.
      batched: batched === 'true',
      description: describe(doc, name),
    });
  }
  return out;
}

/** The arguments of a call, from just after its `(` to its matching `)`, split at top-level commas. */
function splitArgs(text) {
  const args = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) return [...args, text.slice(start, i).trim()];
      depth--;
    } else if (c === ',' && depth === 0) {
      args.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  throw new Error('twitch: unterminated createSubscription call');
}

function unquote(arg) {
  const m = arg.match(/^'([^']+)'$/);
  if (!m) throw new Error(`twitch: expected a string literal, found ${arg}`);
  return m[1];
}

/** The keys each condition helper of @twurple/api writes (`createEventSubModeratorCondition` → broadcaster_user_id, moderator_user_id). */
function conditionHelpers(root) {
  const text = readFileSync(join(root, API, 'lib/interfaces/endpoints/eventSub.external.js'), 'utf8');
  const out = new Map();
  for (const [, name, body] of text.matchAll(/export function (\w+)\([^)]*\) \{([\s\S]*?)\n\}/g))
    out.set(
      name,
      [...body.matchAll(/(\w+):/g)].map((k) => k[1]),
    );
  return out;
}

function conditionKeys(call, helpers) {
  const single = call.match(/^createSingleKeyQuery\('(\w+)'/);
  if (single) return [{ key: single[1], helper: 'createSingleKeyQuery' }];
  const name = call.match(/^(\w+)\(/)?.[1];
  if (!helpers.has(name)) throw new Error(`twitch: unknown condition helper in ${call}`);
  return helpers.get(name).map((key) => ({ key, helper: name }));
}

/** "Subscribe to events that represent a stream going live." → "A stream going live". */
function describe(doc, name) {
  const text = doc
    .replace(/^\s*\*\s?/gm, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const first = text.split(/\.(?:\s|$)/)[0];
  const m = first.match(/^Subscribes? to events (?:\(v\d+\) )?(?:that represent|representing|indicating that) (.+)$/);
  if (!m) throw new Error(`twitch: cannot read the description of ${name}: ${first}`);
  return m[1][0].toUpperCase() + m[1].slice(1);
}

/** Every data interface of the event classes, by name → its file under lib/events/ (`EventSubChannelFollowEvent.external.d.ts`). */
function dataInterfaces(dir) {
  const out = new Map();
  for (const file of readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.external.d.ts'))) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const [, name] of text.matchAll(/^export (?:interface|type) (\w+)/gm)) out.set(name, file.split('\\').join('/'));
  }
  return out;
}

/**
 * EventSubBase's `on*` methods, by the subscription class each subscribes with: `{ method, params }`
 * (the parameter names before `handler`: `user`, `moderator`, `filter`, ...). The tests subscribe a
 * twurple listener to every type with them.
 */
export function twurpleListeners(root) {
  const text = readFileSync(join(root, BASE, 'lib/EventSubBase.js'), 'utf8');
  const out = new Map();
  for (const [, method, params, className] of text.matchAll(/^ {4}(on\w+)\(([^)]*)\) \{(?:(?!^ {4}\})[\s\S])*?this\._genericSubscribe\((\w+),/gm)) {
    // Any method of a class reaches the same handler (the body, not the condition, is what is read): the first is kept.
    if (!out.has(className))
      out.set(className, {
        method,
        params: params
          .split(',')
          .map((p) => p.trim())
          .filter((p) => p && p !== 'handler'),
      });
  }
  return out;
}
