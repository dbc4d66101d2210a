// Every Chargebee webhook event: the members of chargebee's `WebhookEventType` enum (types/resources/
// WebhookEvent.d.ts, the 228 values of `EventTypeEnum`), each in the event envelope of `WebhookEvent<T>`
// with its `content` (`WebhookContentMap[T]`: the resources the event carries) sampled from the SDK's types.
import { createSampler } from './ts-sample.mjs';
import { idKind, senderHints } from './sender-hints.mjs';
import { typeModule } from './ts-types.mjs';
import { typeCheckFile } from './type-check.mjs';
import { versionOf } from './union-catalogue.mjs';

const SOURCE = "import { WebhookEventType, type WebhookContentMap } from 'chargebee';\nexport type E = typeof WebhookEventType;\nexport type M = WebhookContentMap;\n";

/** Chargebee ids: a resource's own id is an alphanumeric handle (`AzZTZqUJ8bjbq1Dw`), an event's `ev_` + one. */
function hints() {
  return senderHints({
    id: (path) => `{{id::16#${idKind(path)}}}`,
    byKey: { currency_code: 'USD', resource_version: '{{now:ms}}', deleted: false, last4: '4242', iin: '424242', expiry_month: 12, expiry_year: 2030, billing_period: 1 },
    optional: () => false,
  });
}

export async function chargebeeCatalogue(root) {
  const { checker, aliases } = typeModule(root, SOURCE);
  const map = aliases.get('M');
  const events = [];
  const templates = new Map();
  const checks = [];
  for (const member of checker.getPropertiesOfType(aliases.get('E'))) {
    const name = checker.getTypeOfSymbol(member).value;
    const content = checker.getTypeOfSymbol(checker.getPropertyOfType(map, name));
    const body = {
      id: 'ev_{{id::16#event}}',
      occurred_at: '{{now:s}}',
      source: 'admin_console',
      object: 'event',
      api_version: 'v2',
      event_type: name,
      webhook_status: 'scheduled',
      content: createSampler(checker, hints(), 4)(content, ['content']),
    };
    events.push({ name, description: name.replace(/_/g, ' '), match: { event_type: name } });
    templates.set(name, body);
    // Deliveries say `"object": "event"`, which the SDK's WebhookEvent leaves out.
    checks.push({ event: name, type: `WebhookEvent<WebhookEventType.${member.getName()}> & { object: 'event' }`, body });
  }
  events.sort((a, b) => a.name.localeCompare(b.name));
  const imports = ["import type { WebhookEvent, WebhookEventType } from 'chargebee';"];
  const types = await typeCheckFile(root, { provider: 'chargebee', imports, checks });
  return { meta: { provider: 'chargebee', source: `chargebee@${versionOf(root, 'chargebee')} (types/resources/WebhookEvent.d.ts WebhookEventType, WebhookContentMap)` }, events, templates, types };
}
