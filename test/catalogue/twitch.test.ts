import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventSubMiddleware } from '@twurple/eventsub-http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The generator's own reader of twurple's subscription list.
import { type TwurpleSubscription, twurpleListeners, twurpleSubscriptions } from '../../scripts/catalogue/twitch-source.mjs';
import { listEvents } from '../../src/core/catalogue/list-events.js';
import type { Delivery } from '../../src/core/delivery/types.js';
import { getProvider } from '../../src/core/providers/registry.js';
import { ROOT } from '../support/cli.js';
import { runInProcess } from '../support/inproc.js';
import { everyDelivery } from './deliveries.js';

// twurple wants 10 to 100 characters.
const secret = 'hookctl_twitch_catalogue_test';
const PREFIX = '/webhooks/twitch';
const subs = twurpleSubscriptions(ROOT);
const HANDSHAKES = ['revocation', 'webhook_callback_verification'];

/** The catalogue name of a type and version: the newest version is the type, an older one `<type>@<version>`. */
function nameOf(s: TwurpleSubscription): string {
  const newest = Math.max(...subs.filter((o) => o.type === s.type).map((o) => Number(o.version)));
  return Number(s.version) === newest ? s.type : `${s.type}@${s.version}`;
}
const byName = new Map(subs.map((s) => [nameOf(s), s]));

/**
 * twurple's own webhook receiver, offline: an EventSubMiddleware in unmanaged mode (no ApiClient,
 * nothing sent to Twitch) on an Express app, subscribed to every type through EventSubBase's `on*`
 * method for it. A delivery reaches a handler only when twurple's `_verifyData` accepts its HMAC
 * (message id + timestamp + body) and it is newer than 10 minutes; the handler gets the event
 * class twurple built from the body.
 */
let server: Server;
let base: string;
const urlOf = new Map<string, string>();
const received = new Map<string, object>();
beforeAll(async () => {
  const middleware = new EventSubMiddleware({
    managed: false,
    clientId: 'hookctlcatalogueclientid',
    hostName: '127.0.0.1',
    pathPrefix: PREFIX,
    secret,
    strictHostCheck: false,
    logger: { minLevel: 'critical' },
  });
  const app = express();
  middleware.apply(app);
  server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await middleware.markAsReady();
  const listeners = twurpleListeners(ROOT);
  for (const [name, s] of byName) {
    const { method, params } = listeners.get(s.className)!;
    // Any condition will do: twurple routes by the subscription's URL and reads the body alone.
    const args = params.map((p) => (p === 'filter' ? { organizationId: 'hookctl-org' } : '12826'));
    const subscription = (middleware as any)[method](...args, (event: object) => received.set(name, event));
    urlOf.set(name, `${base}${PREFIX}/event/${subscription.id}`);
  }
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

async function post(url: string, d: Delivery): Promise<{ status: number; text: string }> {
  const res = await fetch(url, { method: d.method, headers: d.headers, body: new Uint8Array(d.body) });
  return { status: res.status, text: await res.text() };
}

/** Getters of a twurple event object that throw on the body (a missing list, a field of the wrong shape). */
function brokenGetters(event: object): string[] {
  const broken: string[] = [];
  for (let proto = Object.getPrototypeOf(event); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const [key, d] of Object.entries(Object.getOwnPropertyDescriptors(proto))) {
      try {
        d.get?.call(event);
      } catch (err) {
        broken.push(`${key}: ${(err as Error).message}`);
      }
    }
  }
  return broken;
}

describe('every Twitch EventSub subscription type twurple knows', () => {
  it('is in the catalogue: each type at its newest version, older versions as <type>@<version>', async () => {
    expect(subs.length).toBeGreaterThanOrEqual(79);
    expect(new Set(subs.map((s) => `${s.type}@${s.version}`)).size).toBe(subs.length);
    const catalogue = listEvents(getProvider('twitch')).filter((e) => !HANDSHAKES.includes(e.name));
    expect(catalogue.map((e) => e.name)).toEqual([...byName.keys()]);
    // What a user sees: `hookctl events twitch` lists the source's count, and the two handshake messages.
    const r = await runInProcess(['events', 'twitch', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const listed = JSON.parse(r.stdout.trim()) as { provider: string; events: { name: string }[] };
    expect(listed.events.map((e) => e.name)).toEqual([...byName.keys(), ...HANDSHAKES]);
  });

  it('sends the notification envelope of its type and version, with the headers that name them', () => {
    const wrong: string[] = [];
    for (const { name, delivery } of everyDelivery('twitch', secret)) {
      if (HANDSHAKES.includes(name)) continue;
      const s = byName.get(name)!;
      const body = JSON.parse(delivery.body.toString('utf8'));
      const headers = Object.fromEntries(delivery.headers.map(([n, v]) => [n.toLowerCase(), v]));
      const sub = body.subscription;
      // drop.entitlement.grant is batched: a list of { id, data } in place of `event`.
      const event = s.batched ? body.events?.[0]?.data : body.event;
      if (sub.type !== s.type || sub.version !== s.version || sub.status !== 'enabled') wrong.push(`${name}: subscription ${sub.type}@${sub.version} ${sub.status}`);
      if (!event || typeof event !== 'object' || Array.isArray(event)) wrong.push(`${name}: no event object`);
      if (Object.keys(sub.condition).join() !== s.condition.map((c) => c.key).join()) wrong.push(`${name}: condition ${Object.keys(sub.condition)}`);
      if (headers['twitch-eventsub-subscription-type'] !== s.type || headers['twitch-eventsub-subscription-version'] !== s.version) wrong.push(`${name}: headers`);
      if (headers['twitch-eventsub-message-type'] !== 'notification') wrong.push(`${name}: message type ${headers['twitch-eventsub-message-type']}`);
    }
    expect(wrong).toEqual([]);
  });

  it('is accepted by twurple: signature verified, and its handler given the event class, every getter readable', async () => {
    expect(new Set(urlOf.values()).size).toBe(byName.size);
    const wrong: string[] = [];
    for (const { name, delivery } of everyDelivery('twitch', secret)) {
      if (HANDSHAKES.includes(name)) continue;
      const { status } = await post(urlOf.get(name)!, delivery);
      // twurple answers 202 before it calls the handler, in the same turn: the handler has run by now.
      const event = received.get(name);
      if (status !== 202 || !event) wrong.push(`${name}: ${status}, handler ${event ? 'called' : 'not called'}`);
      else if (event.constructor.name !== byName.get(name)!.eventClass) wrong.push(`${name}: built ${event.constructor.name}`);
      else wrong.push(...brokenGetters(event).map((b) => `${name}: ${b}`));
    }
    expect(wrong).toEqual([]);
  });

  it('handshake: twurple answers the challenge with its text and takes the revocation', async () => {
    const all = new Map(everyDelivery('twitch', secret).map((d) => [d.name, d.delivery]));
    const challenge = all.get('webhook_callback_verification')!;
    const answer = await post(urlOf.get('channel.follow')!, challenge);
    expect(answer).toEqual({ status: 200, text: JSON.parse(challenge.body.toString('utf8')).challenge });
    expect((await post(urlOf.get('channel.follow')!, all.get('revocation')!)).status).toBe(202);
  });

  it('refuses a body signed with another secret (410), so the check above is a real one', async () => {
    const [first] = everyDelivery('twitch', 'another_secret_of_twenty');
    expect((await post(urlOf.get(first!.name)!, first!.delivery)).status).toBe(410);
  });
});
