import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hmacValidator as AdyenHmac } from '@adyen/api-library';
import { NotificationRequestItem } from '@adyen/api-library/lib/src/typings/notification/notificationRequestItem.js';
import { SubscriptionCreateRequestEventTypeEnum } from '@hubspot/api-client/lib/codegen/webhooks/models/SubscriptionCreateRequest.js';
import { Signature } from '@hubspot/api-client/lib/src/utils/signature.js';
import { describe, expect, it } from 'vitest';
import { listEvents } from '../../src/core/catalogue/list-events.js';
import { getProvider } from '../../src/core/providers/registry.js';
import { everyDelivery } from './deliveries.js';

const names = (id: string) => listEvents(getProvider(id)).map((e) => e.name);
const header = (headers: [string, string][], name: string) => headers.find(([n]) => n.toLowerCase() === name)?.[1];

describe('HubSpot: every subscription type, signed v3', () => {
  it("is the SDK's SubscriptionCreateRequestEventTypeEnum (47)", () => {
    expect(names('hubspot').sort()).toEqual(Object.values(SubscriptionCreateRequestEventTypeEnum).sort());
    expect(names('hubspot')).toHaveLength(47);
  });

  it('passes Signature.isValid v3, each body an array whose event names its subscription type', () => {
    const wrong: string[] = [];
    const secret = 'hubspot-client-secret-for-tests';
    for (const { name, delivery } of everyDelivery('hubspot', secret, Date.now(), new URL('https://app.example.com/webhooks/hubspot?portal=62515'))) {
      const body = delivery.body.toString('utf8');
      const valid = Signature.isValid({
        signatureVersion: 'v3',
        signature: header(delivery.headers, 'x-hubspot-signature-v3') as string,
        clientSecret: secret,
        requestBody: body,
        url: String(delivery.url),
        method: delivery.method,
        timestamp: Number(header(delivery.headers, 'x-hubspot-request-timestamp')),
      });
      if (!valid || JSON.parse(body)[0].subscriptionType !== name) wrong.push(name);
    }
    expect(wrong).toEqual([]);
  });
});

describe('Adyen: every standard notification eventCode, HMAC in the body', () => {
  const key = createHmac('sha256', 'adyen catalogue test').digest('hex');

  it("is the SDK's NotificationRequestItem.EventCodeEnum (43)", () => {
    expect(names('adyen').sort()).toEqual(Object.values(NotificationRequestItem.EventCodeEnum).sort());
  });

  it("passes HmacValidator.validateHMAC, the item's eventCode naming its event", () => {
    const wrong: string[] = [];
    for (const { name, delivery } of everyDelivery('adyen', key)) {
      const item = JSON.parse(delivery.body.toString('utf8')).notificationItems[0].NotificationRequestItem;
      if (!new AdyenHmac().validateHMAC(item, key) || item.eventCode !== name) wrong.push(name);
    }
    expect(wrong).toEqual([]);
  });
});

describe('Mailgun: every webhook, signed in the body', () => {
  const data = JSON.parse(readFileSync(join(process.cwd(), 'scripts/catalogue/data/mailgun-events.json'), 'utf8'));

  it('is the documented list (data/mailgun-events.json, 8 webhooks)', () => {
    expect(names('mailgun')).toEqual(data.events.map((e: { name: string }) => e.name));
    expect(names('mailgun')).toHaveLength(8);
  });

  it('signs timestamp + token as the docs say, a fresh 50-character token each time', () => {
    const wrong: string[] = [];
    for (const { name, delivery } of everyDelivery('mailgun', 'mailgun-signing-key')) {
      const { signature } = JSON.parse(delivery.body.toString('utf8'));
      const expected = createHmac('sha256', 'mailgun-signing-key')
        .update(signature.timestamp + signature.token)
        .digest('hex');
      if (signature.signature !== expected || signature.token.length !== 50 || typeof signature.timestamp !== 'string') wrong.push(name);
    }
    expect(wrong).toEqual([]);
  });
});

describe('verify says why a body-signed delivery fails (Adyen, Mailgun)', () => {
  const keys: Record<string, string> = { adyen: createHmac('sha256', 'adyen reasons').digest('hex'), mailgun: 'mailgun-signing-key' };
  const FIELD: Record<string, string[]> = { adyen: ['notificationItems', '0', 'NotificationRequestItem', 'additionalData', 'hmacSignature'], mailgun: ['signature', 'signature'] };
  const edit = (body: Buffer, path: string[], value: string | undefined) => {
    const json = JSON.parse(body.toString('utf8'));
    const parent = path.slice(0, -1).reduce((n, k) => n[k], json);
    if (value === undefined) delete parent[path.at(-1) as string];
    else parent[path.at(-1) as string] = value;
    return Buffer.from(JSON.stringify(json));
  };

  for (const id of ['adyen', 'mailgun']) {
    it(`${id}: ok untouched; no-match for a changed signed field or another key; missing; malformed`, async () => {
      const { verify } = await import('../../src/index.js');
      const { delivery } = everyDelivery(id, keys[id] as string)[0]!;
      const check = (body: Buffer, secrets = keys[id] as string) => verify({ provider: id, secrets, headers: {}, body });
      const body = delivery.body;
      expect(check(body)).toMatchObject({ ok: true, secretIndex: 0 });
      expect(check(body, 'ab'.repeat(32))).toMatchObject({ ok: false, reason: 'no-match' });
      const signedField = id === 'adyen' ? ['notificationItems', '0', 'NotificationRequestItem', 'pspReference'] : ['signature', 'token'];
      expect(check(edit(body, signedField, 'changed'))).toMatchObject({ ok: false, reason: 'no-match' });
      expect(check(edit(body, FIELD[id] as string[], undefined))).toMatchObject({ ok: false, reason: 'missing-signature' });
      expect(check(edit(body, FIELD[id] as string[], 'abc'))).toMatchObject({ ok: false, reason: 'malformed-signature' });
    });
  }

  it('adyen: a key that is not hex is refused with what the key should look like, never used as text', async () => {
    const { verify } = await import('../../src/index.js');
    const { delivery } = everyDelivery('adyen', keys.adyen as string)[0]!;
    expect(() => verify({ provider: 'adyen', secrets: 'not-a-hex-key', headers: {}, body: delivery.body })).toThrow(/not a hex string/);
  });
});
