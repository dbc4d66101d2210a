// Every Shopify webhook topic of one pinned Admin API version: the WebhookSubscriptionTopic enum
// of Shopify's Admin GraphQL schema for that version, plus the three mandatory compliance topics,
// each with a body shaped like what Shopify POSTs. Inputs and their provenance: data/SHOPIFY.md.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fulfillmentBody, fulfillmentOrderActions } from './shopify-fulfillment.mjs';
import { COMPLIANCE, complianceBodies, genericBody, handWritten } from './shopify-other.mjs';
import { referenceBody } from './shopify-reference.mjs';
import { restBody, restExamples, restResourceOf } from './shopify-rest.mjs';

/** The pinned Admin API version: the X-Shopify-API-Version a delivery carries. */
export const SHOPIFY_API_VERSION = '2025-07';

const TOPIC_DOC = /^The webhook topic for `([^`]+)` events\. ([\s\S]*)$/;

/**
 * The enum's topics in the schema's order: the REST topic name (`orders/paid`, as in the
 * X-Shopify-Topic header) that each value's description names, and the rest of that description.
 */
export function shopifyTopics(root) {
  const enumType = JSON.parse(readFileSync(join(root, `scripts/catalogue/data/shopify-webhook-topics-${SHOPIFY_API_VERSION}.json`), 'utf8'));
  return enumType.enumValues.map((v) => {
    const m = TOPIC_DOC.exec(v.description);
    if (!m) throw new Error(`WebhookSubscriptionTopic.${v.name}: the description names no topic: ${v.description}`);
    // The value is the topic upper-cased with `/` and `.` as `_`: a description naming another topic is a misread.
    if (m[1].toUpperCase().replace(/[/.]/g, '_') !== v.name) throw new Error(`WebhookSubscriptionTopic.${v.name} describes ${m[1]}`);
    return { name: m[1], value: v.name, description: m[2].replace(/\s+/g, ' ').trim(), deprecated: v.isDeprecated };
  });
}

/** The fields a REST resource's class declares in @shopify/shopify-api's generated types for the pinned version. */
export function shopifyRestFields(root, resource) {
  const file = join(root, `node_modules/@shopify/shopify-api/dist/ts/rest/admin/${SHOPIFY_API_VERSION}/${resource}.d.ts`);
  const body = /export declare class \w+ extends Base \{\n([\s\S]*?)\n\}/.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
  return [...body.matchAll(/^ {4}(\w+): /gm)].map((m) => m[1]);
}

/**
 * One topic's body and catalogue entry: its REST resource, else the shape Shopify's webhook
 * reference shows (fulfillment orders, then the other resources built to it), else a hand-written
 * shape, else the minimal body.
 */
function topicEntry(topic, examples, actions) {
  const entry = { name: topic.name, description: topic.deprecated ? `${topic.description} (deprecated)` : topic.description };
  const resource = restResourceOf(topic.name);
  if (resource) {
    // `object` names the REST resource the body is; a delete's bare id is no resource.
    const { whole, body, note } = restBody(topic.name, resource, examples);
    return { entry: { ...entry, object: whole ? resource : null, ...(note ? { note } : {}) }, body };
  }
  const { body, note } = fulfillmentBody(topic.name, examples, actions) ?? referenceBody(topic.name, examples) ?? handWritten(topic.name) ?? genericBody(topic.name);
  return { entry: { ...entry, object: null, note }, body };
}

export function shopifyCatalogue(root) {
  const examples = restExamples(root, SHOPIFY_API_VERSION);
  const actions = fulfillmentOrderActions(root, SHOPIFY_API_VERSION);
  const events = [];
  const templates = new Map();
  for (const topic of shopifyTopics(root)) {
    const { entry, body } = topicEntry(topic, examples, actions);
    events.push(entry);
    templates.set(topic.name, body);
  }
  for (const [name, body] of complianceBodies(root)) {
    events.push({ name, description: COMPLIANCE[name], object: null });
    templates.set(name, body);
  }
  const source = `Shopify Admin API ${SHOPIFY_API_VERSION} WebhookSubscriptionTopic (Shopify/cli shopify-dev-tools admin_${SHOPIFY_API_VERSION}.json.gz) + REST resource examples (Shopify/shopify-app-js) + compliance payloads (Shopify/shopify-app-template-node)`;
  return { meta: { provider: 'shopify', source, apiVersion: SHOPIFY_API_VERSION }, events, templates };
}
