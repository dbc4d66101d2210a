// Webhook bodies that are not REST resources: the mandatory compliance topics (as Shopify's own
// app template documents them), a few app and billing topics whose bodies Shopify documents only
// on its webhook reference pages, and an honest minimal body for the rest.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { idToken } from './shopify-freshen.mjs';

/** The shop the profile's X-Shopify-Shop-Domain header names: the compliance bodies repeat it. */
export const SHOP_DOMAIN = 'hookctl-dev.myshopify.com';

/** Not in WebhookSubscriptionTopic: apps subscribe to these in their configuration, and App Store review requires them. */
export const COMPLIANCE = {
  'customers/data_request':
    'Mandatory compliance topic, required for App Store review: a customer asked the shop for the data stored about them. Not in WebhookSubscriptionTopic; subscribe in the app configuration.',
  'customers/redact': 'Mandatory compliance topic, required for App Store review: the shop asked to erase a customer\u2019s data. Not in WebhookSubscriptionTopic; subscribe in the app configuration.',
  'shop/redact':
    'Mandatory compliance topic, required for App Store review: 48 hours after a shop uninstalled the app, erase its data. Not in WebhookSubscriptionTopic; subscribe in the app configuration.',
};

/** The compliance bodies, field for field as documented, with this delivery's shop and fresh ids. */
export function complianceBodies(root) {
  const documented = JSON.parse(readFileSync(join(root, 'scripts/catalogue/data/shopify-compliance-payloads.json'), 'utf8'));
  const fresh = (payload) => {
    const out = structuredClone(payload);
    out.shop_id = idToken('Shop');
    out.shop_domain = SHOP_DOMAIN;
    if (out.customer) out.customer = { ...out.customer, id: idToken('Customer') };
    for (const key of ['orders_requested', 'orders_to_redact']) if (Array.isArray(out[key])) out[key] = out[key].map((_, i) => idToken(`Order${i + 1}`));
    if (out.data_request) out.data_request = { id: idToken('DataRequest') };
    return out;
  };
  return new Map(Object.keys(COMPLIANCE).map((name) => [name, fresh(documented[name])]));
}

const REFERENCE = 'Shape from Shopify\u2019s webhook reference (shopify.dev/docs/api/webhooks); no checked-in Shopify source publishes this body';

/**
 * The start of the note of a body built to the shape of the topic's sample payload in the webhook
 * reference: which edition was read (the only one at hand, newer than the pinned version), and
 * that no repository of Shopify's publishes these payloads.
 */
export const SHAPE_NOTE = 'Shape of the sample payload in Shopify\u2019s webhook reference (shopify.dev/docs/api/webhooks, 2026-07 edition), which no checked-in Shopify source publishes';
const gid = (type) => `gid://shopify/${type}/${idToken(type)}`;
const shopGid = `gid://shopify/Shop/${idToken('Shop')}`;

/** App, billing and bulk-operation topics: GraphQL ids, the way Shopify sends them. */
const HAND_WRITTEN = {
  'app/scopes_update': () => ({ id: idToken('AppInstallation'), previous: ['read_products'], current: ['read_products', 'write_products', 'read_orders'], updated_at: '{{now:iso}}' }),
  'app_subscriptions/update': () => ({
    app_subscription: {
      admin_graphql_api_id: gid('AppSubscription'),
      name: 'Pro plan',
      status: 'ACTIVE',
      admin_graphql_api_shop_id: shopGid,
      created_at: '{{now:iso:-1h}}',
      updated_at: '{{now:iso}}',
      currency: 'USD',
      capped_amount: '100.0',
      price: '19.99',
      interval: 'every_30_days',
      plan_handle: 'pro',
    },
  }),
  'app_subscriptions/approaching_capped_amount': () => ({
    app_subscription: {
      admin_graphql_api_id: gid('AppSubscription'),
      name: 'Pro plan',
      balance_used: 90.5,
      capped_amount: '100.0',
      currency_code: 'USD',
      admin_graphql_api_shop_id: shopGid,
      created_at: '{{now:iso:-1h}}',
      updated_at: '{{now:iso}}',
    },
  }),
  'app_purchases_one_time/update': () => ({
    app_purchase_one_time: {
      admin_graphql_api_id: gid('AppPurchaseOneTime'),
      name: 'Setup fee',
      status: 'ACTIVE',
      admin_graphql_api_shop_id: shopGid,
      created_at: '{{now:iso:-1h}}',
      updated_at: '{{now:iso}}',
    },
  }),
  'bulk_operations/finish': () => ({ admin_graphql_api_id: gid('BulkOperation'), completed_at: '{{now:iso}}', created_at: '{{now:iso:-5m}}', error_code: null, status: 'completed', type: 'query' }),
  'orders/edited': () => ({
    order_edit: {
      id: idToken('OrderEdit'),
      app_id: null,
      created_at: '{{now:iso}}',
      notify_customer: false,
      order_id: idToken('Order'),
      staff_note: '',
      user_id: idToken('StaffMember'),
      line_items: { additions: [{ id: idToken('LineItem'), delta: 1 }], removals: [] },
    },
  }),
};

/** A hand-written body for the topic, or undefined. */
export function handWritten(topic) {
  const build = HAND_WRITTEN[topic];
  return build ? { body: build(), note: REFERENCE } : undefined;
}

/** `subscription_contracts` -> `SubscriptionContract`: the GraphQL type its gid names. */
export function typeName(resource) {
  const singular = resource
    .replace(/ies$/, 'y')
    .replace(/(ss|sh|ch|x)es$/, '$1')
    .replace(/s$/, '');
  return singular
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

/** The minimal body: the resource's id, gid and times, and the reason in the catalogue. */
export function genericBody(topic) {
  const [resource, action] = topic.split(/[/.]/);
  const type = typeName(resource);
  const body = { id: idToken(type), admin_graphql_api_id: `gid://shopify/${type}/${idToken(type)}` };
  if (action === 'create') body.created_at = '{{now:iso}}';
  body.updated_at = '{{now:iso}}';
  return { body, note: `Minimal body (id, admin_graphql_api_id and times): Shopify publishes no REST resource or example body for ${resource} in the sources this catalogue is built from` };
}
