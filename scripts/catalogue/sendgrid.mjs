// Every SendGrid Event Webhook event type. No package ships the list or the bodies (@sendgrid/eventwebhook
// holds only the verifier), so both are data: data/sendgrid-events.json, each fact traced to
// Twilio SendGrid's documentation in data/SENDGRID.md. SendGrid posts events in batches, a JSON
// array: each event's template is a batch of one, and `batch` is one message's events together.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SENDGRID_DATA = 'scripts/catalogue/data/sendgrid-events.json';

/** Fields every event carries, in the documented tables of both delivery and engagement events. */
const ALWAYS = ['email', 'timestamp', 'event', 'sg_event_id', 'sg_message_id'];

/** The event list as data: `{ events: [{ name, description, match, item }], batch }`. */
export function sendgridEvents(root) {
  return JSON.parse(readFileSync(join(root, SENDGRID_DATA), 'utf8'));
}

/** A data mistake (a missing field, a match its own item fails) stops the generator, not a receiver. */
function check(e) {
  const missing = ALWAYS.filter((f) => !Object.hasOwn(e.item, f));
  if (missing.length) throw new Error(`sendgrid/${e.name}: the item lacks ${missing.join(', ')}`);
  // As hookctl's matcher reads it: `true` asks for the field's presence, any other value for that value.
  const wrong = Object.entries(e.match).filter(([k, v]) => (v === true ? !Object.hasOwn(e.item, k) : e.item[k] !== v));
  if (wrong.length) throw new Error(`sendgrid/${e.name}: its match ${JSON.stringify(e.match)} does not fit its own item`);
}

export function sendgridCatalogue(root) {
  const data = sendgridEvents(root);
  const byName = new Map(data.events.map((e) => [e.name, e]));
  if (byName.size !== data.events.length) throw new Error('sendgrid: two events share a name in the data');
  const events = [];
  const templates = new Map();
  for (const e of data.events) {
    check(e);
    events.push({ name: e.name, description: `${e.description}; a batch of one ${e.item.event} event`, match: e.match });
    templates.set(e.name, [e.item]);
  }
  const { batch } = data;
  // A receiver names a batch by its first event: the message's custom argument (SendGrid adds
  // custom_args to each event as top-level keys) makes the batch's match beat processed's.
  events.push({ name: batch.name, description: batch.description, match: batch.match });
  const items = batch.events.map((name, i) => {
    const e = byName.get(name);
    if (!e) throw new Error(`sendgrid: the batch names an unknown event ${name}`);
    return { ...e.item, timestamp: batch.timestamps[i], ...batch.custom_args };
  });
  check({ name: batch.name, match: batch.match, item: items[0] });
  templates.set(batch.name, items);
  return { meta: { provider: 'sendgrid', source: `${SENDGRID_DATA} (Twilio SendGrid's Event Webhook reference; see scripts/catalogue/data/SENDGRID.md)` }, events, templates };
}
