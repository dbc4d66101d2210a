// Typeform's two webhook event types (data/typeform-events.json; see data/TYPEFORM.md), each in
// the documented envelope `{ event_id, event_type, form_response }`, the response a short form of
// three fields: hookctl's own values under Typeform's documented field names.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FORM = 'lT4Z3jHq';

/** The form's fields, as `definition.fields` lists them and `answers` refers to them. */
const FIELDS = [
  { id: 'nR8fXw2KpQ1a', ref: 'full_name', type: 'short_text', title: 'What is your name?' },
  { id: 'vB3mYc7TgL5e', ref: 'email', type: 'email', title: 'Where can we reach you?' },
  { id: 'kD6sHq9ZaW4r', ref: 'rating', type: 'opinion_scale', title: 'How likely are you to recommend hookctl?' },
];

const ANSWERS = [
  { type: 'text', text: 'Jane Cooper' },
  { type: 'email', email: 'jane@hookctl.dev' },
  { type: 'number', number: 9 },
];

export function typeformCatalogue(root) {
  const data = JSON.parse(readFileSync(join(root, 'scripts/catalogue/data/typeform-events.json'), 'utf8'));
  const events = data.events.map((e) => ({ ...e, match: { event_type: e.name } }));
  const templates = new Map(data.events.map((e) => [e.name, body(e.name)]));
  return { meta: { provider: 'typeform', source: `scripts/catalogue/data/typeform-events.json (typeform.com/developers/webhooks, read ${data.read})` }, events, templates };
}

function body(event) {
  const partial = event === 'form_response_partial';
  // A partial response stops before the last question.
  const answered = partial ? 2 : FIELDS.length;
  return {
    event_id: '{{id::26#event}}',
    event_type: event,
    form_response: {
      form_id: FORM,
      token: '{{id::32#token}}',
      landed_at: '{{now:iso:-3m}}',
      ...(partial ? {} : { submitted_at: '{{now:iso}}' }),
      hidden: { utm_source: 'newsletter' },
      calculated: { score: 0 },
      definition: { id: FORM, title: 'hookctl feedback', fields: FIELDS.map((f) => ({ ...f, properties: {} })) },
      answers: ANSWERS.slice(0, answered).map((a, i) => ({ ...a, field: { id: FIELDS[i].id, type: FIELDS[i].type, ref: FIELDS[i].ref } })),
    },
  };
}
