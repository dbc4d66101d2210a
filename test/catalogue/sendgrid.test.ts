import { EventWebhook } from '@sendgrid/eventwebhook';
import { describe, expect, it } from 'vitest';
import { listEvents } from '../../src/core/catalogue/list-events.js';
import { createDeliveryBuilder } from '../../src/core/delivery/build.js';
import { getProvider } from '../../src/core/providers/registry.js';
import type { ProviderProfile } from '../../src/core/providers/types.js';
import { seededRandom } from '../../src/core/random.js';
import { checkArrival } from '../../src/core/server/arrival.js';

/**
 * The Event Webhook's event types, as Twilio SendGrid names them: the eleven switches of its Event
 * Webhook settings (twilio/sendgrid-oai, EventWebhookRequest; `spam_report` posts `spamreport`) and
 * the `event` values of its Event Webhook reference. Written here, not read from the generator's data.
 */
const DOCUMENTED = ['processed', 'dropped', 'delivered', 'deferred', 'bounce', 'open', 'click', 'spamreport', 'unsubscribe', 'group_unsubscribe', 'group_resubscribe'];

// The profile's own events win over the catalogue's: none, so every event is the generated one.
const profile: ProviderProfile = { ...getProvider('sendgrid'), events: [], catalogue: 'sendgrid' };
const events = listEvents(profile);
const ew = new EventWebhook();
const publicKey = ew.convertPublicKeyToECDSA(profile.devKeyPair!.publicKey);

type Item = Record<string, unknown> & { event: string };

function deliver(event: string, seed = 1) {
  const d = createDeliveryBuilder({ profile, event, secrets: [profile.devSecret] }).build({ now: Date.now(), random: seededRandom(seed) });
  const header = (name: string) => d.headers.find(([n]) => n === name)?.[1] as string;
  return { d, items: JSON.parse(d.body.toString('utf8')) as Item[], signature: header('X-Twilio-Email-Event-Webhook-Signature'), timestamp: header('X-Twilio-Email-Event-Webhook-Timestamp') };
}

