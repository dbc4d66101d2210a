// Discord from discord-api-types: the five interaction types (`InteractionType`, posted to the
// Interactions Endpoint URL) and the Webhook Events (`ApplicationWebhookEventType`, posted to the
// Webhook Events URL), including that URL's PING, which the app must answer with a bare 204.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { discordHints, APPLICATION } from './discord-hints.mjs';
import { createSampler } from './ts-sample.mjs';
import { literalOf, typeModule, unionMembers } from './ts-types.mjs';
import { typeCheckFile } from './type-check.mjs';

const SOURCE = `import type { APIInteraction, APIWebhookEventBody, InteractionType } from 'discord-api-types/v10';
export type Interactions = APIInteraction;
export type Events = APIWebhookEventBody;
export type Types = InteractionType;
`;

const WHAT = {
  Ping: 'PING (type 1): Discord checks the endpoint; answer {"type":1}',
  ApplicationCommand: 'a slash, user or message command was used (type 2)',
  MessageComponent: 'a button or select menu was used (type 3)',
  ApplicationCommandAutocomplete: 'a command option asks for autocomplete choices (type 4)',
  ModalSubmit: 'a modal was submitted (type 5)',
};

/** The Interactions Endpoint URL's check: PING answered with PONG `{"type":1}`, within 3 s. */
const PONG = {
  name: 'PING',
  status: [200],
  answers: [{ json: { type: { literal: 1 } } }],
  deadlineMs: 3000,
  docs: 'https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint-acknowledging-ping-requests',
};

/** The Webhook Events URL's check: PING (type 0) answered with an empty 204 (discord.com/developers/docs/events/webhook-events). */
const EVENTS_PING = {
  name: 'Webhook Events PING',
  status: [204],
  answers: [{ empty: true }],
  deadlineMs: 3000,
  docs: 'https://discord.com/developers/docs/events/webhook-events#responding-to-a-webhook-event',
};

export async function discordCatalogue(root) {
  const { checker, aliases } = typeModule(root, SOURCE);
  const sample = createSampler(checker, discordHints());
  const curated = (name) => {
    const file = join(root, 'scripts/catalogue/curated/discord', `${name}.json`);
    return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
  };
  const out = { events: [], templates: new Map(), checks: [] };
  const add = (entry, template, type) => {
    out.events.push(entry);
    out.templates.set(entry.name, template);
    out.checks.push({ event: entry.name, type, body: template });
  };
  const interactions = unionMembers(aliases.get('Interactions'));
  for (const kind of unionMembers(aliases.get('Types'))) {
    const member = kind.symbol.getName();
    const name = member.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
    // The first member of that type (chat-input for commands, a button for components).
    const type = interactions.find((t) => literalOf(checker, t, 'type') === kind.value);
    const handshake = member === 'Ping' ? PONG : undefined;
    add(
      { name, description: `interaction: ${WHAT[member]}`, match: { type: kind.value }, ...(handshake ? { handshake } : {}) },
      curated(name) ?? sample(type),
      `Extract<APIInteraction, { type: InteractionType.${member} }>`,
    );
  }
  add(
    { name: 'event_ping', description: 'Webhook Events PING (type 0): Discord checks the Webhook Events URL; answer with an empty 204', match: { type: 0 }, handshake: EVENTS_PING },
    { version: 1, application_id: APPLICATION, type: 0 },
    'APIWebhookEventBase<ApplicationWebhookType.Ping, undefined>',
  );
  for (const body of unionMembers(aliases.get('Events'))) {
    const eventType = checker.getTypeOfSymbol(checker.getPropertyOfType(body, 'type'));
    const event = { ...sample(body, ['event']), timestamp: '{{now:iso}}' };
    add(
      { name: eventType.value, description: `Webhook Event ${eventType.value} (type 1)`, match: { type: 1, 'event.type': eventType.value } },
      { version: 1, application_id: APPLICATION, type: 1, event },
      `APIWebhookEventBase<ApplicationWebhookType.Event, Extract<APIWebhookEventBody, { type: ApplicationWebhookEventType.${eventType.symbol.getName()} }>>`,
    );
  }
  const imports = ["import type { APIInteraction, APIWebhookEventBase, APIWebhookEventBody, ApplicationWebhookEventType, ApplicationWebhookType, InteractionType } from 'discord-api-types/v10';"];
  const types = await typeCheckFile(root, { provider: 'discord', imports, checks: out.checks });
  const version = JSON.parse(readFileSync(join(root, 'node_modules/discord-api-types/package.json'), 'utf8')).version;
  return { meta: { provider: 'discord', source: `discord-api-types@${version} (InteractionType, ApplicationWebhookEventType)` }, events: out.events, templates: out.templates, types };
}
