import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listEvents } from '../../src/core/catalogue/list-events.js';
import { getProvider } from '../../src/core/providers/registry.js';
import { everyDelivery, headerOf } from './deliveries.js';

const secret = 'intercom-catalogue-test-client-secret';
const data = JSON.parse(readFileSync(join(process.cwd(), 'scripts/catalogue/data/intercom-events.json'), 'utf8'));

describe('every Intercom webhook topic', () => {
  const names = listEvents(getProvider('intercom')).map((e) => e.name);

  it('is the documented set (data/intercom-events.json): the 90 topics of the Webhook Topics tables', () => {
    expect(names).toHaveLength(90);
    expect(names).toEqual(data.events.map((e: { name: string }) => e.name));
  });

  it('is signed sha1=<hex HMAC-SHA1 of the body>, in the notification envelope, its topic naming the event', () => {
    const wrong: string[] = [];
    for (const { name, delivery } of everyDelivery('intercom', secret)) {
      const expected = `sha1=${createHmac('sha1', secret).update(delivery.body).digest('hex')}`;
      if (headerOf(delivery, 'X-Hub-Signature') !== expected) wrong.push(`${name}: signature`);
      const body = JSON.parse(delivery.body.toString('utf8'));
      if (body.type !== 'notification_event' || body.topic !== name || body.data?.type !== 'notification_event_data' || !body.data.item?.type) wrong.push(`${name}: envelope`);
      if (!/^notif_[0-9a-f-]{36}$/.test(body.id) || typeof body.created_at !== 'number') wrong.push(`${name}: id/created_at`);
    }
    expect(wrong).toEqual([]);
  });
});
