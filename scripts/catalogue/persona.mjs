// Every Persona webhook event (data/persona-events.json; see data/PERSONA.md), each in Persona's
// JSON:API envelope `{ data: { type: "event", id: "evt_…", attributes: { name, payload, created-at } } }`,
// the payload the affected object as its API returns it (`{ data: { type, id, attributes, relationships } }`).
// The object's type is the name's part before the dot (`report/watchlist` for `report/watchlist.matched`),
// as the docs' examples show; attributes are hookctl's own values under Persona's kebab-case field names.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Id prefixes of the objects Persona's examples show (`inq_`, `act_`, `ver_`...); others take `obj_` (assumed). */
const PREFIX = {
  inquiry: 'inq',
  account: 'act',
  verification: 'ver',
  case: 'case',
  document: 'doc',
  selfie: 'self',
  transaction: 'txn',
  'inquiry-session': 'iqse',
  'inquiry-template-version': 'itmplv',
  'workflow-run': 'wfr',
  workflow: 'wfl',
  report: 'rep',
};

const ACCOUNT = { data: { type: 'account', id: 'act_{{id::24#account}}' } };

/** The status an object holds once the event happened (`inquiry.approved` → `approved`). */
function statusOf(verb) {
  const simple = verb.replace(/^tentatively-/, '').split('-')[0];
  return { 'marked-for-review': 'needs_review', 'requires-retry': 'requires_retry' }[verb] ?? simple;
}

function object(type, verb) {
  const base = type.startsWith('report/') ? 'report' : type;
  const prefix = PREFIX[base] ?? 'obj';
  const attributes = {
    status: statusOf(verb),
    'created-at': '{{now:isoms:-5m}}',
    'updated-at': '{{now:isoms}}',
  };
  if (base === 'inquiry') Object.assign(attributes, { 'reference-id': 'user-{{int:1000:9999}}', tags: [], 'name-first': 'Jane', 'name-last': 'Doe' });
  if (base === 'report') Object.assign(attributes, { 'has-match': verb === 'matched', 'report-template-version-name': 'v1' });
  if (base === 'account') Object.assign(attributes, { 'reference-id': 'user-{{int:1000:9999}}', tags: ['vip'] });
  return { type, id: `${prefix}_{{id::24#object}}`, attributes, relationships: base === 'account' ? {} : { account: ACCOUNT } };
}

export function personaCatalogue(root) {
  const data = JSON.parse(readFileSync(join(root, 'scripts/catalogue/data/persona-events.json'), 'utf8'));
  const events = [];
  const templates = new Map();
  for (const e of data.events) {
    const dot = e.name.indexOf('.');
    events.push({ name: e.name, description: e.description, match: { 'data.attributes.name': e.name } });
    templates.set(e.name, {
      data: {
        type: 'event',
        id: 'evt_{{id::28#event}}',
        attributes: { name: e.name, payload: { data: object(e.name.slice(0, dot), e.name.slice(dot + 1)) }, 'created-at': '{{now:isoms}}' },
      },
    });
  }
  return { meta: { provider: 'persona', source: `scripts/catalogue/data/persona-events.json (${data.source}, read ${data.read})` }, events, templates };
}
