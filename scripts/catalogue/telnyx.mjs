// Every Telnyx webhook of the telnyx SDK: the members of its `UnwrapWebhookEvent` union (what
// `webhooks.unwrap` returns), each named as its type names it: `data.event_type` (most; a member
// may list several), a top-level `event` or `event_type`, and for the two members with no name of
// their own (10DLC campaign status; replaced-link clicks) the SDK type's or the docs' name. Bodies are sampled
// from the member's type; each event is matched by the field that names it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSampler } from './ts-sample.mjs';
import { nameOf, typeModule, unionMembers } from './ts-types.mjs';
import { telnyxHints } from './telnyx-hints.mjs';
import { typeCheckFile } from './type-check.mjs';

const SOURCE = `import type { UnwrapWebhookEvent } from 'telnyx/resources/webhooks';
export type All = UnwrapWebhookEvent;
`;

/** The members that carry no event name: named after the SDK's type, matched by fields only they have. */
const UNNAMED = {
  CampaignStatusUpdate: { name: 'campaign.status_update', match: { campaignId: true, brandId: true }, description: 'a 10DLC campaign registration status changed' },
  // developers.telnyx.com/api-reference/callbacks/replaced-link-click: its record_type is its name.
  ReplacedLinkClickWebhookEvent: { name: 'link_clicked', match: { 'data.record_type': 'link_clicked' }, description: 'a shortened link in a message was clicked' },
};

export async function telnyxCatalogue(root) {
  const { checker, aliases } = typeModule(root, SOURCE);
  const events = [];
  const templates = new Map();
  const checks = [];
  for (const member of unionMembers(aliases.get('All'))) {
    const typeName = nameOf(member);
    for (const { name, match, description } of namesOf(checker, member, typeName)) {
      if (templates.has(name)) throw new Error(`telnyx: ${name} twice`);
      const template = createSampler(checker, telnyxHints(name), 7)(member);
      events.push({ name, description, match });
      templates.set(name, template);
      checks.push({ event: name, type: typeName, body: template });
    }
  }
  const imports = [`import type { ${[...new Set(checks.map((c) => c.type))].join(', ')} } from 'telnyx/resources/webhooks';`];
  const types = await typeCheckFile(root, { provider: 'telnyx', imports, checks });
  const version = JSON.parse(readFileSync(join(root, 'node_modules/telnyx/package.json'), 'utf8')).version;
  return { meta: { provider: 'telnyx', source: `telnyx@${version} (UnwrapWebhookEvent)` }, events, templates, types };
}

function namesOf(checker, member, typeName) {
  const data = prop(checker, member, 'data');
  const nested = data && prop(checker, data, 'event_type');
  const top = prop(checker, member, 'event') ?? prop(checker, member, 'event_type');
  const field = nested ? 'data.event_type' : top ? (checker.getPropertyOfType(member, 'event') ? 'event' : 'event_type') : undefined;
  const literals = (nested ?? top)?.isUnion() ? (nested ?? top).types : [nested ?? top];
  const names = field ? literals.filter((t) => t?.isLiteral()).map((t) => t.value) : [];
  if (names.length) return names.map((name) => ({ name, match: { [field]: name }, description: describe(name) }));
  if (UNNAMED[typeName]) return [UNNAMED[typeName]];
  throw new Error(`telnyx: ${typeName} names no event`);
}

function prop(checker, type, key) {
  const p = checker.getPropertyOfType(type, key);
  return p ? checker.getNonNullableType(checker.getTypeOfSymbol(p)) : undefined;
}

/** `call.playback.ended` → "call playback: ended"; `messaging_hosted_numbers_orders.created` → "messaging hosted numbers orders: created". */
function describe(name) {
  const parts = name.split('.');
  const action = (parts.pop() ?? '').replace(/_/g, ' ');
  return `${parts.join(' ').replace(/_/g, ' ')}: ${action}`;
}
