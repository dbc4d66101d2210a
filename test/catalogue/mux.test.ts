import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Mux from '@mux/mux-node';
import { describe, expect, it } from 'vitest';
import { listEvents } from '../../src/core/catalogue/list-events.js';
import { getProvider } from '../../src/core/providers/registry.js';
import { everyDelivery } from './deliveries.js';

const secret = 'mux_catalogue_test_secret';

/** The `type` of every member of the SDK's UnwrapWebhookEvent union, read from its source at run time. */
function sdkEvents(): string[] {
  const src = readFileSync(join(process.cwd(), 'node_modules/@mux/mux-node/src/resources/webhooks/webhooks.ts'), 'utf8');
  const union = src.slice(src.indexOf('export type UnwrapWebhookEvent ='), src.indexOf(';', src.indexOf('export type UnwrapWebhookEvent =')));
  return [...union.matchAll(/\|\s*(\w+)/g)].map(([, member]) => {
    const at = src.search(new RegExp(`export interface ${member}\\s`));
    const type = /\n {2}type: '([\w.]+)';/.exec(src.slice(at, src.indexOf('\n}', at)));
    if (!type) throw new Error(`no type literal in ${member}`);
    return type[1] as string;
  });
}

describe('every Mux webhook', () => {
  const names = listEvents(getProvider('mux')).map((e) => e.name);

  it("is the SDK's list: every member of UnwrapWebhookEvent, and no other", () => {
    const sdk = sdkEvents();
    expect(sdk.length).toBe(117);
    expect(names).toEqual(sdk);
  });

  it("is accepted by the SDK's webhooks.unwrap and parsed as the event it names", async () => {
    const mux = new Mux({ tokenId: 'hookctl', tokenSecret: 'hookctl' });
    const wrong: string[] = [];
    for (const { name, delivery } of everyDelivery('mux', secret)) {
      try {
        const event = await mux.webhooks.unwrap(delivery.body.toString('utf8'), Object.fromEntries(delivery.headers), secret);
        if (event.type !== name) wrong.push(`${name}: parsed as ${event.type}`);
        if (event.object.id !== (event.data as { id?: string }).id && 'id' in event.data) wrong.push(`${name}: object.id ${event.object.id}`);
      } catch (err) {
        wrong.push(`${name}: ${(err as Error).message}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('is refused by unwrap once older than its 300 s window', async () => {
    const mux = new Mux({ tokenId: 'hookctl', tokenSecret: 'hookctl' });
    const { delivery } = everyDelivery('mux', secret, Date.now() - 301_000)[0] as ReturnType<typeof everyDelivery>[number];
    await expect(mux.webhooks.unwrap(delivery.body.toString('utf8'), Object.fromEntries(delivery.headers), secret)).rejects.toThrow(/too old/);
  });
});
