// Every Paddle Billing notification of @paddle/paddle-node-sdk: the `EventName` enum, each body
// sampled from the SDK's wire type for that event (`IEvents`, by `event_type`), with Paddle's
// prefixed ids and the status the event names. See docs/events.md.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { accepts, createSampler, unionHas } from './ts-sample.mjs';
import { typeModule, unionMembers } from './ts-types.mjs';
import { typeCheckFile } from './type-check.mjs';

const SOURCE = `import type { IEvents, EventName } from '@paddle/paddle-node-sdk';
export type All = IEvents;
export type Names = EventName;
`;

/** Paddle's id prefixes (developer.paddle.com, "IDs"): the entity an `id` or `<entity>_id` names. */
const PREFIX = {
  address: 'add',
  adjustment: 'adj',
  api_key: 'apikey',
  api_key_exposure: 'apikeyexp',
  business: 'biz',
  client_token: 'ctkn',
  customer: 'ctm',
  discount: 'dsc',
  discount_group: 'dsg',
  event: 'evt',
  invoice: 'inv',
  notification: 'ntf',
  payment_method: 'paymtd',
  payout: 'payout',
  price: 'pri',
  product: 'pro',
  report: 'rep',
  subscription: 'sub',
  transaction: 'txn',
};

/** Fields set only at one stage of an entity's life (the event action), null otherwise. */
const STAGE = {
  paused_at: 'paused',
  canceled_at: 'canceled',
  trial_dates: 'trialing',
  import_meta: 'imported',
  scheduled_change: 'updated',
  discount: null,
  custom_data: null,
  billing_details: null,
  billed_at: 'billed',
  revised_at: 'revised',
};

export async function paddleCatalogue(root) {
  const { checker, aliases } = typeModule(root, SOURCE);
  const members = new Map(unionMembers(aliases.get('All')).map((t) => [eventTypeOf(checker, t).value, t]));
  const events = [];
  const templates = new Map();
  const checks = [];
  // The enum's order: the SDK's own list, and the count the issue is measured against.
  for (const member of unionMembers(aliases.get('Names'))) {
    const name = member.value;
    const type = members.get(name);
    if (!type) throw new Error(`paddle: EventName ${name} has no wire type in IEvents`);
    const [entity, action] = name.split('.');
    const sample = createSampler(checker, paddleHints(checker, entity, action), 10);
    const template = { ...sample(type), event_type: name };
    events.push({ name, description: `${entity.replace(/_/g, ' ')} ${action.replace(/_/g, ' ')}` });
    templates.set(name, order(template));
    checks.push({ event: name, type: `Extract<IEvents, { event_type: EventName.${member.symbol.getName()} }>`, body: template });
  }
  const types = await typeCheckFile(root, { provider: 'paddle', imports: ["import type { EventName, IEvents } from '@paddle/paddle-node-sdk';"], checks });
  const version = JSON.parse(readFileSync(join(root, 'node_modules/@paddle/paddle-node-sdk/package.json'), 'utf8')).version;
  return { meta: { provider: 'paddle', source: `@paddle/paddle-node-sdk@${version} (EventName, IEvents)` }, events, templates, types };
}

function eventTypeOf(checker, type) {
  return checker.getTypeOfSymbol(checker.getPropertyOfType(type, 'event_type'));
}

/** The envelope's fields first, as Paddle writes them. */
function order({ event_id, event_type, occurred_at, notification_id, data, ...rest }) {
  return { event_id, event_type, occurred_at, notification_id, data, ...rest };
}

function paddleHints(checker, entity, action) {
  const id = (kind) => `{{id:${PREFIX[kind] ?? kind}_01:24#${kind}}}`;
  return {
    value(path, type) {
      const key = path.at(-1);
      if (path.length === 1) {
        if (key === 'event_id') return id('event');
        if (key === 'notification_id') return id('notification');
        if (key === 'occurred_at') return '{{now:isoms}}';
      }
      if (key === 'id' && stringy(type)) return id(path.length === 2 ? entity : (path.at(-2) ?? entity).replace(/s$/, ''));
      if (key.endsWith('_id') && stringy(type)) return id(key.slice(0, -3));
      // The status an event is named for: subscription.past_due has status past_due.
      if (key === 'status' && path.length === 2 && unionHas(type, action)) return action;
      if (key === 'currency_code' && unionHas(checker.getNonNullableType(type), 'USD')) return 'USD';
      if (key === 'country_code' && unionHas(checker.getNonNullableType(type), 'US')) return 'US';
      if (/(^|_)(amount|total|subtotal|tax|fee|earnings|balance|credit)$/.test(key) && stringy(type)) return '3000';
      // Paddle sends every field, null when unset: fields of another lifecycle stage, and deep
      // optional objects, are null rather than invented.
      if (key in STAGE && STAGE[key] !== action && accepts(type, ts.TypeFlags.Null)) return null;
      if (path.length > 4 && accepts(type, ts.TypeFlags.Null)) return null;
      return undefined;
    },
    optional: () => true,
    string: (path) => {
      const key = path.at(-1) ?? '';
      if (/_at$/.test(key)) return '{{now:isoms}}';
      if (key === 'email') return 'ada@hookctl.dev';
      if (/url$/.test(key)) return 'https://hookctl.dev/example';
      return `example ${key.replace(/_/g, ' ')}`;
    },
    number: () => 1,
  };
}

function stringy(type) {
  return accepts(type, ts.TypeFlags.String);
}
