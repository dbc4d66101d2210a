import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listEvents } from '../../src/core/catalogue/list-events.js';
import { getProvider } from '../../src/core/providers/registry.js';
import { everyDelivery, headerOf } from './deliveries.js';

const secret = 'ZG9jdXNpZ24gY2F0YWxvZ3VlIHRlc3QgaG1hYyBrZXk=';
const data = JSON.parse(readFileSync(join(process.cwd(), 'scripts/catalogue/data/docusign-events.json'), 'utf8'));

describe('every DocuSign Connect event trigger', () => {
  const names = listEvents(getProvider('docusign')).map((e) => e.name);

  it("is the Connect trigger's events enum (data/docusign-events.json): 48 events", () => {
    expect(names).toHaveLength(48);
    expect(names).toEqual(data.events.map((e: { name: string }) => e.name));
    expect(names.filter((n) => n.startsWith('envelope-'))).toHaveLength(13);
    expect(names.filter((n) => n.startsWith('recipient-'))).toHaveLength(10);
  });

  it("passes the docs' check (base64 HMAC-SHA256 of the body), each body's event naming its event", () => {
    const wrong: string[] = [];
    for (const { name, delivery } of everyDelivery('docusign', secret)) {
      // developers.docusign.com/platform/webhooks/connect/validate: HMAC the entire body, base64, compare to X-DocuSign-Signature-1.
      const digest = createHmac('sha256', secret).update(delivery.body).digest('base64');
      const body = JSON.parse(delivery.body.toString('utf8'));
      if (headerOf(delivery, 'X-DocuSign-Signature-1') !== digest) wrong.push(`${name}: signature`);
      if (body.event !== name || body.apiVersion !== 'v2.1' || !body.data?.accountId || typeof body.configurationId !== 'number') wrong.push(`${name}: envelope`);
      if (/^(envelope|recipient)-/.test(name) && body.data.envelopeSummary?.envelopeId !== body.data.envelopeId) wrong.push(`${name}: envelopeSummary`);
    }
    expect(wrong).toEqual([]);
  });
});
