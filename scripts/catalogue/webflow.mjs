// Every Webflow webhook trigger of webflow-api: the `TriggerType` enum (api/types/TriggerType), each
// body sampled from the SDK's type for that trigger's request `{ triggerType, payload }`, with
// Webflow's 24-hex ids and ISO times. No header names the trigger: each is matched by `triggerType`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSampler } from './ts-sample.mjs';
import { typeModule, unionMembers } from './ts-types.mjs';
import { typeCheckFile } from './type-check.mjs';
import { webflowHints } from './webflow-hints.mjs';

/** The SDK's type of each trigger's request body (api/types/*.d.ts); inventory's has only its payload type. */
const TYPES = {
  form_submission: 'Webflow.FormSubmissionTrigger',
  site_publish: 'Webflow.SitePublish',
  page_created: 'Webflow.PageCreatedWebhook',
  page_metadata_updated: 'Webflow.PageMetadataUpdatedWebhook',
  page_deleted: 'Webflow.PageDeletedWebhook',
  ecomm_new_order: 'Webflow.NewOrder',
  ecomm_order_changed: 'Webflow.UpdatedOrder',
  ecomm_inventory_changed: '{ triggerType?: string; payload?: Webflow.InventoryItem }',
  collection_item_created: 'Webflow.CollectionItemCreated',
  collection_item_changed: 'Webflow.CollectionItemChanged',
  collection_item_deleted: 'Webflow.CollectionItemRemoved',
  collection_item_published: 'Webflow.CollectionItemPublished',
  collection_item_unpublished: 'Webflow.CollectionItemUnpublished',
  comment_created: 'Webflow.Comment',
};

const DESCRIPTIONS = {
  form_submission: 'a form on the site was submitted',
  site_publish: 'the site was published',
  page_created: 'a page was created',
  page_metadata_updated: "a page's metadata was updated",
  page_deleted: 'a page was deleted',
  ecomm_new_order: 'a new order was placed',
  ecomm_order_changed: 'an order changed',
  ecomm_inventory_changed: "a product's inventory changed",
  collection_item_created: 'a CMS collection item was created',
  collection_item_changed: 'a CMS collection item was changed',
  collection_item_deleted: 'a CMS collection item was deleted',
  collection_item_published: 'a CMS collection item was published',
  collection_item_unpublished: 'a CMS collection item was unpublished',
  comment_created: 'a comment was added to the site',
};

export async function webflowCatalogue(root) {
  const names = Object.keys(TYPES);
  const source = ["import type { Webflow } from 'webflow-api';", 'export type Names = Webflow.TriggerType;', ...names.map((n, i) => `export type T${i} = ${TYPES[n]};`)].join('\n');
  const { checker, aliases } = typeModule(root, source);
  // The enum is the list; every member must have its body type above, and no other.
  const listed = unionMembers(aliases.get('Names')).map((t) => t.value);
  if (listed.join() !== names.join()) throw new Error(`webflow: TriggerType is ${listed.join(', ')}`);
  const events = [];
  const templates = new Map();
  const checks = [];
  names.forEach((name, i) => {
    const payload = checker.getTypeOfSymbol(checker.getPropertyOfType(aliases.get(`T${i}`), 'payload'));
    const template = { triggerType: name, payload: createSampler(checker, webflowHints(name), 6)(checker.getNonNullableType(payload), ['payload']) };
    events.push({ name, description: DESCRIPTIONS[name], match: { triggerType: name } });
    templates.set(name, template);
    checks.push({ event: name, type: TYPES[name], body: template });
  });
  const types = await typeCheckFile(root, { provider: 'webflow', imports: ["import type { Webflow } from 'webflow-api';"], checks });
  const version = JSON.parse(readFileSync(join(root, 'node_modules/webflow-api/package.json'), 'utf8')).version;
  return { meta: { provider: 'webflow', source: `webflow-api@${version} (api/types/TriggerType and each trigger's request type)` }, events, templates, types };
}
