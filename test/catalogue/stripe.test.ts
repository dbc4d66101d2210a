import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
// The generator's own readers of the stripe package: the event types and what their data.object is.
import { stripeApiVersion, stripeEventTypes, stripeObjectNames } from '../../scripts/catalogue/stripe.mjs';
import { listEvents } from '../../src/core/catalogue/list-events.js';
import { createDeliveryBuilder } from '../../src/core/delivery/build.js';
import { getProvider } from '../../src/core/providers/registry.js';
import { seededRandom } from '../../src/core/random.js';
import { ROOT } from '../support/cli.js';

const secret = 'whsec_catalogue_test';
const stripe = new Stripe('sk_test_catalogue');
const profile = getProvider('stripe');

describe('every Stripe event type in the pinned stripe package', () => {
  const types = stripeEventTypes(ROOT);
  const objectOf = stripeObjectNames(ROOT);

  it('is in the catalogue, in the package order', () => {
    expect(types.length).toBeGreaterThan(250);
    expect(listEvents(profile).map((e) => e.name)).toEqual(types.map((t: { name: string }) => t.name));
  });

  it('is accepted by stripe.webhooks.constructEvent, with its type, data.object of its resource and the pinned API version', () => {
    const now = Date.now();
    const random = seededRandom(12);
    const apiVersion = stripeApiVersion(ROOT);
    const wrong: string[] = [];
    for (const t of types as { name: string; resourceType: string }[]) {
      const d = createDeliveryBuilder({ profile, event: t.name, secrets: [secret] }).build({ now, random });
      const header = d.headers.find(([n]) => n === 'Stripe-Signature')![1];
      const event = stripe.webhooks.constructEvent(d.body, header, secret);
      const object = (event.data.object as { object?: string }).object;
      if (event.type !== t.name || !objectOf(t.resourceType)?.all.includes(object ?? '') || event.api_version !== apiVersion || event.livemode !== false) {
        wrong.push(`${t.name}: type ${event.type}, object ${object}`);
      }
      if (t.name.endsWith('.updated') && !event.data.previous_attributes) wrong.push(`${t.name}: no previous_attributes`);
    }
    expect(wrong).toEqual([]);
  });

  it('gets fresh ids per delivery: the event id, the request id and the object id', () => {
    const build = (seed: number) =>
      JSON.parse(
        createDeliveryBuilder({ profile, event: 'invoice.payment_failed', secrets: [secret] })
          .build({ now: Date.now(), random: seededRandom(seed) })
          .body.toString(),
      );
    const [a, b] = [build(1), build(2)];
    expect(a.id).toMatch(/^evt_/);
    expect(a.id).not.toBe(b.id);
    expect(a.request.id).not.toBe(b.request.id);
    expect(a.data.object.id).toMatch(/^in_/);
    expect(a.data.object.id).not.toBe(b.data.object.id);
  });

  it('lists the events whose resource has no published example, with the reason', () => {
    const thin = listEvents(profile).filter((e) => e.note);
    expect(thin.map((e) => e.name)).toContain('three_d_secure.authentication.succeeded');
    for (const e of thin) expect(e.note).toMatch(/publishes no example/);
  });
});
