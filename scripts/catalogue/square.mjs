// Every Square webhook event of the `square` SDK: each `api/types/*Event.d.ts` interface with the
// webhook envelope (merchantId, type, eventId, createdAt, data) — 149 in square@46.0.0; the generic
// `Event` (the Events API's) and the three `*Event` records that are no notification
// (CashDrawerShiftEvent, LoyaltyEvent, SubscriptionEvent) lack `eventId`. The event's name is the
// literal its `type` doc comment gives (`"payment.created"`), else its words joined by dots
// (DisputeEvidenceAddedEvent: dispute.evidence.added). Bodies are sampled from the same types and
// written in the wire's snake_case by the SDK's own serializers (`serialization.<Event>.jsonOrThrow`),
// so the SDK's strict parser reads each back (test/catalogue/square.test.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import ts from 'typescript';
import { createSampler } from './ts-sample.mjs';
import { typeModule } from './ts-types.mjs';
import { MERCHANT, snake, squareHints } from './square-hints.mjs';

/** The SDK's webhook event interfaces, by file: those whose envelope carries an `eventId`. */
export function squareEventTypes(root) {
  const dir = join(root, 'node_modules/square/api/types');
  return readdirSync(dir)
    .filter((f) => /^[A-Z]\w*Event\.d\.ts$/.test(f) && f !== 'Event.d.ts')
    .filter((f) => /^\s+eventId\?:/m.test(readFileSync(join(dir, f), 'utf8')))
    .map((f) => f.replace(/\.d\.ts$/, ''))
    .sort();
}

export function squareCatalogue(root) {
  const names = squareEventTypes(root);
  const source = ["import type * as Square from 'square';", ...names.map((n) => `export type ${n} = Square.${n};`)].join('\n');
  const { checker, aliases } = typeModule(root, source);
  const { serialization } = createRequire(join(root, 'package.json'))('square');
  const sample = createSampler(checker, squareHints(), 12);
  const events = [];
  const templates = new Map();
  for (const typeName of names) {
    const type = aliases.get(typeName);
    const name = eventName(checker, type, typeName);
    const body = sample(type);
    const data = body.data ?? {};
    // The entity's key under data.object (`payment`); a few events type it plainly `object`.
    const objectKey = Object.keys(data.object ?? {}).find((k) => k !== 'object');
    const wire = toWire(
      serialization[typeName].jsonOrThrow({
        ...body,
        type: name,
        createdAt: '{{now:iso}}',
        merchantId: MERCHANT,
        data: { ...data, type: dataType(checker, type) ?? snake(objectKey ?? name.split('.')[0]) },
      }),
    );
    events.push({ name, description: describe(checker, type, name), match: { type: name } });
    templates.set(name, wire);
  }
  const version = JSON.parse(readFileSync(join(root, 'node_modules/square/package.json'), 'utf8')).version;
  return { meta: { provider: 'square', source: `square@${version} (api/types/*Event.d.ts with the webhook envelope)` }, events, templates };
}

/** The doc comment of a property of a type, on one line. */
function propDoc(checker, type, key) {
  const prop = checker.getPropertyOfType(checker.getNonNullableType(type), key);
  return prop ? ts.displayPartsToString(prop.getDocumentationComment(checker)).replace(/\s+/g, ' ') : '';
}

export function eventName(checker, type, typeName) {
  const literal = propDoc(checker, type, 'type').match(/`"?([a-z_]+(?:\.[a-z_]+)+)"?\.?`/);
  if (literal) return literal[1];
  return typeName
    .replace(/Event$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1.$2')
    .toLowerCase();
}

/** data.type as the SDK documents it (`"payment"`). */
function dataType(checker, type) {
  const data = checker.getPropertyOfType(type, 'data');
  if (!data) return undefined;
  return propDoc(checker, checker.getTypeOfSymbol(data), 'type').match(/`"?([a-z_]+)"?`/)?.[1];
}

/** The interface's "Published when ..." sentence, shortened and in lower case. */
function describe(checker, type, name) {
  const doc = ts
    .displayPartsToString((type.aliasSymbol ?? type.getSymbol()).getDocumentationComment(checker))
    .replace(/\s+/g, ' ')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1');
  const when = doc.match(/Published (?:when|whenever|after|if) ([^.]+)/i)?.[1];
  // "A booking ..." reads "a booking ..."; a sentence that opens with "Square" keeps its capital.
  return when ? when.trim().replace(/^(A|An|The) /, (w) => w.toLowerCase()) : name.replace(/[._]/g, ' ');
}

/** The serializer's output as JSON: its bigints (money amounts) as numbers. */
function toWire(value) {
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? Number(v) : v)));
}
