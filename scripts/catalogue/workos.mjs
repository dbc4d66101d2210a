// Every WorkOS event of @workos-inc/node: the members of its `EventResponse` union (the wire shape,
// snake_case, that `webhooks.constructEvent` deserializes), each body sampled from that member's
// `data` type inside WorkOS's event envelope `{ id, event, data, created_at }`. No header names the
// event, so each is matched by the body's `event` field.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSampler } from './ts-sample.mjs';
import { literalOf, typeModule, unionMembers } from './ts-types.mjs';
import { typeCheckFile } from './type-check.mjs';
import { workosHints } from './workos-hints.mjs';

const SOURCE = `import type { EventResponse } from '@workos-inc/node';
export type All = EventResponse;
`;

export async function workosCatalogue(root) {
  const { checker, aliases } = typeModule(root, SOURCE);
  const events = [];
  const templates = new Map();
  const checks = [];
  for (const member of unionMembers(aliases.get('All'))) {
    const name = literalOf(checker, member, 'event');
    if (typeof name !== 'string') throw new Error('workos: an EventResponse member has no literal `event`');
    const data = checker.getTypeOfSymbol(checker.getPropertyOfType(member, 'data'));
    const sample = createSampler(checker, workosHints(name), 6);
    // WorkOS's envelope (workos.com/docs/events): the event's own id, its name, the object, and when.
    const template = { id: '{{id:event_01:24#event}}', event: name, data: sample(data, ['data']), created_at: '{{now:isoms}}' };
    events.push({ name, description: describe(name), match: { event: name } });
    templates.set(name, template);
    checks.push({ event: name, type: `Extract<EventResponse, { event: '${name}' }>`, body: template });
  }
  const types = await typeCheckFile(root, { provider: 'workos', imports: ["import type { EventResponse } from '@workos-inc/node';"], checks });
  const version = JSON.parse(readFileSync(join(root, 'node_modules/@workos-inc/node/package.json'), 'utf8')).version;
  return { meta: { provider: 'workos', source: `@workos-inc/node@${version} (EventResponse)` }, events, templates, types };
}

/** `user.created` → "a user was created"; `authentication.sso_failed` → "authentication: sso failed". */
function describe(name) {
  const parts = name.split('.');
  const action = (parts.pop() ?? '').replace(/_/g, ' ');
  const entity = parts
    .join(' ')
    .replace(/^dsync\b/, 'directory')
    .replace(/_/g, ' ');
  if (parts[0] === 'authentication') return `authentication: ${action.replace(/\bsso\b/, 'SSO').replace(/\bmfa\b/, 'MFA')}`;
  if (name === 'password_reset.succeeded') return 'a password reset succeeded';
  if (action.includes(' ')) return `${entity}: ${action}`;
  if (parts[0] === 'vault') return `vault ${parts.slice(1).join(' ')} ${parts[1] === 'names' ? 'were' : 'was'} ${action}`;
  return `${/^[aeio]/.test(entity) ? 'an' : 'a'} ${entity} was ${action}`;
}
