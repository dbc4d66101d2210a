import { once } from 'node:events';
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import '@shopify/shopify-api/adapters/node';
import { ApiVersion, LogSeverity, shopifyApi } from '@shopify/shopify-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The generator's own readers of Shopify's topic list and REST resource types.
import { SHOPIFY_API_VERSION, shopifyRestFields, shopifyTopics } from '../../scripts/catalogue/shopify.mjs';
import { listEvents } from '../../src/core/catalogue/list-events.js';
import { createDeliveryBuilder } from '../../src/core/delivery/build.js';
import { getProvider } from '../../src/core/providers/registry.js';
import { seededRandom } from '../../src/core/random.js';
import type { Delivery } from '../../src/core/delivery/types.js';
import { ROOT } from '../support/cli.js';

const secret = 's3cret';
// The catalogue, before the built-in profile names it (the profile's own two events aside).
const profile = { ...getProvider('shopify'), events: [], catalogue: 'shopify' };
const shopify = shopifyApi({
  apiKey: 'hookctl-test',
  apiSecretKey: secret,
  hostName: 'localhost',
  apiVersion: ApiVersion.July25,
  isEmbeddedApp: false,
  logger: { level: LogSeverity.Error },
});
const COMPLIANCE = ['customers/data_request', 'customers/redact', 'shop/redact'];
// Fields the REST resource classes declare that Shopify's examples leave out: request parameters
// (a customer's password, a fulfillment's notify_customer, a theme's src) and fields sent only
// in some cases (a B2B order's company).
const REQUEST_ONLY = new Set([
  'password',
  'password_confirmation',
  'metafield',
  'marketing_opt_in_level',
  'notify_customer',
  'variant_inventory_management',
  'src',
  'company',
  'published',
  'refund_duties',
  'payments_refund_attributes',
  'option',
  'force_ssl',
  'source_name',
  'tax_exemptions',
]);

const header = (d: Delivery, name: string) => d.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
const deliver = (event: string, seed = 7) => createDeliveryBuilder({ profile, event, secrets: [secret] }).build({ now: Date.now(), random: seededRandom(seed) });
const bodyOf = (event: string, seed?: number) => JSON.parse(deliver(event, seed).body.toString('utf8'));

/** A real HTTP server whose handler is what a Shopify app runs: the library's validate on the raw request. */
let server: Server;
let port: number;
beforeAll(async () => {
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const result = await shopify.webhooks.validate({ rawBody: Buffer.concat(chunks).toString('utf8'), rawRequest: req, rawResponse: res });
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(result));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

function post(d: Delivery): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: d.method, path: '/webhooks/shopify', headers: Object.fromEntries(d.headers) }, async (res: IncomingMessage) => {
      let text = '';
      for await (const chunk of res) text += chunk;
      resolve(JSON.parse(text));
    });
    req.on('error', reject);
    req.end(d.body);
  });
}

