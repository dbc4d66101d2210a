import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { verifyWebhookSignature } from '@notionhq/client';
import { describe, expect, it } from 'vitest';
import { listEvents } from '../../src/core/catalogue/list-events.js';
import { createDeliveryBuilder } from '../../src/core/delivery/build.js';
import type { Delivery } from '../../src/core/delivery/types.js';
import { BUILTIN_PROVIDERS, detectProvider, getProvider } from '../../src/core/providers/registry.js';
import type { EventSpec, ProviderProfile } from '../../src/core/providers/types.js';
import { seededRandom } from '../../src/core/random.js';
import { checkArrival } from '../../src/core/server/arrival.js';
import { verifyUsable } from '../../src/core/signing/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NOW = Date.parse('2026-02-28T10:35:42.123Z');
const SECRET = 'handshake-providers-test-secret';
const URL_OF = (p: ProviderProfile) => new URL(`http://127.0.0.1:3000${p.request.path}`);
const hmacHex = (content: string | Buffer) => createHmac('sha256', SECRET).update(content).digest('hex');
const header = (d: Delivery, name: string) => d.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
const headerObject = (d: Delivery) => Object.fromEntries(d.headers.map(([n, v]) => [n.toLowerCase(), v]));

function build(profile: ProviderProfile, event: EventSpec | string, url: URL | undefined = URL_OF(profile)): Delivery {
  return createDeliveryBuilder({ profile, event, secrets: [SECRET], url }).build({ now: NOW, random: seededRandom(1) });
}

type Check = (d: Delivery) => boolean | Promise<boolean>;

/**
 * Each provider's recipe, written from its documentation (or checked by its own library), apart from
 * hookctl's signing module.
 */
const INDEPENDENT: Record<string, Check> = {
  // https://developers.zoom.us/docs/api/webhooks/#verify-webhook-events: v0= + hex HMAC of v0:{x-zm-request-timestamp}:{body}.
  zoom: (d) => {
    const ts = header(d, 'x-zm-request-timestamp') ?? '';
    return /^\d{10}$/.test(ts) && header(d, 'x-zm-signature') === `v0=${hmacHex(`v0:${ts}:${d.body}`)}`;
  },
  // https://developers.facebook.com/docs/graph-api/webhooks/getting-started#validate-payloads: sha256= + hex HMAC of the payload, app secret as key.
  meta: (d) => header(d, 'X-Hub-Signature-256') === `sha256=${hmacHex(d.body)}`,
  // https://dev.twitch.tv/docs/eventsub/handling-webhook-events/#verifying-the-event-message: HMAC of id + timestamp + raw body;
  // twurple (EventSubHttpBase.js) then drops anything older than 10 minutes by `new Date(timestamp)`.
  twitch: (d) => {
    const id = header(d, 'Twitch-Eventsub-Message-Id') ?? '';
    const ts = header(d, 'Twitch-Eventsub-Message-Timestamp') ?? '';
    const fresh = new Date(ts).getTime() >= NOW - 10 * 60 * 1000;
    return fresh && header(d, 'Twitch-Eventsub-Message-Signature') === `sha256=${hmacHex(Buffer.concat([Buffer.from(id + ts), d.body]))}`;
  },
  // https://developers.asana.com/docs/webhooks-guide#security: X-Hook-Signature is the hex HMAC-SHA256 of the body.
  asana: (d) => header(d, 'X-Hook-Signature') === hmacHex(d.body),
  // https://www.dropbox.com/developers/reference/webhooks: X-Dropbox-Signature is the hex HMAC-SHA256 of the body, app secret as key.
  dropbox: (d) => header(d, 'X-Dropbox-Signature') === hmacHex(d.body),
  // Notion's own verifier, from @notionhq/client.
  notion: (d) => verifyWebhookSignature({ body: d.body, signature: header(d, 'X-Notion-Signature'), verificationToken: SECRET }),
  // https://developer.okta.com/docs/concepts/event-hooks/#http-headers: the registered Authorization value itself, in every request.
  okta: (d) => header(d, 'Authorization') === SECRET,
  // https://learn.microsoft.com/graph/change-notifications-delivery-webhooks#receive-notifications: each notification's clientState.
  msgraph: (d) => (JSON.parse(d.body.toString('utf8')) as { value: { clientState?: string }[] }).value.every((n) => n.clientState === SECRET),
};
/** A token in a header anyone may send, or in the body, names no provider: listen is told (--provider). */
const TOKEN_PROVIDERS = new Set(['okta', 'msgraph']);

const IDS = Object.keys(INDEPENDENT);

