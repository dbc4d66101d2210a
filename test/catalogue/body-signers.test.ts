import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listEvents } from '../../src/core/catalogue/list-events.js';
import type { Delivery } from '../../src/core/delivery/types.js';
import { signWithScheme } from '../../src/core/signing/index.js';
import { getProvider } from '../../src/core/providers/registry.js';
import { everyDelivery, headerOf } from './deliveries.js';

/**
 * The body signers whose events are a documented list (scripts/catalogue/data/<id>-events.json)
 * and which have no official verifier: each delivery verified as the provider's docs say, and named
 * in the body or a header as the catalogue names it.
 */
interface Case {
  id: string;
  /** Whether the signature verifies, as the documentation's sample computes it. */
  verify(d: Delivery, secret: string): boolean;
  /** The event name a receiver reads from the delivery. */
  named(d: Delivery, body: Record<string, any>): string;
}

const equal = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
const hmac = (alg: string, secret: string, body: Buffer, enc: 'hex' | 'base64') => createHmac(alg, secret).update(body).digest(enc);

const CASES: Case[] = [
  {
    id: 'typeform',
    // typeform.com/developers/webhooks/secure-your-webhooks
    verify: (d, secret) => equal(headerOf(d, 'Typeform-Signature'), `sha256=${hmac('sha256', secret, d.body, 'base64')}`),
    named: (_d, body) => body.event_type,
  },
  {
    id: 'pagerduty',
    // PagerDuty/developer-docs docs/webhooks/04-Signatures.md: any comma-separated v1= signature may match.
    verify: (d, secret) =>
      headerOf(d, 'X-PagerDuty-Signature')
        .split(',')
        .some((s) => equal(s, `v1=${hmac('sha256', secret, d.body, 'hex')}`)),
    named: (_d, body) => body.event.event_type,
  },
  {
    id: 'sentry',
    // sentry-docs integration-platform/webhooks.mdx: its Node sample signs JSON.stringify(request.body).
    verify: (d, secret) =>
      equal(
        headerOf(d, 'Sentry-Hook-Signature'),
        createHmac('sha256', secret)
          .update(JSON.stringify(JSON.parse(d.body.toString())), 'utf8')
          .digest('hex'),
      ),
    named: (d, body) => `${headerOf(d, 'Sentry-Hook-Resource')}.${body.action}`,
  },
  {
    id: 'vercel',
    // vercel.com/docs/webhooks/webhooks-api: hex HMAC-SHA1 of the raw body.
    verify: (d, secret) => equal(headerOf(d, 'x-vercel-signature'), hmac('sha1', secret, d.body, 'hex')),
    named: (_d, body) => body.type,
  },
];

/** The saved list: names, or objects with a name (PagerDuty's carry their data type). */
const documented = (id: string) =>
  (JSON.parse(readFileSync(join(process.cwd(), `scripts/catalogue/data/${id}-events.json`), 'utf8')) as { events: (string | { name: string })[] }).events.map((e) =>
    typeof e === 'string' ? e : e.name,
  );

describe('pagerduty while a secret is rotated', () => {
  it('signs with each secret, v1= entries comma-separated, each verifying on its own', () => {
    const secrets = ['pagerduty_old_secret', 'pagerduty_new_secret'];
    const body = Buffer.from('{"event":{"event_type":"incident.triggered"}}');
    const signed = signWithScheme(getProvider('pagerduty').scheme, { secret: secrets, body });
    const sent = signed.headers['X-PagerDuty-Signature'] ?? '';
    expect(sent.split(',')).toEqual(secrets.map((s) => `v1=${hmac('sha256', s, body, 'hex')}`));
  });
});

describe.each(CASES.map((c) => [c.id, c] as const))('%s', (id, c) => {
  it('lists every documented event type, in the documented order', () => {
    expect(listEvents(getProvider(id)).map((e) => e.name)).toEqual(documented(id));
  });

  it('signs every delivery as its docs verify it, and names each event as the catalogue does', () => {
    const secret = `${id}_catalogue_test_secret`;
    const wrong: string[] = [];
    for (const { name, delivery } of everyDelivery(id, secret, Date.now(), new URL(`https://hookctl.example/webhooks/${id}`))) {
      if (!c.verify(delivery, secret)) wrong.push(`${name}: signature`);
      const got = c.named(delivery, JSON.parse(delivery.body.toString()) as Record<string, any>);
      if (got !== name) wrong.push(`${name}: named ${got}`);
    }
    expect(wrong).toEqual([]);
  });
});