describe('every SendGrid event in the catalogue', () => {
  it('is accepted by @sendgrid/eventwebhook verifySignature with the documented development key', () => {
    const rejected = events.filter((e) => {
      const { d, signature, timestamp } = deliver(e.name);
      return !ew.verifySignature(publicKey, d.body, signature, timestamp) || ew.verifySignature(publicKey, `${d.body.toString()} `, signature, timestamp);
    });
    expect(rejected.map((e) => e.name)).toEqual([]);
  });

  it('is a JSON array of documented events, each with the fields every event carries', () => {
    const wrong: string[] = [];
    for (const e of events) {
      const { items } = deliver(e.name);
      if (!Array.isArray(items) || items.length === 0) wrong.push(`${e.name}: not a non-empty array`);
      for (const item of items) {
        if (!DOCUMENTED.includes(item.event)) wrong.push(`${e.name}: event ${item.event}`);
        for (const f of ['email', 'sg_event_id', 'sg_message_id']) if (typeof item[f] !== 'string' || !item[f]) wrong.push(`${e.name}: ${f}`);
        if (!Number.isInteger(item.timestamp) || Math.abs((item.timestamp as number) - Date.now() / 1000) > 300) wrong.push(`${e.name}: timestamp ${item.timestamp}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has one event per documented type, a batch of that one event, plus the blocked bounce and a batch', () => {
    const single = events.filter((e) => e.name !== 'batch');
    for (const e of single) expect(deliver(e.name).items.map((i) => i.event)).toEqual([e.name.split('.')[0]]);
    expect(single.map((e) => e.name.split('.')[0]).filter((n, i, all) => all.indexOf(n) === i)).toEqual(DOCUMENTED);
    expect(events.map((e) => e.name)).toEqual([...DOCUMENTED.slice(0, 5), 'bounce.blocked', ...DOCUMENTED.slice(5), 'batch']);
  });

  it('carries the documented fields of bounces, blocks, deferrals, opens, clicks and group events', () => {
    expect(deliver('bounce').items[0]).toMatchObject({ type: 'bounce', reason: expect.any(String), status: expect.stringMatching(/^5\.\d\.\d$/), bounce_classification: expect.any(String) });
    expect(deliver('bounce.blocked').items[0]).toMatchObject({ event: 'bounce', type: 'blocked', bounce_classification: expect.any(String) });
    expect(deliver('deferred').items[0]).toMatchObject({ response: expect.any(String), attempt: expect.any(String) });
    expect(deliver('open').items[0]).toMatchObject({ sg_machine_open: false, useragent: expect.any(String), ip: expect.any(String) });
    expect(deliver('click').items[0]).toMatchObject({ url: expect.stringMatching(/^https:/), url_offset: { index: 0, type: 'html' } });
    for (const e of ['group_unsubscribe', 'group_resubscribe']) expect(deliver(e).items[0]).toMatchObject({ asm_group_id: expect.any(Number) });
  });

  it('batches one message: processed, delivered, open, click, oldest first, one sg_message_id, fresh sg_event_ids', () => {
    const { items } = deliver('batch');
    expect(items.map((i) => i.event)).toEqual(['processed', 'delivered', 'open', 'click']);
    expect(new Set(items.map((i) => i.sg_message_id)).size).toBe(1);
    expect(new Set(items.map((i) => i.sg_event_id)).size).toBe(4);
    const times = items.map((i) => i.timestamp as number);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(deliver('batch', 2).items[0]?.sg_event_id).not.toBe(items[0]?.sg_event_id);
    // The message's custom argument, which SendGrid repeats on each of its events.
    expect(items.map((i) => i.order_id)).toEqual(['6735', '6735', '6735', '6735']);
  });
});

describe("each SendGrid event's match", () => {
  // What `hookctl listen` does with a request: detect, verify, and name the event by the matches
  // of the provider's events, its generated catalogue's among them.
  const receiving = profile;
  it('names its own body: the blocked bounce apart from the hard one, the batch by its custom argument', () => {
    const named = events.map((e) => {
      const { d } = deliver(e.name);
      const r = checkArrival({ providers: [receiving], fixed: receiving, secretsFor: () => [profile.devKeyPair!.publicKey] }, Object.fromEntries(d.headers), d.body, Date.now());
      return [e.name, r.event, r.verification.ok];
    });
    expect(named).toEqual(events.map((e) => [e.name, e.name, true]));
  });
});

describe('send --batch', () => {
  it('grows a batch to n events with fresh ids per event, signed over the whole array', () => {
    const d = createDeliveryBuilder({ profile, event: 'batch', secrets: [profile.devSecret], overrides: { batch: 10 } }).build({ now: Date.now(), random: seededRandom(3) });
    const header = (name: string) => d.headers.find(([n]) => n === name)?.[1] as string;
    const items = JSON.parse(d.body.toString('utf8')) as Item[];
    expect(items).toHaveLength(10);
    expect(items.map((i) => i.event).slice(0, 5)).toEqual(['processed', 'delivered', 'open', 'click', 'processed']);
    expect(new Set(items.map((i) => i.sg_event_id)).size).toBe(10);
    // One message's events share its id; the next copy is another message.
    expect(items[1]!.sg_message_id).toBe(items[0]!.sg_message_id);
    expect(items[4]!.sg_message_id).not.toBe(items[0]!.sg_message_id);
    expect(ew.verifySignature(publicKey, d.body, header('X-Twilio-Email-Event-Webhook-Signature'), header('X-Twilio-Email-Event-Webhook-Timestamp'))).toBe(true);
  });

  it('is refused, with the reason, for a provider that posts one event per delivery', () => {
    expect(() => createDeliveryBuilder({ profile: getProvider('stripe'), event: 'invoice.paid', secrets: ['whsec_x'], overrides: { batch: 2 } })).toThrow(/one event per delivery/);
  });
});
