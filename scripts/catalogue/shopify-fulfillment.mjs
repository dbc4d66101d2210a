// The fulfillment_orders/* and fulfillment_holds/* bodies. Shopify's webhook reference shows these
// as small payloads of GraphQL ids and states (`{ fulfillment_order: { id, status }, ... }`), not
// as the REST FulfillmentOrder resource, so each body has the reference's shape. Where the topic
// reports an operation the REST API performs too (cancel, move, hold, a fulfillment request ...),
// the statuses, locations, line items and messages are those of Shopify's own REST example of that
// operation (data/shopify-fulfillment-order-actions-<version>.json), its ids made fresh.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { idToken } from './shopify-freshen.mjs';
import { SHAPE_NOTE } from './shopify-other.mjs';

/** Reads the extracted REST operation examples once per catalogue. */
export function fulfillmentOrderActions(root, apiVersion) {
  return JSON.parse(readFileSync(join(root, `scripts/catalogue/data/shopify-fulfillment-order-actions-${apiVersion}.json`), 'utf8'));
}

/**
 * Token labels for one body's ids: one per distinct example id of a type (`FulfillmentOrder`,
 * `FulfillmentOrder2`), so an order the example names twice (a request's original and submitted
 * order) is one id in the body too.
 */
function labeller() {
  const labels = new Map();
  const counts = new Map();
  return (type, id) => {
    const key = `${type}/${id}`;
    if (!labels.has(key)) {
      const n = (counts.get(type) ?? 0) + 1;
      counts.set(type, n);
      labels.set(key, n === 1 ? type : `${type}${n}`);
    }
    return labels.get(key);
  };
}

/** The ids one body needs, as the reference writes them: gids, and bare numbers where it does. */
function ids() {
  const label = labeller();
  const gid = (type, id) => `gid://shopify/${type}/${idToken(label(type, id))}`;
  const num = (type, id) => idToken(label(type, id));
  // A fulfillment order as the payloads name one: its gid and the states the topic is about.
  const order = (fo, keys = ['status']) => ({ id: gid('FulfillmentOrder', fo.id), ...Object.fromEntries(keys.map((k) => [k, fo[k]])) });
  const lines = (items) => items.map((li) => ({ id: gid('FulfillmentOrderLineItem', li.id), quantity: li.quantity }));
  return { gid, num, order, lines };
}

const REQUESTED = ['status', 'request_status'];

/** A hold as the payloads show it: the REST example's reason, held by another app, with no handle (the REST call sets none). */
const hold = (id, request) => ({
  id: id.gid('FulfillmentHold', 1),
  reason: request.fulfillment_hold.reason,
  reason_notes: request.fulfillment_hold.reason_notes,
  held_by_requesting_app: false,
  handle: '',
  held_by_app: { id: id.gid('App', 1) },
});

/** A fulfillment service's or merchant's answer: the order's new states and the message sent with the answer. */
const answered =
  (kind, keys) =>
  (id, { request, response }) => ({ fulfillment_order: id.order(response.fulfillment_order, keys), message: request[kind].message });

/** Topic -> [the REST operation it reports, the body from that operation's example]. */
const FROM_OPERATION = {
  'fulfillment_orders/cancelled': ['cancel', (id, { response: r }) => ({ fulfillment_order: id.order(r.fulfillment_order), replacement_fulfillment_order: id.order(r.replacement_fulfillment_order) })],
  'fulfillment_orders/fulfillment_service_failed_to_complete': [
    'close',
    (id, { request, response }) => ({ fulfillment_order: id.order(response.fulfillment_order), message: request.fulfillment_order.message }),
  ],
  'fulfillment_orders/moved': ['move', moved],
  'fulfillment_orders/scheduled_fulfillment_order_ready': ['open', (id, { response }) => ({ fulfillment_order: id.order(response.fulfillment_order) })],
  // The example's new time is a fixed date; the delivery's is a day after it is sent.
  'fulfillment_orders/rescheduled': ['reschedule', (id, { response }) => ({ fulfillment_order: { ...id.order(response.fulfillment_order), fulfill_at: '{{now:iso:+1d}}' } })],
  'fulfillment_orders/placed_on_hold': ['hold', placedOnHold],
  'fulfillment_holds/added': ['hold', theHold],
  'fulfillment_holds/released': ['hold', theHold],
  'fulfillment_orders/hold_released': ['release_hold', (id, { response }) => ({ fulfillment_order: id.order(response.fulfillment_order) })],
  'fulfillment_orders/fulfillment_request_submitted': [
    'fulfillment_request',
    (id, { request, response: r }) => ({
      original_fulfillment_order: id.order(r.original_fulfillment_order, REQUESTED),
      submitted_fulfillment_order: id.order(r.submitted_fulfillment_order, REQUESTED),
      fulfillment_order_merchant_request: { id: id.gid('FulfillmentOrderMerchantRequest', 1), message: request.fulfillment_request.message },
    }),
  ],
  'fulfillment_orders/fulfillment_request_accepted': ['fulfillment_request/accept', answered('fulfillment_request', REQUESTED)],
  'fulfillment_orders/fulfillment_request_rejected': ['fulfillment_request/reject', answered('fulfillment_request', REQUESTED)],
  'fulfillment_orders/cancellation_request_submitted': [
    'cancellation_request',
    (id, { request, response }) => ({
      fulfillment_order: id.order(response.fulfillment_order, REQUESTED),
      fulfillment_order_merchant_request: { id: id.gid('FulfillmentOrderMerchantRequest', 1), message: request.cancellation_request.message },
    }),
  ],
  'fulfillment_orders/cancellation_request_accepted': ['cancellation_request/accept', answered('cancellation_request', ['status'])],
  'fulfillment_orders/cancellation_request_rejected': ['cancellation_request/reject', answered('cancellation_request', REQUESTED)],
};

