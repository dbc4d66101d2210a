// Every Mailgun webhook (data/mailgun-events.json; see data/MAILGUN.md), each body the documented
// `{ signature, "event-data" }`: the signature block carries fresh timestamp and token values for the
// scheme to sign, and the event data is the documented example's shape with hookctl's own values.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The example's event data, its ids and times made fresh per delivery. */
function eventData(sample) {
  const data = structuredClone(sample);
  data.id = '{{id::22}}';
  data.timestamp = '{{now:s}}';
  if (data.message?.headers?.['message-id']) data.message.headers['message-id'] = '{{now:s}}.{{hex:12}}@mg.example.com';
  return data;
}

export function mailgunCatalogue(root) {
  const data = JSON.parse(readFileSync(join(root, 'scripts/catalogue/data/mailgun-events.json'), 'utf8'));
  const events = [];
  const templates = new Map();
  for (const e of data.events) {
    const body = eventData(e.sample.body['event-data']);
    // The two failure webhooks send the same `failed` event, told apart by severity.
    const match = { 'event-data.event': e.eventDataEvent, ...(body.severity ? { 'event-data.severity': body.severity } : {}) };
    events.push({ name: e.name, description: e.description, match });
    templates.set(e.name, { signature: { token: '{{hex:50}}', timestamp: '{{str:now:s}}', signature: '' }, 'event-data': body });
  }
  return { meta: { provider: 'mailgun', source: `scripts/catalogue/data/mailgun-events.json (${data.source}, read ${data.read})` }, events, templates };
}
