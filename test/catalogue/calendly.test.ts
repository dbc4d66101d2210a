import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listEvents } from '../../src/core/catalogue/list-events.js';
import { getProvider } from '../../src/core/providers/registry.js';
import { everyDelivery, headerOf } from './deliveries.js';

const secret = 'calendly_catalogue_signing_key';

describe('every Calendly webhook event', () => {
  const names = listEvents(getProvider('calendly')).map((e) => e.name);

  it("is the documented list (data/calendly-events.json): the subscription API's events", () => {
    const data = JSON.parse(readFileSync(join(process.cwd(), 'scripts/catalogue/data/calendly-events.json'), 'utf8'));
    expect(names).toEqual(data.events.map((e: { name: string }) => e.name));
    expect(names).toEqual(['invitee.created', 'invitee.canceled', 'invitee_no_show.created', 'invitee_no_show.deleted', 'routing_form_submission.created']);
  });

  it("is signed as Calendly's webhook signatures page verifies it: t=<s>,v1=<hex> over t + '.' + body", () => {
    const wrong: string[] = [];
    for (const { name, delivery } of everyDelivery('calendly', secret)) {
      const sig = headerOf(delivery, 'Calendly-Webhook-Signature');
      const [, t, v1] = /^t=(\d{10}),v1=([0-9a-f]{64})$/.exec(sig) ?? [];
      if (!t || !v1) wrong.push(`${name}: header ${sig}`);
      else if (
        createHmac('sha256', secret)
          .update(`${t}.${delivery.body.toString('utf8')}`)
          .digest('hex') !== v1
      )
        wrong.push(`${name}: signature`);
      const body = JSON.parse(delivery.body.toString('utf8'));
      if (body.event !== name || !body.payload?.uri?.startsWith('https://api.calendly.com/')) wrong.push(`${name}: envelope`);
    }
    expect(wrong).toEqual([]);
  });
});
