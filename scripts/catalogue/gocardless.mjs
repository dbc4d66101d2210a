// Every GoCardless webhook event: each resource type of gocardless-nodejs's `EventResourceType`
// × the actions GoCardless documents for it (data/gocardless-events.json; see data/GOCARDLESS.md),
// each as one delivery of the batch envelope `{ events: [event], meta: { webhook_id } }`, its event
// in the SDK's `Event` shape and type-checked against it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { typeCheckFile } from './type-check.mjs';
import { unionMembers, typeModule } from './ts-types.mjs';

const SOURCE = `import type { EventResourceType } from 'gocardless-nodejs/types/Types';
export type Resource = \`\${EventResourceType}\`;
`;

/** The `links` key of each resource type (the SDK's EventLinks) and the id prefix of its resources. */
const LINKS = {
  billing_requests: ['billing_request', 'BRQ'],
  creditors: ['creditor', 'CR'],
  customers: ['customer', 'CU'],
  // EventLinks has no export link: an export event links nothing.
  exports: [undefined, 'EX'],
  instalment_schedules: ['instalment_schedule', 'IS'],
  mandates: ['mandate', 'MD'],
  organisations: ['organisation', 'OR'],
  outbound_payments: ['outbound_payment', 'OUT'],
  payer_authorisations: ['payer_authorisation', 'PAU'],
  payments: ['payment', 'PM'],
  payment_account_transactions: ['payment_account_transaction', 'PATR'],
  payouts: ['payout', 'PO'],
  refunds: ['refund', 'RF'],
  scheme_identifiers: ['scheme_identifier', 'SU'],
  subscriptions: ['subscription', 'SB'],
};

/** Actions a bank reports, and actions taken through the API; the rest are GoCardless's own. */
const BANK = /^(failed|charged_back|late_failure_settled|chargeback_settled|chargeback_cancelled|expired|transferred|blocked|bounced_payout|funds_returned)$/;
const API = /^(created|cancelled|amended|paused|resumed|scheduled_.*|flow_created|set_to_.*)$/;

export async function gocardlessCatalogue(root) {
  const data = JSON.parse(readFileSync(join(root, 'scripts/catalogue/data/gocardless-events.json'), 'utf8'));
  const { aliases } = typeModule(root, SOURCE);
  const resources = unionMembers(aliases.get('Resource')).map((t) => t.value);
  const events = [];
  const templates = new Map();
  const checks = [];
  for (const resource of resources) {
    for (const action of data.actions[resource] ?? []) {
      const name = `${resource}.${action}`;
      const body = { events: [event(resource, action)], meta: { webhook_id: gcId('WB', 'webhook') } };
      events.push({ name, description: describe(resource, action), match: { 'events.0.resource_type': resource, 'events.0.action': action } });
      templates.set(name, body);
      checks.push({ event: name, type: '{ events: Event[]; meta: { webhook_id: string } }', body });
    }
  }
  for (const r of Object.keys(data.actions)) if (!resources.includes(r)) throw new Error(`gocardless: ${r} is no EventResourceType`);
  const types = await typeCheckFile(root, { provider: 'gocardless', imports: ["import type { Event } from 'gocardless-nodejs/types/Types';"], checks });
  const version = JSON.parse(readFileSync(join(root, 'node_modules/gocardless-nodejs/package.json'), 'utf8')).version;
  return {
    meta: { provider: 'gocardless', source: `gocardless-nodejs@${version} (EventResourceType) × data/gocardless-events.json (documented actions, read ${data.read})` },
    events,
    templates,
    types,
  };
}

function event(resource, action) {
  const [link, prefix] = LINKS[resource];
  const links = link ? { [link]: gcId(prefix, link) } : {};
  if (resource === 'payments') links.mandate = gcId('MD', 'mandate');
  if (`${resource}.${action}` === 'payments.paid_out') links.payout = gcId('PO', 'payout');
  if (`${resource}.${action}` === 'subscriptions.payment_created') links.payment = gcId('PM', 'payment');
  return {
    id: gcId('EV', 'event'),
    created_at: '{{now:isoms}}',
    resource_type: resource,
    action,
    details: { origin: BANK.test(action) ? 'bank' : API.test(action) ? 'api' : 'gocardless', cause: `${singular(resource)}_${action}`, description: `${sentence(resource, action)}.` },
    metadata: {},
    resource_metadata: {},
    links,
  };
}

const singular = (resource) => resource.replace(/s$/, '');

/** A GoCardless id: its prefix, then upper-case characters (digits here), distinct per label. */
const gcId = (prefix, label) => `${prefix}00{{int:1000000000:9999999999#${label}}}`;

function sentence(resource, action) {
  return `${singular(resource).replace(/_/g, ' ')} event: ${action.replace(/_/g, ' ')}`.replace(/^./, (c) => c.toUpperCase());
}

function describe(resource, action) {
  const what = singular(resource).replace(/_/g, ' ');
  return `${/^[aeiou]/.test(what) ? 'an' : 'a'} ${what}: ${action.replace(/_/g, ' ')}`;
}
