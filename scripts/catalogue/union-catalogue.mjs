// A catalogue read from an SDK's union of webhook event types: each member's discriminator literal
// (`type: 'batch.completed'`, or a union of them: Clerk's `'user.created' | 'user.updated'`) is one
// event, its body sampled from the member's type with the provider's hints and type-checked against
// `Union & { type: name }`. OpenAI, Clerk, Resend, Polar and Liveblocks publish their events so.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { createSampler } from './ts-sample.mjs';
import { docOf, typeModule, unionMembers } from './ts-types.mjs';
import { typeCheckFile } from './type-check.mjs';

/**
 * `spec`: { provider, pkg (the package whose version is recorded), importLine (imports `typeName`),
 * typeName (the union, as written in the import), key (the discriminator, default `type`),
 * hints(name) (ts-sample hints), finish?(template, name) (envelope fields the types leave loose),
 * describe?(name, doc), source (what meta.source says after the version), variant?(checker, member, literal)
 * → { name, match } when several members share one literal (Liveblocks' three `notification` kinds) }.
 */
export async function unionCatalogue(root, spec) {
  const key = spec.key ?? 'type';
  const { checker, aliases } = typeModule(root, `${spec.importLine}\nexport type Union = ${spec.typeName};\n`);
  const events = [];
  const templates = new Map();
  const checks = [];
  for (const member of unionMembers(aliases.get('Union'))) {
    const prop = checker.getPropertyOfType(member, key);
    if (!prop) throw new Error(`${spec.provider}: a union member has no ${key}`);
    for (const literal of literals(checker.getNonNullableType(checker.getTypeOfSymbol(prop)))) {
      const { name, match } = spec.variant?.(checker, member, literal) ?? { name: literal, match: { [key]: literal } };
      if (templates.has(name)) throw new Error(`${spec.provider}: two members are named ${name}`);
      const sample = createSampler(checker, spec.hints(name), spec.depth ?? 6);
      const template = { ...sample(member) };
      template[key] = literal;
      const body = spec.finish ? spec.finish(template, name) : template;
      const doc = docOf(checker, member);
      events.push({ name, description: spec.describe ? spec.describe(name, doc) : describe(name, doc), match });
      templates.set(name, body);
      checks.push({ event: name, type: `${spec.typeName} & { ${key}: '${literal}' }`, body });
    }
  }
  const types = await typeCheckFile(root, { provider: spec.provider, imports: [spec.importLine], checks });
  return { meta: { provider: spec.provider, source: `${spec.pkg}@${versionOf(root, spec.pkg)} (${spec.source})` }, events, templates, types };
}

function literals(type) {
  const out = (type.isUnion() ? type.types : [type]).filter((t) => t.isStringLiteral()).map((t) => t.value);
  if (!out.length) throw new Error(`not a string literal: ${type.flags}`);
  return out;
}

/** The doc comment's first sentence as a description ("Sent when a batch has completed." → "a batch has completed"), else the name's words. */
function describe(name, doc) {
  const text = doc.replace(/^(Sent|Fired|Triggered|Occurs|Emitted)\s+(when|after|if)\s+/i, '').replace(/\.$/, '');
  if (text && text.length < 140 && !/^(type|The type)/i.test(text)) return text.charAt(0).toLowerCase() + text.slice(1);
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[._]/g, ' ')
    .toLowerCase();
}

export function versionOf(root, pkg) {
  return JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
}

/** Whether a type (or a member of its union) is a string or a number: hints only fill what fits. */
export function fits(type, value) {
  const want = typeof value === 'number' || /^\{\{now:m?s/.test(value) || /^\{\{int:/.test(value) ? ts.TypeFlags.NumberLike : ts.TypeFlags.StringLike;
  return (type.isUnion() ? type.types : [type]).some((t) => (t.flags & want && !t.isLiteral()) || t.getSymbol()?.getName() === 'Date');
}
