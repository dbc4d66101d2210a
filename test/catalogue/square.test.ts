import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serialization, WebhooksHelper } from 'square';
import { describe, expect, it } from 'vitest';
import { listEvents } from '../../src/core/catalogue/list-events.js';
import { getProvider } from '../../src/core/providers/registry.js';
import { everyDelivery, headerOf } from './deliveries.js';

const secret = 'hookctlTestSigKey000_sq';
const url = new URL('https://hookctl.example/webhooks/square');
const TYPES = join(process.cwd(), 'node_modules/square/api/types');

/**
 * The SDK's webhook event interfaces (the `*Event.d.ts` files whose envelope has an `eventId`), by
 * the event name the doc comment of their `type` gives (`"payment.created"`), else by their words
 * (DisputeEvidenceAddedEvent: dispute.evidence.added).
 */
const sdkEvents = new Map(
  readdirSync(TYPES)
    .filter((f) => /^[A-Z]\w*Event\.d\.ts$/.test(f) && f !== 'Event.d.ts')
    .sort()
    .map((f) => [f.replace(/\.d\.ts$/, ''), readFileSync(join(TYPES, f), 'utf8')] as const)
    .filter(([, text]) => /^\s+eventId\?:/m.test(text))
    .map(([type, text]) => {
      const doc = text.match(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s+type\?: string/)?.[1] ?? '';
      const literal = doc.replace(/\s*\*\s*/g, ' ').match(/`"?([a-z_]+(?:\.[a-z_]+)+)"?\.?`/)?.[1];
      return [
        literal ??
          type
            .replace(/Event$/, '')
            .replace(/([a-z0-9])([A-Z])/g, '$1.$2')
            .toLowerCase(),
        type,
      ] as const;
    }),
);

describe('every Square webhook event', () => {
  const names = listEvents(getProvider('square')).map((e) => e.name);

  it('is one of the SDK event types with the webhook envelope, all 149 of square@46.0.0', () => {
    expect(sdkEvents.size).toBe(149);
    expect(names).toEqual([...sdkEvents.keys()]);
  });

  it("is accepted by the SDK's WebhooksHelper and read by its strict wire schema, its type as named", async () => {
    const wrong: string[] = [];
    for (const { name, delivery } of everyDelivery('square', secret, Date.now(), url)) {
      const signatureHeader = headerOf(delivery, 'x-square-hmacsha256-signature');
      const requestBody = delivery.body.toString();
      if (!(await WebhooksHelper.verifySignature({ requestBody, signatureHeader, signatureKey: secret, notificationUrl: url.toString() }))) wrong.push(`${name}: signature`);
      const schema = (serialization as unknown as Record<string, { parse(raw: unknown, o: object): { ok: boolean; errors?: unknown[]; value?: { type?: string } } }>)[sdkEvents.get(name) ?? ''];
      const parsed = schema?.parse(JSON.parse(requestBody), { unrecognizedObjectKeys: 'fail' });
      if (!parsed?.ok) wrong.push(`${name}: ${JSON.stringify(parsed?.errors ?? 'no schema')}`);
      else if (parsed.value?.type !== name) wrong.push(`${name}: type ${parsed.value?.type}`);
    }
    expect(wrong).toEqual([]);
  });
});
