// Every Twitch EventSub subscription type and version twurple knows (@twurple/eventsub-base and the
// @twurple/api it pins; twitch-source.mjs reads them), each as the notification Twitch posts to a
// webhook: the subscription (type, version, the condition twurple subscribes with) and the event,
// sampled from twurple's data interface for it. See docs/events.md.
import { twitchHints, userId } from './twitch-hints.mjs';
import { twurpleSubscriptions, twurpleVersion } from './twitch-source.mjs';
import { createSampler } from './ts-sample.mjs';
import { typeModule } from './ts-types.mjs';
import { typeCheckFile } from './type-check.mjs';

const CALLBACK = 'https://example.com/webhooks/twitch';
const EVENTS_DIR = 'node_modules/@twurple/eventsub-base/lib/events';

/** The module specifier of a data interface's file, from `from` (the data interfaces are @private: twurple does not export them). */
const specifier = (from, file) => `${from}${EVENTS_DIR}/${file.replace(/\.d\.ts$/, '.js')}`;

export async function twitchCatalogue(root) {
  const subs = twurpleSubscriptions(root);
  const { checker, aliases } = typeModule(root, typesSource(subs, './'));
  const newest = new Map();
  for (const s of subs) if (!newest.has(s.type)) newest.set(s.type, s.version);
  const events = [];
  const templates = new Map();
  const checks = [];
  subs.forEach((s, i) => {
    const latest = newest.get(s.type) === s.version;
    const name = latest ? s.type : `${s.type}@${s.version}`;
    const hints = twitchHints({ channel: channelOf(s), rootId: s.type === 'stream.online' ? '{{str:int:1000000000:9999999999#stream}}' : '{{uuid#event}}' });
    const event = createSampler(checker, hints)(aliases.get(`E${i}`), ['event']);
    const body = envelope(s, event);
    events.push(entry(s, name, latest, newest.get(s.type)));
    templates.set(name, body);
    const data = s.batched ? `events: { id: string; data: ${s.dataType} }[]` : `event: ${s.dataType}`;
    checks.push({ event: name, type: `{ subscription: EventSubSubscriptionBody & { cost: number }; ${data} }`, body });
  });
  // The handshake events are hand-written in twitch.ts; their bodies live in fixtures/twitch/, which
  // is the generator's, so they are written here: the channel.follow subscription their headers name.
  const follow = subs.find((s) => s.type === 'channel.follow' && s.version === newest.get('channel.follow'));
  const { subscription } = envelope(follow, {});
  templates.set('revocation', { subscription: { ...subscription, status: 'authorization_revoked' } });
  templates.set('webhook_callback_verification', { challenge: '{{id::32#challenge}}', subscription: { ...subscription, status: 'webhook_callback_verification_pending' } });
  const imports = ["import type { EventSubSubscriptionBody } from '@twurple/eventsub-base';", ...dataImports(subs, '../../../')];
  const types = await typeCheckFile(root, { provider: 'twitch', imports, checks });
  const source = `@twurple/eventsub-base@${twurpleVersion(root)} (subscription classes; types and versions from the @twurple/api it pins; bodies from its *.external.d.ts data interfaces)`;
  return { meta: { provider: 'twitch', source }, events, templates, types };
}

/** The virtual module the sampler reads: each subscription's data interface as `E<i>`. */
function typesSource(subs, from) {
  return [...dataImports(subs, from), ...subs.map((s, i) => `export type E${i} = ${s.dataType};`), ''].join('\n');
}

/** One `import type` per data interface file, from `from` (the repository root, as a relative path). */
function dataImports(subs, from) {
  const byFile = new Map();
  for (const s of subs) byFile.set(s.dataFile, new Set([...(byFile.get(s.dataFile) ?? []), s.dataType]));
  return [...byFile].sort(([a], [b]) => (a < b ? -1 : 1)).map(([file, names]) => `import type { ${[...names].sort().join(', ')} } from '${specifier(from, file)}';`);
}

/**
 * The catalogue entry, in the shape of twitch.ts's hand-written notifications: named from the body
 * (the Subscription-Type header also rides on revocations and challenges). An older version also
 * matches `subscription.version`, so listen tells it from the newest.
 */
function entry(s, name, latest, newest) {
  const description = latest ? s.description : `${s.description} (version ${s.version}; the newest is ${newest})`;
  const payload = s.batched ? 'events' : 'event';
  const match = latest ? { 'subscription.type': s.type, [payload]: true } : { 'subscription.type': s.type, 'subscription.version': s.version, [payload]: true };
  const headers = { 'Twitch-Eventsub-Message-Type': 'notification', 'Twitch-Eventsub-Subscription-Type': s.type, 'Twitch-Eventsub-Subscription-Version': s.version };
  return { name, description, match, request: { headers } };
}

/** The role the condition names first: the channel the subscription is for (`to_broadcaster` for raids into it). */
function channelOf(s) {
  const first = s.condition[0].key.match(/^(\w+)_user_id$/);
  return first ? first[1] : 'broadcaster';
}

/** Twitch's notification envelope, its keys in the order Twitch's documentation writes them. */
function envelope(s, event) {
  const condition = Object.fromEntries(s.condition.map((c) => [c.key, conditionValue(s, c)]));
  const subscription = {
    id: '{{uuid#subscription}}',
    status: 'enabled',
    type: s.type,
    version: s.version,
    cost: 0,
    condition,
    transport: { method: 'webhook', callback: CALLBACK },
    created_at: '{{now:isoms:-1d}}',
  };
  // Batched types (drop.entitlement.grant) carry a list of `{ id, data }`, as twurple reads them.
  return s.batched ? { subscription, events: [{ id: '{{uuid#event}}', data: event }] } : { subscription, event };
}

/**
 * A condition value, the same token as the event's field of that name where there is one. The
 * moderator a subscription is created for is usually the broadcaster, and a chat condition's
 * `user_id` is the bot reading the chat (the Twitch CLI's choices).
 */
function conditionValue(s, { key, helper }) {
  if (key === 'moderator_user_id' && helper === 'createEventSubModeratorCondition') return userId('broadcaster');
  if (key === 'user_id' && helper === 'createEventSubUserCondition') return userId('bot');
  const user = key.match(/^(?:(\w+)_)?user_id$/);
  if (user) return userId(user[1] === channelOf(s) ? 'broadcaster' : (user[1] ?? 'user'));
  if (key === 'client_id' || key === 'extension_client_id') return '{{id::30#client}}';
  if (key === 'category_id') return '509658';
  return `{{uuid#${key.slice(0, -3)}}}`;
}
