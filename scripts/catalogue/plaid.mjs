// Every Plaid webhook: the `*Webhook` interfaces of plaid's dist/api.d.ts (its OpenAPI-generated types),
// each naming its `webhook_type` and `webhook_code` in the property's doc comment (`TRANSACTIONS`,
// `SYNC_UPDATES_AVAILABLE`). An event is `<type>.<code>`; its body is sampled from the interface and
// type-checked against it. The processor variants of a product's webhook document the same pair and
// carry `account_id` for `item_id`: each is its own event, `<type>.<code>.processor`. Another interface
// that documents a pair already named (FallbackAuthMicrodepositAutoVerifiedWebhook repeats
// AUTOMATICALLY_VERIFIED) is the same webhook, listed once.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { createSampler } from './ts-sample.mjs';
import { senderHints } from './sender-hints.mjs';
import { typeModule } from './ts-types.mjs';
import { typeCheckFile } from './type-check.mjs';
import { versionOf } from './union-catalogue.mjs';

const code = (checker, type, key) => {
  const prop = checker.getPropertyOfType(type, key);
  const doc = prop ? ts.displayPartsToString(prop.getDocumentationComment(checker)) : '';
  // One doc quotes the value inside the backticks (`\"INCOME\"`).
  return /`\\?"?([A-Z_]+)\\?"?`/.exec(doc)?.[1];
};

const hints = () =>
  senderHints({
    id: (path) => `{{id::37#${String(path.at(-1))}}}`,
    byKey: { environment: 'sandbox', iso_currency_code: 'USD', unofficial_currency_code: null, error: null },
    optional: () => false,
  });

export async function plaidCatalogue(root) {
  const names = [...readFileSync(join(root, 'node_modules/plaid/dist/api.d.ts'), 'utf8').matchAll(/^export interface (\w+Webhook) \{/gm)].map((m) => m[1]);
  const { checker, aliases } = typeModule(root, `import type * as Plaid from 'plaid';\n${names.map((n) => `export type ${n} = Plaid.${n};`).join('\n')}\n`);
  const events = [];
  const templates = new Map();
  const checks = [];
  // Processor variants last, so the plain webhook keeps the plain name.
  const ordered = [...names.filter((n) => !n.startsWith('Processor')), ...names.filter((n) => n.startsWith('Processor'))];
  for (const type of ordered) {
    const t = aliases.get(type);
    // ItemStatusLastWebhook is a field of an Item's status (its last webhook), not a payload: no webhook_type.
    if (!checker.getPropertyOfType(t, 'webhook_type')) continue;
    const [hook, what] = [code(checker, t, 'webhook_type'), code(checker, t, 'webhook_code')];
    if (!hook || !what) throw new Error(`plaid: ${type} documents no webhook_type/webhook_code`);
    let name = `${hook}.${what}`;
    if (templates.has(name) && !type.startsWith('Processor')) continue;
    if (templates.has(name)) name = `${name}.processor`;
    const body = { ...createSampler(checker, hints(), 5)(t), webhook_type: hook, webhook_code: what };
    const doc = ts
      .displayPartsToString((t.aliasSymbol ?? t.getSymbol()).getDocumentationComment(checker))
      .split(/(?<=\.)\s/)[0]
      ?.replace(/\.$/, '');
    events.push({
      name,
      description: doc ? doc.charAt(0).toLowerCase() + doc.slice(1) : name,
      match: name.endsWith('.processor') ? { webhook_type: hook, webhook_code: what, account_id: true } : { webhook_type: hook, webhook_code: what },
    });
    templates.set(name, body);
    checks.push({ event: name, type: `Plaid.${type}`, body });
  }
  const types = await typeCheckFile(root, { provider: 'plaid', imports: ["import type * as Plaid from 'plaid';"], checks });
  return { meta: { provider: 'plaid', source: `plaid@${versionOf(root, 'plaid')} (dist/api.d.ts, the ${events.length} *Webhook interfaces with a webhook_type)` }, events, templates, types };
}
