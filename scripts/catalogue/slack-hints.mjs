// Realistic values for bodies sampled from @slack/types and @slack/bolt: one workspace, one app,
// the ids Slack uses (U… users, C… channels, T… teams), message timestamps as Slack writes them
// ("1700000000.000200", a string) and fresh event ids per delivery.
import ts from 'typescript';
import { OMIT } from './ts-sample.mjs';

export const TEAM = 'T02D4N1JQ8K';
export const APP = 'A06KXH2TQ9L';
export const USER = 'U04R6B8KZ1P';
export const BOT_USER = 'U06KXJ3L5QW';
export const CHANNEL = 'C05PXRT4J2M';
export const TOKEN = 'Jhj5dZrVaK7ZwHHjRyZWjbDl';
const TS = '{{now:s}}.004900';
const TRIGGER = '{{int:1000000000000:9999999999999}}.{{int:1000000000:9999999999}}.{{hex:32}}';

/** By property name: the value Slack sends. */
const BY_KEY = {
  user: USER,
  user_id: USER,
  item_user: BOT_USER,
  inviter: USER,
  actor_id: USER,
  bot_user_id: BOT_USER,
  channel: CHANNEL,
  channel_id: CHANNEL,
  team: TEAM,
  team_id: TEAM,
  context_team_id: TEAM,
  user_team: TEAM,
  source_team: TEAM,
  api_app_id: APP,
  app_id: APP,
  bot_id: 'B06KXJ3M7RT',
  file_id: 'F07B2KQ9LZX',
  subteam_id: 'S05QW2E8R1T',
  workflow_id: 'Wf07B3LM9QPX',
  function_execution_id: 'Fx07B3LN2KJD',
  ts: TS,
  event_ts: TS,
  message_ts: TS,
  thread_ts: '{{now:s:-5m}}.000100',
  deleted_ts: '{{now:s:-1m}}.000300',
  latest: TS,
  action_ts: '{{now:s}}.183400',
  trigger_id: TRIGGER,
  token: TOKEN,
  reaction: 'thumbsup',
  text: 'Deploy to production finished :white_check_mark:',
  name: 'deploys',
  email: 'ada@hookctl.dev',
  domain: 'hookctl-dev',
  team_domain: 'hookctl-dev',
  user_name: 'ada',
  username: 'ada',
  channel_name: 'deploys',
  response_url: 'https://hooks.slack.com/actions/T02D4N1JQ8K/{{int:1000000000000:9999999999999}}/{{id::24}}',
  url: 'https://hookctl-dev.slack.com/archives/C05PXRT4J2M/p1700000000004900',
  callback_id: 'deploy_approval',
  action_id: 'approve_deploy',
  block_id: 'deploy_block',
  value: 'deploy-4821',
  emoji: ':rocket:',
  status_emoji: ':rocket:',
  status_text: 'Deploying',
  color: '4bbe2e',
  enterprise_id: OMIT,
  enterprise: OMIT,
};

/** Slack's id prefix for an object's `id`, by the key that holds the object. */
const ID_PREFIX = { user: 'U', channel: 'C', team: 'T', file: 'F', subteam: 'S', app: 'A', bot: 'B', view: 'V', enterprise: 'E', workflow: 'Wf', message: 'M' };

/** Optional properties worth showing: the ones a receiver reads. */
const SHOWN = new Set(['channel_type', 'client_msg_id', 'team', 'thread_ts', 'bot_id', 'item_user', 'event_ts', 'is_bot', 'real_name', 'display_name']);

export function slackHints() {
  return {
    value(path, type) {
      const key = path.at(-1);
      const v = BY_KEY[key];
      if (v === OMIT) return OMIT;
      if (v !== undefined && accepts(type, v)) return v;
      const id = `${ID_PREFIX[path.at(-2)] ?? 'X'}07B2KQ9LZX`;
      return key === 'id' && accepts(type, id) ? id : undefined;
    },
    optional: (path) => path.length <= 2 && SHOWN.has(path.at(-1)),
    string: (path) => `example ${String(path.at(-1) ?? 'text').replace(/_/g, ' ')}`,
    number: (path) => (/(^|_)(time|ts|created|updated|date)$|_at$/.test(path.at(-1) ?? '') ? '{{now:s}}' : 1),
  };
}

/** Whether the hinted value fits the property's type (a string hint for a string property). */
function accepts(type, value) {
  // A whole `{{now:s}}` or `{{int:…}}` token renders as a number; any other text stays a string.
  const want = typeof value === 'number' || /^\{\{(now:m?s|int)[^}]*\}\}$/.test(value) ? ts.TypeFlags.NumberLike : ts.TypeFlags.StringLike;
  const types = type.isUnion() ? type.types : [type];
  return types.some((t) => t.flags & want && !t.isLiteral());
}
