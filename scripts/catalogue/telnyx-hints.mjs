// Realistic values for bodies sampled from telnyx's webhook types: UUIDs for Telnyx's ids, a Call
// Control id in its `v3:` form, E.164 numbers, ISO times, and the event's own name where its type
// lists several (`data.event_type: 'message.sent' | 'message.finalized' | ...`).
import ts from 'typescript';
import { accepts, unionHas } from './ts-sample.mjs';

const BY_KEY = {
  record_type: 'event',
  call_control_id: 'v3:{{id::22#call_control}}',
  connection_id: '1494404757140276705',
  client_state: 'aGF2ZSBhIG5pY2UgZGF5ID1d',
  from: '+13125550100',
  to: '+13125550123',
  phone_number: '+13125550123',
  text: 'Your order has shipped.',
  url: 'https://example.com/webhooks/telnyx',
  delivered_to: 'https://example.com/webhooks/telnyx',
  attempt: 1,
  carrier: 'Telnyx',
  line_type: 'Wireless',
  currency: 'USD',
  amount: '0.0040',
  digit: '1',
  name: 'Support line',
  language: 'en',
  version: '1',
};

/** `event` is the catalogue name the body stands for; `stage` its last segment. */
export function telnyxHints(event) {
  const stage = event.split('.').at(-1);
  return {
    value(path, type) {
      const key = path.at(-1);
      if ((key === 'event_type' || key === 'event') && unionHas(type, event)) return event;
      if ((key === 'status' || key === 'state') && unionHas(type, stage)) return stage;
      // What went wrong, on the events that say something did.
      if (key === 'errors' && !/fail|error/.test(stage)) return [];
      if (key === 'record_type' && event === 'link_clicked') return 'link_clicked';
      if (key in BY_KEY && fits(type, BY_KEY[key])) return BY_KEY[key];
      if ((key === 'id' || /_id$/.test(key)) && fits(type, '')) return `{{uuid#${key === 'id' ? (path.at(-2) ?? 'id') : key.slice(0, -3)}}}`;
      if (/(_at|_time|_date|Date)$|^time_/.test(key) && fits(type, '')) return '{{now:isoms}}';
      if (/_secs?$|duration/.test(key) && fits(type, 0)) return 42;
      return undefined;
    },
    // Telnyx's types make nearly every field optional: the envelope and the payload's own fields are shown.
    optional: (path) => path.length <= 4,
    string: (path) => `example ${(path.at(-1) ?? 'text').replace(/_/g, ' ')}`,
    number: () => 1,
  };
}

function fits(type, value) {
  const members = type.isUnion() ? type.types : [type];
  // A union of literals (a `status` enum) takes only one of its own values.
  if (members.every((t) => t.isLiteral() || t.flags & ts.TypeFlags.Undefined)) return unionHas(type, value);
  return accepts(type, typeof value === 'number' ? ts.TypeFlags.NumberLike : ts.TypeFlags.StringLike);
}
