// Webhook bodies that are REST resources: Shopify POSTs the topic's resource in its REST Admin API
// form, so each body starts from Shopify's own published example of that resource for the pinned
// version (data/shopify-rest-examples-<version>.json), freshened per delivery.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshen } from './shopify-freshen.mjs';

const LIQUID_NOTE =
  'Shopify\u2019s example writes the money formats\u2019 Liquid placeholder as {{amount}}; here it is {amount}, since hookctl templates read {{...}} as a token and have no escape for it';

/** Topic resource (the part before `/`) -> the REST resource whose example it sends. */
export const REST_RESOURCE = {
  orders: 'order',
  order_transactions: 'transaction',
  refunds: 'refund',
  fulfillments: 'fulfillment',
  fulfillment_events: 'fulfillment_event',
  products: 'product',
  variants: 'variant',
  collections: 'custom_collection',
  customers: 'customer',
  checkouts: 'abandoned_checkout',
  draft_orders: 'draft_order',
  inventory_items: 'inventory_item',
  inventory_levels: 'inventory_level',
  locations: 'location',
  shop: 'shop',
  app: 'shop',
  themes: 'theme',
  disputes: 'dispute',
  tender_transactions: 'tender_transaction',
  product_listings: 'product_listing',
  collection_listings: 'collection_listing',
};

/** Topics of a REST resource whose body is not that resource (hand-written or generic elsewhere). */
const NOT_THE_RESOURCE = new Set([
  'app/scopes_update',
  'orders/edited',
  'orders/risk_assessment_changed',
  'orders/shopify_protect_eligibility_changed',
  'customers/merge',
  'customers/purchasing_summary',
]);

/** Listing webhooks wrap the listing in its name, as the REST API's own responses do. */
const WRAPPED = { product_listing: 'product_listing', collection_listing: 'collection_listing' };

/** What an action changes in the resource, so `orders/paid` is a paid order and `themes/publish` a main theme. */
const ACTION_FIELDS = {
  'orders/create': { financial_status: 'paid', fulfillment_status: null, fulfillments: [], refunds: [] },
  'orders/paid': { financial_status: 'paid' },
  'orders/cancelled': { cancelled_at: '{{now:iso}}', cancel_reason: 'customer', financial_status: 'refunded' },
  'orders/fulfilled': { fulfillment_status: 'fulfilled' },
  'orders/partially_fulfilled': { fulfillment_status: 'partial' },
  'customers/disable': { state: 'disabled' },
  'customers/enable': { state: 'enabled' },
  'themes/publish': { role: 'main' },
  'locations/activate': { active: true },
  'locations/deactivate': { active: false },
  'variants/in_stock': { inventory_quantity: 10 },
  'variants/out_of_stock': { inventory_quantity: 0 },
  'fulfillments/create': { status: 'success' },
};

/** Reads the extracted examples once per catalogue. */
export function restExamples(root, apiVersion) {
  return JSON.parse(readFileSync(join(root, `scripts/catalogue/data/shopify-rest-examples-${apiVersion}.json`), 'utf8'));
}

/** The REST resource a topic's body is, or undefined when the body is something else. */
export function restResourceOf(topic) {
  if (NOT_THE_RESOURCE.has(topic)) return undefined;
  return REST_RESOURCE[topic.split(/[/.]/)[0]];
}

/**
 * The body of a REST-resource topic: the resource's example with fresh ids and times and the
 * action's fields (`whole`), or, for a delete or a removal, only the ids Shopify sends then.
 */
export function restBody(topic, resource, examples) {
  const example = examples[resource];
  if (!example) throw new Error(`no Shopify example for the REST resource ${resource} (topic ${topic})`);
  const action = topic.slice(topic.search(/[/.]/) + 1);
  const body = freshen(example);
  const wrap = WRAPPED[resource];
  if (action === 'delete') return { whole: false, body: { id: body.id } };
  if (wrap && action === 'remove') return { whole: false, body: { [wrap]: resource === 'product_listing' ? { product_id: body.product_id } : { collection_id: body.collection_id } } };
  if (resource === 'inventory_level' && action === 'disconnect') return { whole: false, body: { inventory_item_id: body.inventory_item_id, location_id: body.location_id } };
  const changed = { ...body, ...ACTION_FIELDS[topic] };
  const liquid = JSON.stringify(example).includes('{{') ? LIQUID_NOTE : undefined;
  return { whole: true, body: wrap ? { [wrap]: changed } : changed, ...(liquid ? { note: liquid } : {}) };
}
