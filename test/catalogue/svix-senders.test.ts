import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { webhooks as polarWebhooks } from '@polar-sh/sdk/2027-01';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { listEvents } from '../../src/core/catalogue/list-events.js';
import { getProvider } from '../../src/core/providers/registry.js';
import { ROOT } from '../support/cli.js';
import { everyDelivery } from './deliveries.js';

const sdk = (file: string) => readFileSync(join(ROOT, 'node_modules', file), 'utf8');
const names = (id: string) => listEvents(getProvider(id)).map((e) => e.name);
const headers = (d: { headers: [string, string][] }) => Object.fromEntries(d.headers.map(([n, v]) => [n.toLowerCase(), v]));
const distinct = (xs: Iterable<string>) => [...new Set(xs)].sort();

/** Each catalogue against its SDK's own list, read from the installed package at test time. */
describe('the Svix and Standard Webhooks senders list every event their SDK names', () => {
  it("openai: UnwrapWebhookEvent's 31 members", () => {
    const file = sdk('openai/resources/webhooks/webhooks.d.ts');
    const union = /export type UnwrapWebhookEvent = ([^;]+);/.exec(file)?.[1]?.split(' | ') ?? [];
    const literals = union.map((m) => new RegExp(`export interface ${m} \\{[\\s\\S]*?type: '([^']+)';`).exec(file)?.[1]);
    expect(literals).toHaveLength(31);
    expect(distinct(names('openai'))).toEqual(distinct(literals as string[]));
  });

  it("clerk: every literal of WebhookEvent's Webhook<…> members (45)", () => {
    const file = sdk('@clerk/backend/dist/api/resources/Webhooks.d.ts');
    const literals = [...file.matchAll(/Webhook<((?:'[^']+'(?: \| )?)+),/g)].flatMap((m) => [...(m[1] as string).matchAll(/'([^']+)'/g)].map((x) => x[1] as string));
    expect(literals).toHaveLength(45);
    expect(distinct(names('clerk'))).toEqual(distinct(literals));
  });

  it('resend: the WebhookEvent type (37)', () => {
    const line = /type WebhookEvent = ([^;]+);/.exec(sdk('resend/dist/index.d.mts'))?.[1] ?? '';
    const literals = [...line.matchAll(/'([^']+)'/g)].map((m) => m[1] as string);
    expect(literals).toHaveLength(37);
    expect(distinct(names('resend'))).toEqual(distinct(literals));
  });

  it('polar: the 42 types validateEvent knows (2027-01)', () => {
    const set = /const knownEventTypes = \/\* @__PURE__ \*\/ new Set\(\[([^\]]+)\]/.exec(sdk('@polar-sh/sdk/dist/2027-01/index.mjs'))?.[1] ?? '';
    const literals = [...set.matchAll(/"([^"]+)"/g)].map((m) => m[1] as string);
    expect(literals).toHaveLength(42);
    expect(distinct(names('polar'))).toEqual(distinct(literals));
  });

  it('replicate: the four moments of WebhookEventType', () => {
    const line = /type WebhookEventType = ([^;]+);/.exec(sdk('replicate/index.d.ts'))?.[1] ?? '';
    expect(distinct(names('replicate'))).toEqual(distinct([...line.matchAll(/"([^"]+)"/g)].map((m) => m[1] as string)));
  });

  it("liveblocks: WebhookEvent's types, notification once per kind", () => {
    const file = sdk('@liveblocks/node/dist/index.d.ts');
    const union = /type WebhookEvent = ([^;]+);/.exec(file)?.[1]?.split(' | ') ?? [];
    const literals = union.flatMap((m) => (m === 'NotificationEvent' ? [] : [new RegExp(`type ${m} = \\{\\s*type: "([^"]+)"`).exec(file)?.[1] as string]));
    const kinds = names('liveblocks').filter((n) => n.startsWith('notification.'));
    expect(kinds).toEqual(['notification.thread', 'notification.textMention', 'notification.$custom']);
    expect(distinct(names('liveblocks').filter((n) => !n.startsWith('notification.')))).toEqual(distinct(literals));
  });
});

describe('their own libraries parse every delivery as the event it names', () => {
  it('openai webhooks.unwrap', async () => {
    const secret = `whsec_${Buffer.from('svix-senders test').toString('base64')}`;
    const client = new OpenAI({ apiKey: 'sk-test' });
    for (const { name, delivery } of everyDelivery('openai', secret)) {
      const event = await client.webhooks.unwrap(delivery.body.toString('utf8'), headers(delivery), secret);
      expect(event.type, name).toBe(name);
    }
  });

  it('polar validateEvent, with the polar_whs_ secret as its text', async () => {
    const secret = 'polar_whs_svixSendersTest';
    for (const { name, delivery } of everyDelivery('polar', secret)) {
      const event = await polarWebhooks.validateEvent(delivery.body, headers(delivery), secret);
      expect(event.type, name).toBe(name);
    }
  });
});
