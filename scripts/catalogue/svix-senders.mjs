// The generated catalogues of the providers in src/core/providers/builtin/svix-senders.ts, each
// from its own SDK's published union of event types: `build(root)` -> { meta, events, templates, types }.
import { literalOf } from './ts-types.mjs';
import { idKind, senderHints } from './sender-hints.mjs';
import { unionCatalogue } from './union-catalogue.mjs';

/** OpenAI's object ids by the event's family (platform.openai.com/docs/api-reference/webhook-events). */
const OPENAI_IDS = { batch: 'batch_', response: 'resp_', fine_tuning: 'ftjob-', eval: 'evalrun_', realtime: 'rtc_', agent: 'agent_', live: 'live_', safety: 'safety_' };

const openai = (root) =>
  unionCatalogue(root, {
    provider: 'openai',
    pkg: 'openai',
    importLine: "import type { UnwrapWebhookEvent } from 'openai/resources/webhooks';",
    typeName: 'UnwrapWebhookEvent',
    source: 'resources/webhooks UnwrapWebhookEvent',
    hints: (name) =>
      senderHints({
        id: (path) => (path.length === 1 ? 'evt_{{hex:32#event}}' : `${OPENAI_IDS[name.split('.')[0]] ?? 'obj_'}{{hex:32#${idKind(path)}}}`),
        byKey: { object: 'event' },
      }),
  });

/** Clerk's ids: a prefix for the object and 27 base62 characters (`user_2x...`), times in Unix milliseconds. */
const CLERK_IDS = {
  user: 'user_',
  session: 'sess_',
  email: 'ema_',
  sms: 'sms_',
  organization: 'org_',
  organizationDomain: 'orgdmn_',
  organizationMembership: 'orgmem_',
  organizationInvitation: 'orginv_',
  role: 'role_',
  permission: 'perm_',
  waitlistEntry: 'wle_',
  paymentAttempt: 'bpa_',
  subscription: 'csub_',
  subscriptionItem: 'csubi_',
};

/** The prefix of the id a key names: the event's own object, a `<kind>_id`, else an identification's `idn_`. */
function clerkPrefix(path, name) {
  const key = String(path.at(-1));
  if (path.length === 2 && path[0] === 'data' && key === 'id') return CLERK_IDS[name.split('.')[0]] ?? 'obj_';
  const kind = key === 'id' ? String(path.at(-2)) : key.replace(/_id$/, '');
  return { user: 'user_', organization: 'org_', session: 'sess_', instance: 'ins_', client: 'client_', role: 'role_' }[kind] ?? 'idn_';
}

const clerk = (root) =>
  unionCatalogue(root, {
    provider: 'clerk',
    pkg: '@clerk/backend',
    importLine: "import type { WebhookEvent } from '@clerk/backend';",
    typeName: 'WebhookEvent',
    source: 'dist/api/resources/Webhooks.d.ts WebhookEvent',
    depth: 9,
    hints: (name) =>
      senderHints({
        ms: true,
        id: (path) => `${clerkPrefix(path, name)}{{id::27#${idKind(path)}}}`,

        optional: (path) => path.length <= 2,
      }),
  });

const resend = (root) =>
  unionCatalogue(root, {
    provider: 'resend',
    pkg: 'resend',
    importLine: "import type { WebhookEventPayload } from 'resend';",
    typeName: 'WebhookEventPayload',
    source: 'dist/index.d.mts WebhookEventPayload',
    hints: (name) => senderHints({ byKey: name.startsWith('email.') ? { to: ['jane@hookctl.dev'], tags: { category: 'receipt' } } : {} }),
    // What Amazon SES, under Resend, says of a hard bounce.
    finish: (t, name) =>
      name === 'email.bounced' ? { ...t, data: { ...t.data, bounce: { message: "The recipient's email provider sent a hard bounce message.", subType: 'General', type: 'Permanent' } } } : t,
  });

const polar = (root) =>
  unionCatalogue(root, {
    provider: 'polar',
    pkg: '@polar-sh/sdk',
    importLine: "import type { webhooks } from '@polar-sh/sdk/2027-01';",
    typeName: 'webhooks.WebhookPayload',
    source: '2027-01 webhooks.WebhookPayload, the 42 types validateEvent knows',
    depth: 8,
    // A meter's filter is a tree of clauses (Filter within Filter): an empty tree is a valid one.
    hints: () => senderHints({ byKey: { api_version: '2027-01', clauses: [] }, optional: () => false }),
  });

const liveblocks = (root) =>
  unionCatalogue(root, {
    provider: 'liveblocks',
    pkg: '@liveblocks/node',
    importLine: "import type { WebhookEvent } from '@liveblocks/node';",
    typeName: 'WebhookEvent',
    source: 'dist/index.d.ts WebhookEvent',
    // Three notification kinds share `type: "notification"`: each is its own event, told apart by data.kind.
    variant: (checker, member, literal) => {
      if (literal !== 'notification') return undefined;
      const data = checker.getTypeOfSymbol(checker.getPropertyOfType(member, 'data'));
      const kind = literalOf(checker, data, 'kind') ?? 'custom';
      // A custom kind is any `$`-prefixed name the app chose; `$custom` stands for one.
      const name = kind === 'custom' ? '$custom' : kind;
      return { name: `notification.${name}`, match: { type: 'notification', 'data.kind': name } };
    },
    finish: (t, name) => (name === 'notification.$custom' ? { ...t, data: { ...t.data, kind: '$custom' } } : t),
    hints: () => senderHints({ byKey: { projectId: '{{id:pr_:24}}', roomId: 'my-room-{{int:1000:9999}}', kind: undefined }, id: (path) => `{{id:${idKind(path).slice(0, 2)}_:24#${idKind(path)}}}` }),
  });

const replicate = async (root) => (await import('./replicate.mjs')).replicateCatalogue(root);

export const SVIX_PARTS = { openai, clerk, resend, polar, liveblocks, replicate };
