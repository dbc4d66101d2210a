import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Chargebee from 'chargebee';
import { describe, expect, it } from 'vitest';
import { listEvents } from '../../src/core/catalogue/list-events.js';
import { getProvider } from '../../src/core/providers/registry.js';
import { verifyUsable } from '../../src/core/signing/index.js';
import { sign, verify } from '../../src/index.js';
import { ROOT } from '../support/cli.js';
import { everyDelivery } from './deliveries.js';

const sdk = (file: string) => readFileSync(join(ROOT, 'node_modules', file), 'utf8');
const names = (id: string) => listEvents(getProvider(id)).map((e) => e.name);
const distinct = (xs: Iterable<string>) => [...new Set(xs)].sort();

describe('the token and Basic-auth senders list every event their published types name', () => {
  it("telegram: every optional field of @grammyjs/types' Update", () => {
    const file = sdk('@grammyjs/types/update.d.ts');
    const update = file.slice(file.indexOf('export interface Update {'), file.indexOf('\n}', file.indexOf('export interface Update {')));
    const fields = [...update.matchAll(/^ {4}(\w+)\?:/gm)].map((m) => m[1] as string);
    expect(fields.length).toBeGreaterThan(20);
    expect(distinct(names('telegram'))).toEqual(distinct(fields));
  });

  it("chargebee: the 228 values of EventTypeEnum, each handled by the SDK's WebhookHandler as itself", async () => {
    const union = /type EventTypeEnum =([^;]+);/.exec(sdk('chargebee/types/core.d.ts'))?.[1] ?? '';
    const literals = [...union.matchAll(/'([^']+)'/g)].map((m) => m[1] as string);
    expect(literals).toHaveLength(228);
    expect(distinct(names('chargebee'))).toEqual(distinct(literals));
    const handler = new Chargebee({ site: 'hookctl-test', apiKey: 'test_key' }).webhooks.createHandler();
    const seen: string[] = [];
    for (const name of literals) handler.on(name as never, (({ event }: { event: { event_type: string } }) => seen.push(event.event_type)) as never);
    for (const { delivery } of everyDelivery('chargebee', 'user:password')) await handler.handle({ body: delivery.body.toString('utf8') });
    expect(seen).toEqual(names('chargebee'));
  });

  it('gitlab: every documented event type sends its X-Gitlab-Event header, every documented action is an event', () => {
    const hooks = [
      'Push Hook',
      'Tag Push Hook',
      'Issue Hook',
      'Note Hook',
      'Merge Request Hook',
      'Wiki Page Hook',
      'Pipeline Hook',
      'Job Hook',
      'Deployment Hook',
      'Feature Flag Hook',
      'Release Hook',
      'Milestone Hook',
      'Emoji Hook',
      'Resource Access Token Hook',
      'Vulnerability Hook',
      'Member Hook',
      'Project Hook',
      'Subgroup Hook',
    ];
    const sent = everyDelivery('gitlab', 'token').map(({ name, delivery }) => [name, delivery.headers.find(([n]) => n === 'X-Gitlab-Event')?.[1]]);
    expect(distinct(sent.map(([, h]) => h as string))).toEqual(distinct(hooks));
    for (const a of ['open', 'close', 'reopen', 'update', 'approved', 'unapproved', 'approval', 'unapproval', 'merge']) expect(names('gitlab')).toContain(`merge_request.${a}`);
    expect(names('gitlab')).toHaveLength(47);
  });

  it('postmark: the seven payload types of its Models', () => {
    const files = ['Bounce', 'Click', 'Delivery', 'Inbound', 'Open', 'SpamComplaint', 'SubscriptionChange'];
    for (const f of files) expect(sdk(`postmark/dist/client/models/webhooks/payload/${f}Webhook.d.ts`)).toContain(`interface ${f}Webhook`);
    expect(distinct(names('postmark'))).toEqual(distinct(files));
  });
});

describe('Basic credentials travel as RFC 7617 says, and bind no body', () => {
  const body = Buffer.from('{"RecordType":"Delivery"}');
  it('signs Authorization: Basic base64(user:password); any body verifies; a changed password does not', () => {
    const signed = sign({ provider: 'postmark', secret: 'hookctl:s3cret', body });
    expect(signed.headers).toEqual({ Authorization: `Basic ${Buffer.from('hookctl:s3cret').toString('base64')}` });
    expect(verify({ provider: 'postmark', secrets: 'hookctl:s3cret', headers: signed.headers, body: Buffer.from('{}') })).toMatchObject({ ok: true });
    expect(verify({ provider: 'postmark', secrets: 'hookctl:other', headers: signed.headers, body })).toMatchObject({ ok: false, reason: 'no-match' });
    expect(verify({ provider: 'postmark', secrets: 'hookctl:s3cret', headers: { Authorization: 'Basic !!' }, body })).toMatchObject({ ok: false, reason: 'malformed-signature' });
    expect(verify({ provider: 'postmark', secrets: 'hookctl:s3cret', headers: {}, body })).toMatchObject({ ok: false, reason: 'missing-signature' });
  });

  it('a secret with no ":" is no Basic credential: signing refuses it, and verify, listen and replay call it bad-secret', () => {
    expect(() => sign({ provider: 'chargebee', secret: 'just-a-password', body })).toThrow(/user:password/);
    const r = verifyUsable(getProvider('chargebee'), ['just-a-password'], { headers: { Authorization: 'Basic aG9va2N0bDpz' }, body, now: Date.now() });
    expect(r).toMatchObject({ ok: false, reason: 'bad-secret', detail: expect.stringContaining('user:password') });
  });
});
