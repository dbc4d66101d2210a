// Every Slack Events API event of @slack/types (`SlackEvent`, its message subtypes spelled out) in
// the `event_callback` envelope, the `url_verification` challenge, the interactivity payloads and
// slash commands of @slack/bolt (form bodies, as Slack posts them). See docs/events.md.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP, BOT_USER, slackHints, TEAM, TOKEN } from './slack-hints.mjs';
import { createSampler } from './ts-sample.mjs';
import { literalOf, nameOf, typeModule, unionMembers } from './ts-types.mjs';
import { typeCheckFile } from './type-check.mjs';

const FORM = 'application/x-www-form-urlencoded';

/** Slack's interactivity payloads (form field `payload`) and their types in @slack/bolt. */
const INTERACTIVE = [
  ['block_actions', 'BlockAction', 'a user clicked a button or chose from a menu in a message, modal or App Home'],
  ['view_submission', 'ViewSubmitAction', 'a user submitted a modal'],
  ['view_closed', 'ViewClosedAction', 'a user closed a modal (sent when the view asked for notify_on_close)'],
  ['shortcut', 'GlobalShortcut', 'a user ran a global shortcut'],
  ['message_action', 'MessageShortcut', 'a user ran a message shortcut on a message'],
  ['block_suggestion', 'BlockSuggestion', 'an external-select menu asked for its options'],
];

/** Slack's answer to url_verification: the challenge as text, or as JSON, within 3 s (api.slack.com/events/url_verification). */
const URL_VERIFICATION = {
  name: 'url_verification',
  status: [200],
  answers: [{ text: { from: 'body', path: 'challenge' } }, { json: { challenge: { from: 'body', path: 'challenge' } } }],
  deadlineMs: 3000,
  docs: 'https://api.slack.com/events/url_verification',
};

const SOURCE = `import type { SlackEvent } from '@slack/types';
import type { ${INTERACTIVE.map(([, t]) => t).join(', ')}, SlashCommand } from '@slack/bolt';
export type All = SlackEvent;
${INTERACTIVE.map(([, t]) => `export type ${t}_ = ${t};`).join('\n')}
export type SlashCommand_ = SlashCommand;
`;

export async function slackCatalogue(root) {
  const { checker, aliases, exportsOf } = typeModule(root, SOURCE);
  const exported = exportsOf('@slack/types');
  const sample = createSampler(checker, slackHints());
  const curated = (name) => {
    const file = join(root, 'scripts/catalogue/curated/slack', `${name}.json`);
    return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
  };
  const events = [];
  const templates = new Map();
  const checks = [];
  const add = (entry, template, check) => {
    events.push(entry);
    templates.set(entry.name, template);
    if (check) checks.push({ event: entry.name, ...check(template) });
  };

  add(
    {
      name: 'url_verification',
      description: 'the challenge Slack sends when the Request URL is saved: answer with its challenge value',
      match: { type: 'url_verification' },
      handshake: URL_VERIFICATION,
    },
    { token: TOKEN, challenge: '{{id::48}}', type: 'url_verification' },
  );
  for (const t of unionMembers(aliases.get('All'))) eventsApi(t, { checker, sample, curated, add, exported });
  for (const [name, type, what] of INTERACTIVE) {
    const payload = curated(name)?.payload ?? sample(aliases.get(`${type}_`));
    add({ name, description: `interactivity: ${what} (form-encoded, JSON in its payload field)`, contentType: FORM, match: { 'payload.type': name } }, { payload }, (t) => ({ type, body: t.payload }));
  }
  const slash = curated('slash_command') ?? sample(aliases.get('SlashCommand_'));
  add({ name: 'slash_command', description: 'a slash command was run (form-encoded)', contentType: FORM, match: { command: true } }, slash, (t) => ({ type: 'SlashCommand', body: t }));

  const names = unionMembers(aliases.get('All'))
    .map(nameOf)
    .filter((n) => exported.has(n));
  const types = await typeCheckFile(root, {
    provider: 'slack',
    imports: [`import type { SlackEvent, ${names.join(', ')} } from '@slack/types';`, `import type { EnvelopedEvent, ${INTERACTIVE.map(([, t]) => t).join(', ')}, SlashCommand } from '@slack/bolt';`],
    checks,
  });
  const version = JSON.parse(readFileSync(join(root, 'node_modules/@slack/types/package.json'), 'utf8')).version;
  const bolt = JSON.parse(readFileSync(join(root, 'node_modules/@slack/bolt/package.json'), 'utf8')).version;
  return { meta: { provider: 'slack', source: `@slack/types@${version} (SlackEvent) + @slack/bolt@${bolt} (interactivity, slash commands)` }, events, templates, types };
}

/** One member of `SlackEvent`: its name (`message.<subtype>` for message subtypes) and its envelope. */
function eventsApi(type, { checker, sample, curated, add, exported }) {
  const kind = literalOf(checker, type, 'type');
  const subtype = literalOf(checker, type, 'subtype');
  const name = subtype ? `${kind}.${subtype}` : kind;
  // A member the package does not export by name is picked out of the union by its type.
  const typeName = exported.has(nameOf(type)) ? nameOf(type) : `Extract<SlackEvent, { type: '${kind}' }>`;
  const words = String(subtype ?? kind).replace(/_/g, ' ');
  // app_rate_limited is an envelope of its own: Slack posts it bare, not inside event_callback.
  if (kind === 'app_rate_limited') {
    add({ name, description: 'Events API: the app is being rate limited (sent bare, outside event_callback)', match: { type: kind } }, sample(type), (t) => ({ type: typeName, body: t }));
    return;
  }
  const description = subtype ? `Events API: a message with subtype ${subtype} (${words})` : `Events API: ${words}`;
  const match = subtype ? { 'event.type': kind, 'event.subtype': subtype } : { 'event.type': kind };
  const template = curated(name) ?? envelope(sample(type));
  add({ name, description, match }, template, (t) => ({ type: `EnvelopedEvent<${typeName}>`, body: t }));
}

/** The `event_callback` wrapper Slack puts around every Events API event. */
function envelope(event) {
  return {
    token: TOKEN,
    team_id: TEAM,
    context_team_id: TEAM,
    api_app_id: APP,
    event,
    type: 'event_callback',
    event_id: 'Ev0{{id::9}}',
    event_time: '{{now:s}}',
    authorizations: [{ enterprise_id: null, team_id: TEAM, user_id: BOT_USER, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event_context: '4-{{id::64}}',
  };
}