describe('the handshake providers: every event signs as the provider documents', () => {
  it('are registered after twilio, in order', () => {
    const ids = BUILTIN_PROVIDERS.map((p) => p.id);
    expect(ids.slice(ids.indexOf('twilio') + 1, ids.indexOf('twilio') + 1 + IDS.length)).toEqual(IDS);
  });

  for (const id of IDS) {
    const profile = getProvider(id);
    const signed = listEvents(profile).filter((e) => !e.request?.unsigned);

    it(`${id}: ${signed.length} signed events, accepted by hookctl's verifier and the independent check`, async () => {
      for (const event of signed) {
        const d = build(profile, event);
        const own = verifyUsable(profile, [SECRET], { headers: headerObject(d), body: d.body, now: NOW + 2000 });
        expect(own, `${id}/${event.name}`).toMatchObject({ ok: true, secretIndex: 0 });
        expect(await INDEPENDENT[id]!(d), `${id}/${event.name}`).toBe(true);
        // A different secret is refused by the same independent check: it tests the key, not only the shape.
        const other = createDeliveryBuilder({ profile, event, secrets: ['another-secret'], url: URL_OF(profile) }).build({ now: NOW, random: seededRandom(1) });
        expect(await INDEPENDENT[id]!(other), `${id}/${event.name} with another secret`).toBe(false);
        if (event.request?.template !== 'query') expect(JSON.parse(d.body.toString('utf8'))).toBeTypeOf('object');
        expect(d.body.toString('utf8')).not.toMatch(/\{\{/);
      }
    });

    it(`${id}: listen detects the provider, verifies and names each signed event`, () => {
      const url = URL_OF(profile);
      const wrong: string[] = [];
      for (const event of signed) {
        const d = build(profile, event);
        const fixed = TOKEN_PROVIDERS.has(id) ? { fixed: profile } : {};
        const r = checkArrival({ providers: BUILTIN_PROVIDERS, secretsFor: () => [SECRET], ...fixed }, { ...headerObject(d), host: url.host }, d.body, NOW, url.pathname);
        if (r.provider?.id !== id || !r.verification.ok || r.event !== event.name) wrong.push(`${event.name}: ${r.provider?.id} ${JSON.stringify(r.verification)} as ${r.event}`);
      }
      expect(wrong).toEqual([]);
    });
  }

  it('zoom: the url_validation request is an ordinary signed event with a plainToken, as Zoom documents it', () => {
    const zoom = getProvider('zoom');
    const d = build(zoom, 'endpoint.url_validation');
    const body = JSON.parse(d.body.toString('utf8'));
    expect(Object.keys(body)).toEqual(['payload', 'event_ts', 'event']);
    expect(body).toMatchObject({ event: 'endpoint.url_validation', event_ts: NOW, payload: { plainToken: expect.stringMatching(/^[a-z0-9]{22}$/) } });
    expect(d.method).toBe('POST');
    expect(header(d, 'User-Agent')).toBe('Zoom Marketplace/1.0a');
    expect(header(d, 'Content-Type')).toBe('application/json; charset=utf-8');
  });

  it('twitch: RFC 3339 timestamps with nanoseconds, a UUID message id, and per-message type headers', () => {
    const twitch = getProvider('twitch');
    // The notifications are in the generated catalogue, the handshake in the profile: look in both.
    const byName = (name: string) => listEvents(twitch).find((e) => e.name === name)!;
    const follow = build(twitch, byName('channel.follow'));
    expect(header(follow, 'Twitch-Eventsub-Message-Timestamp')).toBe('2026-02-28T10:35:42.000000000Z');
    expect(header(follow, 'Twitch-Eventsub-Message-Id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(follow.deliveryId).toBe(header(follow, 'Twitch-Eventsub-Message-Id'));
    const kinds = (d: Delivery) => ['Message-Type', 'Subscription-Type', 'Subscription-Version', 'Message-Retry'].map((h) => header(d, `Twitch-Eventsub-${h}`));
    expect(kinds(follow)).toEqual(['notification', 'channel.follow', '2', '0']);
    expect(kinds(build(twitch, byName('stream.online')))).toEqual(['notification', 'stream.online', '1', '0']);
    expect(kinds(build(twitch, byName('revocation')))).toEqual(['revocation', 'channel.follow', '2', '0']);
    const challenge = build(twitch, byName('webhook_callback_verification'));
    expect(kinds(challenge)).toEqual(['webhook_callback_verification', 'channel.follow', '2', '0']);
    // The challenge is signed like any message (twurple refuses an unsigned one with 410).
    expect(INDEPENDENT.twitch!(challenge)).toBe(true);
    expect(JSON.parse(challenge.body.toString('utf8'))).toMatchObject({ challenge: expect.any(String), subscription: { type: 'channel.follow', status: 'webhook_callback_verification_pending' } });
  });

  it('meta is told apart from GitHub by its User-Agent; GitHub traffic stays GitHub', () => {
    const metaDelivery = build(getProvider('meta'), getProvider('meta').events[0]!);
    expect(detectProvider(headerObject(metaDelivery))?.id).toBe('meta');
    const { 'user-agent': _ua, ...bare } = headerObject(metaDelivery);
    expect(detectProvider(bare)?.id).toBe('github');
    const github = getProvider('github');
    const gh = createDeliveryBuilder({ profile: github, event: 'push', secrets: [SECRET] }).build({ now: NOW, random: seededRandom(1) });
    expect(detectProvider(headerObject(gh))?.id).toBe('github');
  });
});

describe('the handshake requests the providers send unsigned', () => {
  const SIGNED_HEADERS = /signature|timestamp|x-hub|message-id/i;

  it('meta: GET ?hub.mode=subscribe&hub.challenge=<int>&hub.verify_token=<token>, no body, no signature', () => {
    const meta = getProvider('meta');
    const d = build(meta, meta.events.find((e) => e.name === 'subscribe')!);
    expect(d.method).toBe('GET');
    expect(d.url?.pathname).toBe('/webhooks/meta');
    expect([...d.url!.searchParams.keys()]).toEqual(['hub.mode', 'hub.challenge', 'hub.verify_token']);
    expect(d.url?.searchParams.get('hub.mode')).toBe('subscribe');
    expect(d.url?.searchParams.get('hub.challenge')).toMatch(/^\d{10}$/);
    // The verify token is the provider's secret: the one the receiver was given (docs/handshakes.md).
    expect(d.url?.searchParams.get('hub.verify_token')).toBe(SECRET);
    expect(d.body.length).toBe(0);
    expect(d.headers.map(([n]) => n)).toEqual(['User-Agent']);
    expect(d.signature).toBeUndefined();
  });

  it('dropbox: GET ?challenge=<random>, no body, no signature', () => {
    const dropbox = getProvider('dropbox');
    const d = build(dropbox, dropbox.events.find((e) => e.name === 'verification')!);
    expect(d.method).toBe('GET');
    expect(d.url?.search).toMatch(/^\?challenge=[a-z0-9]{43}$/);
    expect(d.body.length).toBe(0);
    expect(d.headers.map(([n, v]) => `${n}: ${v}`)).toEqual(['User-Agent: DropboxWebhooks/1.0']);
  });

  it('asana: POST with X-Hook-Secret and an empty body, no query, no signature', () => {
    const asana = getProvider('asana');
    const d = build(asana, asana.events.find((e) => e.name === 'handshake')!);
    expect(d.method).toBe('POST');
    expect(d.url?.href).toBe('http://127.0.0.1:3000/webhooks/asana');
    expect(d.body.length).toBe(0);
    expect(header(d, 'X-Hook-Secret')).toMatch(/^[0-9a-f]{64}$/);
    expect(d.headers.some(([n]) => SIGNED_HEADERS.test(n))).toBe(false);
  });

  it('notion: POST {"verification_token":"secret_…"} with no signature', () => {
    const notion = getProvider('notion');
    const d = build(notion, notion.events.find((e) => e.name === 'verification')!);
    expect(d.method).toBe('POST');
    expect(JSON.parse(d.body.toString('utf8'))).toEqual({ verification_token: expect.stringMatching(/^secret_[a-z0-9]{43}$/) });
    expect(header(d, 'Content-Type')).toBe('application/json');
    expect(d.headers.some(([n]) => SIGNED_HEADERS.test(n))).toBe(false);
    const r = checkArrival({ providers: BUILTIN_PROVIDERS, fixed: notion, secretsFor: () => [SECRET] }, headerObject(d), d.body, NOW, '/webhooks/notion');
    expect(r).toMatchObject({ event: 'verification', verification: { ok: false, reason: 'missing-signature' } });
  });

  it('notion: exactly the event types of @notionhq/client, each with a fixture whose type is its name', () => {
    const notion = getProvider('notion');
    const types = notion.events.filter((e) => !e.request).map((e) => e.name);
    const dts = readFileSync(join(ROOT, 'node_modules/@notionhq/client/build/src/api-endpoints/webhooks.d.ts'), 'utf8');
    const published = [...new Set([...dts.matchAll(/type: "([a-z_.]+)";/g)].map((m) => m[1] as string))].filter((t) => t.includes('.'));
    expect(types.sort()).toEqual(published.sort());
    expect(types).toHaveLength(31);
    for (const name of types) expect(JSON.parse(build(notion, notion.events.find((e) => e.name === name)!).body.toString('utf8')).type).toBe(name);
  });
});
