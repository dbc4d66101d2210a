// Every Linear webhook of @linear/sdk: each entity of `LinearWebhookEventTypeMap` × create, update,
// remove (updates carry `updatedFrom`), and the app-level payloads (IssueSLA, OAuthApp,
// AppUserNotification, PermissionChange, AgentSessionEvent) with the actions Linear documents.
// Bodies are sampled from the SDK's payload types; `webhookTimestamp` is the field the SDK checks.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSampler } from './ts-sample.mjs';
import { literalOf, typeModule, unionMembers } from './ts-types.mjs';
import { linearHints, ORG } from './linear-hints.mjs';
import { typeCheckFile } from './type-check.mjs';

const SOURCE = `import type { LinearWebhookEventTypeMap } from '@linear/sdk/webhooks';
export type Map = LinearWebhookEventTypeMap;
`;

/**
 * The actions of the payloads that are not entity changes: linear.app/developers/webhooks and
 * /agents (the SDK types `action` as a plain string). AppUserNotification's actions are the
 * notification types, read from the SDK's `*NotificationType` scalars.
 */
const SPECIAL = {
  IssueSLA: { actions: ['set', 'highRisk', 'breached'], what: 'an issue SLA' },
  OAuthApp: { actions: ['revoked'], what: 'the OAuth app was revoked by the workspace' },
  PermissionChange: { actions: ['teamAccessChanged'], what: "the app user's team access changed" },
  AgentSessionEvent: { actions: ['created', 'prompted'], what: 'an agent session' },
};

export async function linearCatalogue(root) {
  const { checker, aliases } = typeModule(root, SOURCE);
  const map = aliases.get('Map');
  const notificationTypes = scalarLiterals(root);
  const events = [];
  const templates = new Map();
  const checks = [];
  for (const prop of checker.getPropertiesOfType(map)) {
    const type = prop.getName();
    const payload = checker.getTypeOfSymbol(prop);
    const actions = type === 'AppUserNotification' ? notificationTypes : (SPECIAL[type]?.actions ?? ['create', 'update', 'remove']);
    for (const action of actions) {
      const name = `${type}.${action}`;
      const file = join(root, 'scripts/catalogue/curated/linear', `${name}.json`);
      const sample = createSampler(checker, linearHints(action), 6);
      const template = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { ...sample(payload), action, type, ...(action === 'update' ? { updatedFrom: updatedFrom() } : {}) };
      // The notification is a union by `type`: the member this action names.
      if (type === 'AppUserNotification') template.notification = sample(memberOf(checker, payload, 'notification', action), ['notification']);
      events.push({ name, description: describe(type, action) });
      templates.set(name, template);
      checks.push({ event: name, type: `LinearWebhookEventTypeMap['${type}']`, body: template });
    }
  }
  const types = await typeCheckFile(root, { provider: 'linear', imports: ["import type { LinearWebhookEventTypeMap } from '@linear/sdk/webhooks';"], checks });
  const version = JSON.parse(readFileSync(join(root, 'node_modules/@linear/sdk/package.json'), 'utf8')).version;
  return { meta: { provider: 'linear', source: `@linear/sdk@${version} (LinearWebhookEventTypeMap)`, organizationId: ORG }, events, templates, types };
}

function memberOf(checker, payload, key, action) {
  const union = checker.getNonNullableType(checker.getTypeOfSymbol(checker.getPropertyOfType(payload, key)));
  const member = unionMembers(union).find((t) => literalOf(checker, t, 'type') === action);
  if (!member) throw new Error(`linear: no ${key} type for ${action}`);
  return member;
}

function describe(type, action) {
  if (SPECIAL[type]) return `${SPECIAL[type].what}${type === 'IssueSLA' || type === 'AgentSessionEvent' ? `: ${action}` : ''}`;
  if (type === 'AppUserNotification') return `a notification for the app user: ${action}`;
  const entity = type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return `${/^[aeiou]/.test(entity) ? 'an' : 'a'} ${entity} was ${{ create: 'created', update: 'updated', remove: 'removed' }[action]}`;
}

/** What an update changed, as Linear sends it: the previous values of the changed fields. */
function updatedFrom() {
  return { updatedAt: '{{now:isoms:-2h}}', title: 'Webhook retries are processed twice (draft)' };
}

/** The notification types the SDK names as scalars (`IssueAssignedToYouNotificationType: "issueAssignedToYou"`). */
function scalarLiterals(root) {
  const dir = join(root, 'node_modules/@linear/sdk/dist');
  // The types live in a hashed chunk the entry point names (`from "./index-<hash>.mjs"`).
  const chunk = readFileSync(join(dir, 'index.d.mts'), 'utf8').match(/from "\.\/(index-[^".]+)\.mjs"/)[1];
  const file = readFileSync(join(dir, `${chunk}.d.mts`), 'utf8');
  const scalars = file.slice(file.indexOf('type Scalars = {'), file.indexOf('};', file.indexOf('type Scalars = {')));
  return [...scalars.matchAll(/^\s+\w+NotificationType: "(\w+)";/gm)].map((m) => m[1]);
}
