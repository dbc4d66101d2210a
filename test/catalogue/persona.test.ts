import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listEvents } from '../../src/core/catalogue/list-events.js';
import { getProvider } from '../../src/core/providers/registry.js';
import { signWithScheme, verifyWithScheme } from '../../src/core/signing/index.js';
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

describe('Persona secret rotation', () => {
  const { scheme } = getProvider('persona');
  const body = Buffer.from('{"data":{"type":"event"}}');

  it('signs with two secrets as two space-separated t=…,v1=… groups, each one the docs check accepts', () => {
    const signed = signWithScheme(scheme, { secret: ['old_secret', 'new_secret'], body, timestamp: 1_700_000_000, now: 1_700_000_000_000 });
    const groups = String(signed.headers['Persona-Signature']).split(' ');
    expect(groups).toHaveLength(2);
    groups.forEach((group, i) => {
      const [t, v1] = group.split(',').map((kv) => kv.slice(kv.indexOf('=') + 1));
      expect(t).toBe('1700000000');
      expect(v1).toBe(
        createHmac('sha256', ['old_secret', 'new_secret'][i] ?? '')
          .update(`${t}.${body}`)
          .digest('hex'),
      );
    });
  });

  it('verifies a grouped header with either secret, and refuses a third', () => {
    const signed = signWithScheme(scheme, { secret: ['old_secret', 'new_secret'], body, timestamp: 1_700_000_000, now: 1_700_000_000_000 });
    const verify = (secrets: string) => verifyWithScheme(scheme, 'persona', { secrets, headers: signed.headers, body, now: 1_700_000_000_000 });
    expect(verify('new_secret').ok).toBe(true);
    expect(verify('old_secret').ok).toBe(true);
    expect(verify('other_secret').ok).toBe(false);
  });
});
