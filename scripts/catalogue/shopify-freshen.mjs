// Turns one of Shopify's published example objects into a template whose ids and times are fresh
// on every delivery, while the example's own links (a refund's order_id, a line item's id in
// refund_line_items, admin_graphql_api_id beside id) keep pointing at the same values.

/** Shopify ids are 64-bit integers; today's are 13 digits, which JSON numbers carry exactly. */
export const ID_RANGE = '1000000000000:9999999999999';

/** An integer token: the same label gives the same id everywhere in one delivery. */
export const idToken = (label) => `{{int:${ID_RANGE}#${label}}}`;

/** When each kind of timestamp happened, relative to the delivery. */
const TIMES = { created_at: '{{now:iso:-1h}}', processed_at: '{{now:iso:-1h}}', updated_at: '{{now:iso}}' };
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/;
const GID = /^gid:\/\/shopify\/(\w+)\/(\d+)/;
export const LIQUID = /\{\{\s*([^{}]+?)\s*\}\}/g;

/** Ids are under `id` or `*_id`; small numbers there are counts or indexes in Shopify's examples, not ids. */
const isIdKey = (key) => key === 'id' || key.endsWith('_id');
const isId = (value) => Number.isInteger(value) && value >= 1000;

/**
 * One label per distinct id value, named after what it identifies: the GraphQL type beside it
 * (`Order`), else the key (`location_id` -> `location`); a second value of the same name gets
 * a number (`LineItem2`).
 */
function labelIds(root) {
  const labels = new Map();
  const used = new Set();
  const name = (base) => {
    let label = base;
    for (let n = 2; used.has(label); n++) label = `${base}${n}`;
    used.add(label);
    return label;
  };
  const walk = (node, parentKey) => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item, parentKey);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const type = typeof node.admin_graphql_api_id === 'string' ? GID.exec(node.admin_graphql_api_id)?.[1] : undefined;
    for (const [key, value] of Object.entries(node)) {
      if (isIdKey(key) && isId(value) && !labels.has(value)) labels.set(value, name(key === 'id' ? (type ?? parentKey) : key.slice(0, -3)));
      walk(value, key);
    }
  };
  walk(root, 'object');
  return labels;
}

/** The example with id tokens for every id (and the gids that hold them) and fresh timestamps. */
export function freshen(example) {
  const labels = labelIds(example);
  const walk = (node, key) => {
    if (Array.isArray(node)) return node.map((item) => walk(item, key));
    if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v, k)]));
    if (isIdKey(key) && labels.has(node)) return idToken(labels.get(node));
    if (typeof node !== 'string') return node;
    // Every known id inside a gid, the query too (`InventoryLevel/1?inventory_item_id=2`).
    if (GID.test(node)) return node.replace(/\d{4,}/g, (digits) => (labels.has(Number(digits)) ? idToken(labels.get(Number(digits))) : digits));
    if (TIMES[key] && ISO.test(node)) return TIMES[key];
    // Shopify's Liquid placeholders (`${{amount}}`) would read as hookctl tokens, which have no escape.
    return node.replace(LIQUID, '{$1}');
  };
  return walk(example, '');
}
