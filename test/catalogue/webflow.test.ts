import { Webflow, WebflowClient } from 'webflow-api';
import { describe, expect, it } from 'vitest';
import { listEvents } from '../../src/core/catalogue/list-events.js';
import { getProvider } from '../../src/core/providers/registry.js';
import { everyDelivery, headerOf } from './deliveries.js';

const secret = 'whsec_webflow_catalogue_test';
const client = new WebflowClient({ accessToken: 'hookctl' });

describe('every Webflow webhook trigger', () => {
  const names = listEvents(getProvider('webflow')).map((e) => e.name);

  it("is the SDK's TriggerType enum, read at run time", () => {
    expect(names).toEqual(Object.values(Webflow.TriggerType));
    expect(names.length).toBe(14);
  });

  it("passes the SDK's verifySignature, its timestamp in milliseconds, its body naming the trigger", async () => {
    const wrong: string[] = [];
    for (const { name, delivery } of everyDelivery('webflow', secret)) {
      const headers = { 'x-webflow-signature': headerOf(delivery, 'x-webflow-signature'), 'x-webflow-timestamp': headerOf(delivery, 'x-webflow-timestamp') };
      if (!(await client.webhooks.verifySignature({ headers, body: delivery.body.toString('utf8'), secret }))) wrong.push(`${name}: signature refused`);
      if (Math.abs(Number(headers['x-webflow-timestamp']) - Date.now()) > 5_000) wrong.push(`${name}: timestamp ${headers['x-webflow-timestamp']} is not now in ms`);
      if (JSON.parse(delivery.body.toString('utf8')).triggerType !== name) wrong.push(`${name}: triggerType`);
    }
    expect(wrong).toEqual([]);
  });
});
