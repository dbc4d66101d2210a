import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listEvents } from '../../src/core/catalogue/list-events.js';
import { getProvider } from '../../src/core/providers/registry.js';
import { everyDelivery, headerOf } from './deliveries.js';

const secret = 'wbhsec_persona_catalogue_test_secret';
const data = JSON.parse(readFileSync(join(process.cwd(), 'scripts/catalogue/data/persona-events.json'), 'utf8'));

describe('every Persona webhook event', () => {
  const names = listEvents(getProvider('persona')).map((e) => e.name);

  it("is the OpenAPI spec's enabled-events enum (data/persona-events.json): 249 events, `*` left out", () => {
    expect(names).toHaveLength(249);
    expect(names).toEqual(data.events.map((e: { name: string }) => e.name));
    expect(names).not.toContain('*');
  });

  it("passes the docs' check (HMAC-SHA256 of t.body), each body's data.attributes.name naming its event", () => {
    const wrong: string[] = [];
    for (const { name, delivery } of everyDelivery('persona', secret)) {
      // docs.withpersona.com/docs/webhooks-best-practices, the Node sample: split on ",", then each pair on "=".
      const params = Object.fromEntries(
        headerOf(delivery, 'Persona-Signature')
          .split(',')
          .map((kv) => kv.split('=')),
      );
      const digest = createHmac('sha256', secret)
        .update(`${params.t}.${delivery.body.toString('utf8')}`)
        .digest('hex');
      const body = JSON.parse(delivery.body.toString('utf8'));
      if (params.v1 !== digest) wrong.push(`${name}: signature`);
      if (body.data.type !== 'event' || body.data.attributes.name !== name || !body.data.attributes.payload.data.id) wrong.push(`${name}: envelope`);
    }
    expect(wrong).toEqual([]);
  });
});
