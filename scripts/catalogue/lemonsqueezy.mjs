// Every Lemon Squeezy webhook event of @lemonsqueezy/lemonsqueezy.js: the `Events` union its
// webhook types use (`Webhook['data']['attributes']['events']`), each body the JSON:API resource
// object the event is about (docs.lemonsqueezy.com/help/webhooks/webhook-requests: "order" events
// send an order...), sampled from the SDK's `<Resource>['data']` type and type-checked against it,
// under the documented `meta` (event_name, test_mode, webhook_id; custom_data when the checkout set it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { createSampler } from './ts-sample.mjs';
import { typeCheckFile } from './type-check.mjs';
import { typeModule, unionMembers } from './ts-types.mjs';

const SOURCE = `import type { LicenseKey, Order, Subscription, SubscriptionInvoice, Webhook } from '@lemonsqueezy/lemonsqueezy.js';
export type Events = Webhook['data']['attributes']['events'][number];
export type orders = Order['data'];
export type subscriptions = Subscription['data'];
export type subscription_invoices = SubscriptionInvoice['data'];
export type license_keys = LicenseKey['data'];
`;

/** The resource each event sends (its JSON:API `type`) and the SDK type that shapes it. */
function resourceOf(event) {
  if (event.startsWith('order_')) return ['orders', 'Order'];
  if (event.startsWith('subscription_payment_')) return ['subscription-invoices', 'SubscriptionInvoice'];
  if (event.startsWith('subscription_')) return ['subscriptions', 'Subscription'];
  if (event.startsWith('license_key_')) return ['license-keys', 'LicenseKey'];
  throw new Error(`lemonsqueezy: no resource for ${event}`);
}

export async function lemonsqueezyCatalogue(root) {
  const { checker, aliases } = typeModule(root, SOURCE);
  const names = unionMembers(aliases.get('Events')).map((t) => t.value);
  const events = [];
  const templates = new Map();
  const checks = [];
  for (const name of names) {
    const [type, sdkType] = resourceOf(name);
    const sample = createSampler(checker, hints(type, name), 4);
    const data = sample(aliases.get(type.replace(/-/g, '_')));
    const body = { meta: { test_mode: true, event_name: name, webhook_id: '{{uuid#webhook}}', custom_data: { user_id: 'usr_hookctl_142' } }, data };
    events.push({ name, description: describe(name) });
    templates.set(name, body);
    checks.push({ event: name, type: `${sdkType}['data']`, body: data });
  }
  const types = await typeCheckFile(root, {
    provider: 'lemonsqueezy',
    imports: ["import type { LicenseKey, Order, Subscription, SubscriptionInvoice } from '@lemonsqueezy/lemonsqueezy.js';"],
    checks,
  });
  const version = JSON.parse(readFileSync(join(root, 'node_modules/@lemonsqueezy/lemonsqueezy.js/package.json'), 'utf8')).version;
  return { meta: { provider: 'lemonsqueezy', source: `@lemonsqueezy/lemonsqueezy.js@${version} (Webhook events: Events)` }, events, templates, types };
}

const API = 'https://api.lemonsqueezy.com/v1';

/** Values by property name, for one resource of one event. */
function hints(type, event) {
  const status =
    {
      order_refunded: 'refunded',
      subscription_cancelled: 'cancelled',
      subscription_expired: 'expired',
      subscription_paused: 'paused',
      subscription_payment_failed: 'pending',
      subscription_payment_refunded: 'refunded',
    }[event] ?? { orders: 'paid', subscriptions: 'active', 'subscription-invoices': 'paid', 'license-keys': 'active' }[type];
  const refund = /refunded$/.test(event);
  const byKey = {
    type,
    // JSON:API ids are strings of digits.
    id: '{{str:int:100000:999999}}',
    tax_name: 'VAT',
    tax_rate: '20.00',
    setup_fee: 0,
    setup_fee_usd: 0,
    setup_fee_formatted: '$0.00',
    store_id: 41234,
    customer_id: 2861201,
    order_id: 3904117,
    order_item_id: 3841095,
    product_id: 318452,
    variant_id: 459361,
    subscription_id: 612083,
    identifier: '{{uuid#identifier}}',
    user_name: 'Jane Cooper',
    user_email: 'jane@hookctl.dev',
    customer_email: 'jane@hookctl.dev',
    currency: 'USD',
    currency_rate: '1.0000',
    product_name: 'Hookctl Pro',
    variant_name: 'Monthly',
    card_brand: 'visa',
    card_last_four: '4242',
    key: '{{uuid#key}}',
    key_short: 'XXXX-{{hex:12}}',
    billing_reason: 'renewal',
  };
  return {
    value(path, t) {
      const key = path.at(-1);
      if (key === 'status' && status && accepts(t, status)) return status;
      // The resource's own URL, and each relationship's (`/v1/orders/<id>/store`, `/v1/orders/<id>/relationships/store`).
      const own = `${API}/${type}/{{str:int:100000:999999}}`;
      if (key === 'self') return path[0] === 'relationships' ? `${own}/relationships/${path[1]}` : own;
      if (key === 'related') return `${own}/${path[1]}`;
      if (key === 'test_mode') return true;
      if (key === 'receipt') return 'https://app.lemonsqueezy.com/my-orders/{{uuid#identifier}}';
      if (key === 'status_formatted' && status) return status.replace(/^./, (c) => c.toUpperCase());
      if (/^(refunded_at|refunded_amount|refunded_amount_usd|discount_total|discount_total_usd)$/.test(key) && !refund) return key.endsWith('_at') ? null : 0;
      if (key === 'refunded') return refund;
      const v = byKey[key];
      if (v !== undefined && (typeof v === 'number' ? isNumberish(t) : accepts(t, v))) return v;
      if (/_at$/.test(key) && isStringish(t)) return '{{now:iso}}';
      if (/(total|price|subtotal|tax|amount)_formatted$/.test(key)) return /discount|refunded/.test(key) && !refund ? '$0.00' : '$9.99';
      if ((/url$/.test(key) || path.at(-2) === 'urls') && isStringish(t)) return `https://hookctl.lemonsqueezy.com/${key.replace(/_url$/, '')}/{{hex:16}}`;
      return undefined;
    },
    // Every attribute is shown; relationships carry their links only, as Lemon Squeezy sends them.
    optional: (path) => path[0] === 'attributes',
    string: (path) => `example ${path.at(-1) ?? 'text'}`,
    number: (path) => (/(total|price|subtotal|tax|discount|amount)/.test(path.at(-1) ?? '') ? 999 : 1),
  };
}

function isStringish(t) {
  return unionMembers(t).some((m) => m.flags & ts.TypeFlags.String);
}

function isNumberish(t) {
  return unionMembers(t).some((m) => m.flags & ts.TypeFlags.NumberLike);
}

/** Whether a literal-union type holds a value (a plain string type holds any). */
function accepts(t, value) {
  return unionMembers(t).some((m) => (m.isLiteral() ? m.value === value : m.flags & ts.TypeFlags.String));
}

const PAYMENT = {
  success: 'a subscription payment succeeded',
  failed: 'a subscription payment failed',
  recovered: 'a failed subscription payment was recovered',
  refunded: 'a subscription payment was refunded',
};

function describe(name) {
  const payment = name.match(/^subscription_payment_(\w+)$/);
  if (payment) return PAYMENT[payment[1]] ?? name;
  const [, what, done] = name.match(/^(order|subscription|license_key)_(\w+)$/);
  return `${what === 'order' ? 'an' : 'a'} ${what.replace('_', ' ')} was ${done}`;
}
