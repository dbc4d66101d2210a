// Every kind of Telegram Bot API update a webhook receives: each optional field of `Update` in
// @grammyjs/types (the Bot API's own types, MIT), one event per field, its body an Update holding that
// field alone, as Telegram sends it (core.telegram.org/bots/api#update: "at most one of the optional
// parameters can be present in any given update"). Named by that field: no header says which it is.
import ts from 'typescript';
import { createSampler } from './ts-sample.mjs';
import { typeModule } from './ts-types.mjs';
import { typeCheckFile } from './type-check.mjs';
import { fits, versionOf } from './union-catalogue.mjs';

const BY_KEY = {
  first_name: 'Jane',
  last_name: 'Cooper',
  username: 'janecooper',
  language_code: 'en',
  title: 'Acme support',
  text: '/start',
  is_bot: false,
  currency: 'USD',
};

function hints() {
  return {
    value(path, type) {
      const key = String(path.at(-1));
      if (BY_KEY[key] !== undefined && (typeof BY_KEY[key] !== 'string' || fits(type, BY_KEY[key]))) return BY_KEY[key];
      if (/^(date|edit_date)$/.test(key) && fits(type, 1)) return '{{now:s}}';
      if (/(^id|_id)$/.test(key) && fits(type, 1)) return key === 'chat_id' || path.at(-2) === 'chat' ? '{{int:100000000:999999999#chat}}' : `{{int:100000000:999999999#${key}}}`;
      if (/(^id|_id)$/.test(key) && fits(type, '')) return `{{id::24#${key}}}`;
      return undefined;
    },
    // A message's text is optional in the types, but a text message is the one a bot handles first.
    optional: (path) => path.length === 2 && path[1] === 'text',
    string: (path) => `example ${String(path.at(-1) ?? 'text').replace(/_/g, ' ')}`,
    number: () => 1,
  };
}

export async function telegramCatalogue(root) {
  const { checker, aliases } = typeModule(root, "import type { Update } from '@grammyjs/types';\nexport type U = Update;\n");
  const update = aliases.get('U');
  const events = [];
  const templates = new Map();
  const checks = [];
  for (const prop of checker.getPropertiesOfType(update)) {
    const name = prop.getName();
    if (name === 'update_id') continue;
    const type = checker.getNonNullableType(checker.getTypeOfSymbol(prop));
    const body = { update_id: '{{int:100000000:999999999}}', [name]: createSampler(checker, hints(), 5)(type, [name]) };
    const doc =
      ts
        .displayPartsToString(prop.getDocumentationComment(checker))
        .split(/(?<=\.)\s/)[0]
        ?.replace(/\.$/, '') ?? name;
    events.push({ name, description: doc.charAt(0).toLowerCase() + doc.slice(1), match: { [name]: true } });
    templates.set(name, body);
    checks.push({ event: name, type: 'Update', body });
  }
  const types = await typeCheckFile(root, { provider: 'telegram', imports: ["import type { Update } from '@grammyjs/types';"], checks });
  return { meta: { provider: 'telegram', source: `@grammyjs/types@${versionOf(root, '@grammyjs/types')} (update.d.ts Update, one event per optional field)` }, events, templates, types };
}
