import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeSignatureHeader, isValidSignature } from '@sanity/webhook';
import { describe, expect, it } from 'vitest';
import { listEvents } from '../../src/core/catalogue/list-events.js';
import { getProvider } from '../../src/core/providers/registry.js';
import { everyDelivery, headerOf } from './deliveries.js';

const secret = 'sanity-catalogue-test-secret';

describe('every Sanity webhook operation', () => {
  const names = listEvents(getProvider('sanity')).map((e) => e.name);

  it('is the documented set (data/sanity-events.json): create, update, delete', () => {
    const data = JSON.parse(readFileSync(join(process.cwd(), 'scripts/catalogue/data/sanity-events.json'), 'utf8'));
    expect(names).toEqual(['create', 'update', 'delete']);
    expect(names).toEqual(data.events.map((e: { name: string }) => e.name));
  });

  it("passes @sanity/webhook's isValidSignature, stamped in ms, its operation and document named in headers", async () => {
    const wrong: string[] = [];
    for (const { name, delivery } of everyDelivery('sanity', secret)) {
      const sig = headerOf(delivery, 'sanity-webhook-signature');
      const body = delivery.body.toString('utf8');
      if (!(await isValidSignature(body, sig, secret))) wrong.push(`${name}: signature refused`);
      if (Math.abs(decodeSignatureHeader(sig).timestamp - Date.now()) > 5_000) wrong.push(`${name}: t is not now in ms`);
      if (headerOf(delivery, 'sanity-operation') !== name) wrong.push(`${name}: sanity-operation ${headerOf(delivery, 'sanity-operation')}`);
      if (headerOf(delivery, 'sanity-document-id') !== JSON.parse(body)._id) wrong.push(`${name}: sanity-document-id is not the body's _id`);
    }
    expect(wrong).toEqual([]);
  });
});
