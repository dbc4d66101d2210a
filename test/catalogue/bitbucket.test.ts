import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listEvents } from '../../src/core/catalogue/list-events.js';
import { getProvider } from '../../src/core/providers/registry.js';
import { everyDelivery, headerOf } from './deliveries.js';

const secret = 'bitbucket catalogue test secret';
const data = JSON.parse(readFileSync(join(process.cwd(), 'scripts/catalogue/data/bitbucket-events.json'), 'utf8'));

describe('every Bitbucket Cloud webhook event', () => {
  const names = listEvents(getProvider('bitbucket')).map((e) => e.name);

  it("is the swagger's hook_event enum (data/bitbucket-events.json): 29 event keys", () => {
    expect(names).toHaveLength(29);
    expect(names).toEqual(data.events.map((e: { name: string }) => e.name));
  });

  it('is signed sha256=<hex> over the raw body, X-Event-Key naming the event, actor and repository in each body', () => {
    const wrong: string[] = [];
    for (const { name, delivery } of everyDelivery('bitbucket', secret)) {
      const expected = `sha256=${createHmac('sha256', secret).update(delivery.body).digest('hex')}`;
      if (headerOf(delivery, 'X-Hub-Signature') !== expected) wrong.push(`${name}: signature`);
      if (headerOf(delivery, 'X-Event-Key') !== name) wrong.push(`${name}: X-Event-Key`);
      const body = JSON.parse(delivery.body.toString('utf8'));
      if (!body.actor?.uuid || !/^\{[0-9a-f-]{36}\}$/.test(body.repository?.uuid)) wrong.push(`${name}: actor/repository`);
    }
    expect(wrong).toEqual([]);
  });
});
