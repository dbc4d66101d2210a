// Realistic values for bodies sampled from @linear/sdk's webhook payload types: one workspace, UUID
// ids where an entity and its `<entity>Id` agree (`teamId` is `team.id`), ISO times, and the
// millisecond `webhookTimestamp` Linear's SDK checks against its clock.
import ts from 'typescript';
import { accepts, OMIT } from './ts-sample.mjs';

export const ORG = '7c1b3a52-9d4e-4f86-b0a1-2e5d8c6f9a13';
const WEBHOOK = '3f8e2d61-4b7a-4c9e-a5d0-6b1f7e2c9d84';

const BY_KEY = {
  organizationId: ORG,
  webhookId: WEBHOOK,
  webhookTimestamp: '{{now:ms}}',
  createdAt: '{{now:isoms}}',
  updatedAt: '{{now:isoms}}',
  url: 'https://linear.app/hookctl/issue/ENG-142/webhook-retries-are-processed-twice',
  email: 'jane@hookctl.dev',
  name: 'Jane Cooper',
  title: 'Webhook retries are processed twice',
  identifier: 'ENG-142',
  key: 'ENG',
  color: '#5e6ad2',
  number: 142,
  priority: 2,
  priorityLabel: 'High',
  body: 'Deduplicate on the Linear-Delivery header.',
  description: 'When the endpoint times out, Linear retries and the delivery is processed twice.',
  emoji: 'rocket',
};

/** Properties a receiver reads first, shown though optional. */
const SHOWN = new Set(['actor', 'url']);

export function linearHints(action) {
  return {
    value(path, type) {
      const key = path.at(-1);
      // GraphQL's __typename is the SDK's, never in a delivery.
      if (key === '__typename') return OMIT;
      if (key === 'type' && path.length === 2 && path[0] === 'actor') return 'user';
      if (key === 'name' && !/^(actor|user|creator|assignee)$/.test(path.at(-2) ?? '')) return fits(type, '') ? 'Webhook reliability' : undefined;
      const v = BY_KEY[key];
      if (v !== undefined && fits(type, v)) return v;
      if (key === 'id' && fits(type, '')) return uuidOf(path.at(-2) ?? 'data');
      if (/Ids?$/.test(key) && fits(type, '')) return uuidOf(key.replace(/Ids?$/, ''));
      if (/At$/.test(key) && accepts(type, ts.TypeFlags.Null)) return key === `${action}dAt` ? '{{now:isoms}}' : null;
      return undefined;
    },
    // The entity's own fields are all sent; nested objects carry their required fields only.
    optional: (path) => (path.length === 1 && SHOWN.has(path[0])) || (path.length === 2 && path[0] === 'data'),
    string: (path) => (/At$/.test(path.at(-1) ?? '') ? '{{now:isoms}}' : `example ${path.at(-1) ?? 'text'}`),
    number: () => 1,
  };
}

/** One UUID per kind of entity, the same wherever that entity is named in one delivery. */
function uuidOf(kind) {
  return `{{uuid#${kind.replace(/^(creator|assignee|actor|user|subscriber)s?$/, 'user')}}}`;
}

function fits(type, value) {
  return accepts(type, typeof value === 'number' || /^\{\{now:m?s/.test(value) ? ts.TypeFlags.NumberLike : ts.TypeFlags.StringLike) || isDate(type);
}

function isDate(type) {
  return (type.isUnion() ? type.types : [type]).some((t) => t.getSymbol()?.getName() === 'Date');
}