describe(`every Shopify webhook topic of Admin API ${SHOPIFY_API_VERSION}`, () => {
  const topics = shopifyTopics(ROOT);

  it('is in the catalogue in the enum order, then the three mandatory compliance topics', () => {
    expect(topics.length).toBeGreaterThan(200);
    const names = listEvents(profile).map((e) => e.name);
    expect(names).toEqual([...topics.map((t) => t.name), ...COMPLIANCE]);
    expect(names.length).toBe(topics.length + 3);
    for (const name of ['orders/paid', 'products/update', 'customers/data_request', 'app_subscriptions/update', 'app/uninstalled', 'shop/redact']) expect(names).toContain(name);
  });

  it('is accepted by @shopify/shopify-api webhooks.validate over real HTTP, with its topic, shop, API version and webhook id', async () => {
    const wrong: string[] = [];
    for (const e of listEvents(profile)) {
      const d = deliver(e.name);
      const result = await post(d);
      const expected = {
        valid: true,
        topic: e.name.toUpperCase().replace(/[/.]/g, '_'),
        domain: header(d, 'X-Shopify-Shop-Domain'),
        apiVersion: SHOPIFY_API_VERSION,
        webhookId: header(d, 'X-Shopify-Webhook-Id'),
      };
      const got = { valid: result.valid, topic: result.topic, domain: result.domain, apiVersion: result.apiVersion, webhookId: result.webhookId };
      if (JSON.stringify(got) !== JSON.stringify(expected) || header(d, 'X-Shopify-Topic') !== e.name) wrong.push(`${e.name}: ${JSON.stringify(result)}`);
    }
    expect(wrong).toEqual([]);
    // And the verifier does refuse: the same delivery signed with another secret.
    const forged = createDeliveryBuilder({ profile, event: 'orders/paid', secrets: ['not-the-secret'] }).build({ now: Date.now(), random: seededRandom(3) });
    expect(await post(forged)).toMatchObject({ valid: false, reason: 'invalid_hmac' });
  });

  it('sends REST-resource bodies with the fields the pinned REST resource declares', () => {
    const thin: string[] = [];
    const full = listEvents(profile).filter((e) => e.object);
    expect(full.map((e) => e.name)).toEqual(expect.arrayContaining(['orders/paid', 'products/update', 'customers/create', 'refunds/create', 'inventory_levels/update', 'app/uninstalled']));
    for (const e of full) {
      const body = bodyOf(e.name);
      const resource = body.product_listing ?? body.collection_listing ?? body;
      const fields = shopifyRestFields(ROOT, e.object!);
      const missing = fields.filter((f) => !(f in resource) && !REQUEST_ONLY.has(f));
      if (fields.length === 0 || missing.length) thin.push(`${e.name} (${e.object}): missing ${missing.join(', ')}`);
    }
    expect(thin).toEqual([]);
  });

  it('gets fresh ids and times per delivery, the gid agreeing with the id', () => {
    const [a, b] = [bodyOf('orders/paid', 1), bodyOf('orders/paid', 2)];
    expect(a.id).not.toBe(b.id);
    expect(a.admin_graphql_api_id).toBe(`gid://shopify/Order/${a.id}`);
    expect(a.financial_status).toBe('paid');
    expect(a.line_items[0].admin_graphql_api_id).toBe(`gid://shopify/LineItem/${a.line_items[0].id}`);
    expect(a.refunds[0].order_id).toBe(a.id);
    expect(Date.parse(a.updated_at)).toBeGreaterThan(Date.parse(a.created_at));
    expect(bodyOf('products/delete')).toEqual({ id: expect.any(Number) });
  });

  it('sends the compliance bodies as Shopify documents them, for the shop the headers name', () => {
    const domain = header(deliver('shop/redact'), 'X-Shopify-Shop-Domain');
    const request = bodyOf('customers/data_request');
    expect(Object.keys(request)).toEqual(['shop_id', 'shop_domain', 'orders_requested', 'customer', 'data_request']);
    expect(request.shop_domain).toBe(domain);
    expect(Object.keys(request.customer)).toEqual(['id', 'email', 'phone']);
    expect(Object.keys(bodyOf('customers/redact'))).toEqual(['shop_id', 'shop_domain', 'customer', 'orders_to_redact']);
    expect(Object.keys(bodyOf('shop/redact'))).toEqual(['shop_id', 'shop_domain']);
    for (const name of COMPLIANCE) expect(listEvents(profile).find((e) => e.name === name)?.description).toMatch(/mandatory.*App Store review/i);
  });

  it('sends fulfillment order topics in the shape of the webhook reference, with the states of the REST operation they report', () => {
    const cancelled = bodyOf('fulfillment_orders/cancelled');
    expect(cancelled).toEqual({
      fulfillment_order: { id: expect.stringMatching(/^gid:\/\/shopify\/FulfillmentOrder\/\d+$/), status: 'closed' },
      replacement_fulfillment_order: { id: expect.any(String), status: 'open' },
    });
    expect(cancelled.replacement_fulfillment_order.id).not.toBe(cancelled.fulfillment_order.id);
    const moved = bodyOf('fulfillment_orders/moved');
    expect(moved.destination_location_id).toBe(moved.moved_fulfillment_order.assigned_location_id);
    expect(moved.source_location.id).toBe(moved.original_fulfillment_order.assigned_location_id);
    const held = bodyOf('fulfillment_orders/placed_on_hold');
    expect(held.fulfillment_order.status).toBe('on_hold');
    expect(held.created_fulfillment_hold).toEqual(held.fulfillment_order.fulfillment_holds[0]);
    expect(held.created_fulfillment_hold.reason).toBe('inventory_out_of_stock');
    const submitted = bodyOf('fulfillment_orders/fulfillment_request_submitted');
    expect(submitted.submitted_fulfillment_order).toEqual({ id: submitted.original_fulfillment_order.id, status: 'open', request_status: 'submitted' });
    expect(bodyOf('fulfillment_orders/cancellation_request_submitted').fulfillment_order_merchant_request.message).toEqual(expect.any(String));
    const merged = bodyOf('fulfillment_orders/merged');
    expect(merged.fulfillment_order_merges.fulfillment_order.id).toBe(`gid://shopify/FulfillmentOrder/${merged.merge_intents[0].fulfillment_order_id}`);
    const terms = bodyOf('payment_terms/create');
    expect(terms.payment_schedules[0].payment_terms_id).toBe(terms.id);
    expect(terms.admin_graphql_api_id).toMatch(new RegExp(`/${terms.id}$`));
  });

  it('has a full body for at least 114 of the 215 topics, and a minimal one for none of the resources built from the reference', () => {
    const events = listEvents(profile);
    const minimal = events.filter((e) => e.note?.startsWith('Minimal body')).map((e) => e.name);
    expect(events.length - minimal.length).toBeGreaterThanOrEqual(114);
    const built =
      /^(fulfillment_orders|fulfillment_holds|product_publications|collection_publications|discounts|customers_marketing_consent|customers_email_marketing_consent|locales|domains|payment_terms|payment_schedules|tax_services|scheduled_product_listings)\//;
    expect(events.filter((e) => built.test(e.name)).length).toBe(47);
    expect(minimal.filter((name) => built.test(name))).toEqual([]);
  });

  it('says which bodies are minimal or hand-written, and why', () => {
    const noted = listEvents(profile).filter((e) => e.note && !e.object);
    expect(noted.map((e) => e.name)).toEqual(expect.arrayContaining(['returns/approve', 'app_subscriptions/update']));
    for (const e of noted) expect(e.note).toMatch(/no REST resource or example body|no checked-in Shopify source/);
    // The one change to a published example: Liquid's {{amount}}, which a template would read as a token.
    const shop = listEvents(profile).find((e) => e.name === 'shop/update')!;
    expect(shop.note).toMatch(/\{amount\}/);
    expect(bodyOf('shop/update').money_format).toMatch(/^\$\{amount\}$/);
  });
});