/** A move: both orders at their locations, the line items the request named, and where they went from and to. */
function moved(id, { request, response: r }) {
  const at = (fo) => ({ ...id.order(fo), assigned_location_id: id.gid('Location', fo.assigned_location_id) });
  return {
    original_fulfillment_order: at(r.original_fulfillment_order),
    moved_fulfillment_order: at(r.moved_fulfillment_order),
    destination_location_id: id.gid('Location', request.fulfillment_order.new_location_id),
    fulfillment_order_line_items_requested: id.lines(request.fulfillment_order.fulfillment_order_line_items),
    source_location: { id: id.gid('Location', r.original_fulfillment_order.assigned_location_id) },
  };
}

/** What a hold's own topics name: the order (its gid alone) and the hold, the one placed or the one a release deletes. */
function theHold(id, { request, response }) {
  return { fulfillment_order: { id: id.gid('FulfillmentOrder', response.fulfillment_order.id) }, fulfillment_hold: hold(id, request) };
}

/** A hold: the held order with its hold, the line items held, and the hold created (which a later release deletes). */
function placedOnHold(id, { request, response }) {
  return {
    fulfillment_order: { ...id.order(response.fulfillment_order), fulfillment_holds: [hold(id, request)] },
    // The example holds the whole quantity of the order's only line item: no order remains to split off.
    remaining_fulfillment_order: null,
    held_fulfillment_order_line_items: id.lines(request.fulfillment_hold.fulfillment_order_line_items),
    created_fulfillment_hold: hold(id, request),
  };
}

/** Topics no REST operation performs: built on the REST FulfillmentOrder example (an open order with one line item). */
const FROM_EXAMPLE = {
  'fulfillment_orders/order_routing_complete': (id, fo) => ({ fulfillment_order: id.order(fo) }),
  'fulfillment_orders/line_items_prepared_for_local_delivery': (id, fo) => ({ fulfillment_order: { ...id.order(fo), preparable: true, delivery_method: { method_type: 'local' } } }),
  // `pick_up` is how the REST FulfillmentOrder writes DeliveryMethodType PICK_UP (the reference's sample says `pickup`).
  'fulfillment_orders/line_items_prepared_for_pickup': (id, fo) => ({ fulfillment_order: { ...id.order(fo), preparable: true, delivery_method: { method_type: 'pick_up' } } }),
  // A split the order's state allowed: GraphQL's split result has a replacement order only when it could not split.
  'fulfillment_orders/split': (id, fo) => ({
    split_line_items: id.lines(fo.line_items),
    fulfillment_order: id.order(fo),
    remaining_fulfillment_order: id.order({ id: 'split', status: 'open' }),
    replacement_fulfillment_order: null,
  }),
  // Two open fulfillment orders of one order, merged into the first.
  'fulfillment_orders/merged': (id, fo) => ({
    merge_intents: [fo, { id: 'other', line_items: [{ id: 'other', quantity: 1 }] }].map((o) => ({
      fulfillment_order_id: id.num('FulfillmentOrder', o.id),
      fulfillment_order_line_items: o.line_items.map((li) => ({ id: id.num('FulfillmentOrderLineItem', li.id), quantity: li.quantity })),
    })),
    fulfillment_order_merges: { fulfillment_order: id.order(fo) },
  }),
};

/** The body and note of a fulfillment order or hold topic, or undefined for any other topic. */
export function fulfillmentBody(topic, examples, actions) {
  const operation = FROM_OPERATION[topic];
  if (operation) {
    const [name, build] = operation;
    const example = actions[name];
    if (!example) throw new Error(`no Shopify REST example of the fulfillment order operation ${name} (topic ${topic})`);
    // `/admin/api/2025-07/fulfillment_orders/1046000788/cancel.json`: the version and the operation, any order.
    const [, apiVersion, endpoint] = /^\/admin\/api\/([^/]+)(.*)$/.exec(example.path.replace(/\/\d+\//, '/{id}/'));
    return { body: build(ids(), example), note: `${SHAPE_NOTE}; its states, and any message or line items, come from Shopify’s ${apiVersion} REST example of the same operation, POST ${endpoint}` };
  }
  const build = FROM_EXAMPLE[topic];
  if (!build) return undefined;
  return { body: build(ids(), examples.fulfillment_order), note: `${SHAPE_NOTE}; its status is the REST FulfillmentOrder example’s, the rest hookctl’s` };
}
