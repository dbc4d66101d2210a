import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Paddle } from '@paddle/paddle-node-sdk';
import { describe, expect, it } from 'vitest';
import { listEvents } from '../../src/core/catalogue/list-events.js';
import { getProvider } from '../../src/core/providers/registry.js';
import { ROOT } from '../support/cli.js';
import { everyDelivery, headerOf } from './deliveries.js';

const secret = 'pdl_ntfset_catalogue_test';

/** `EventName` as the SDK declares it: the list Paddle's own code dispatches on. */
function eventNames(): string[] {
  const text = readFileSync(join(ROOT, 'node_modules/@paddle/paddle-node-sdk/dist/types/notifications/helpers/types.d.ts'), 'utf8');
  const body = text.slice(text.indexOf('export declare enum EventName {'), text.indexOf('}', text.indexOf('export declare enum EventName {')));
  return [...body.matchAll(/= "([^"]+)"/g)].map((m) => m[1]!);
}

describe('every Paddle Billing notification', () => {
  it('is in the catalogue: all 56 EventName values, in the SDK order', () => {
    const names = eventNames();
    expect(names).toHaveLength(56);
    expect(listEvents(getProvider('paddle')).map((e) => e.name)).toEqual(names);
  });

  it('is unmarshalled by the SDK: signature accepted and its typed entity built, not a GenericEvent', async () => {
    const paddle = new Paddle('pdl_sdbx_apikey_catalogue_test');
    const wrong: string[] = [];
    for (const { name, delivery } of everyDelivery('paddle', secret)) {
      try {
        const event = await paddle.webhooks.unmarshal(delivery.body.toString('utf8'), secret, headerOf(delivery, 'Paddle-Signature'));
        if (event.eventType !== name || event.constructor.name === 'GenericEvent') wrong.push(`${name}: ${event.eventType} as ${event.constructor.name}`);
      } catch (err) {
        wrong.push(`${name}: ${(err as Error).message}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('names the status an event is about (subscription.past_due is past_due)', () => {
    const body = (name: string) =>
      JSON.parse(
        everyDelivery('paddle', secret)
          .find((d) => d.name === name)!
          .delivery.body.toString(),
      );
    expect(body('subscription.past_due').data.status).toBe('past_due');
    expect(body('transaction.completed').data.status).toBe('completed');
    expect(body('subscription.canceled').data.canceled_at).toEqual(expect.any(String));
    expect(body('subscription.activated').data.canceled_at).toBeNull();
  });
});
