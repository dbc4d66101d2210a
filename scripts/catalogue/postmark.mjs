// Postmark's seven webhooks: the payload types of postmark's `Models` (dist/client/models/webhooks/
// payload/*Webhook.d.ts), each sampled and type-checked. Six name themselves by `RecordType`; the
// inbound email has none, and is known by its parsed sender (`FromFull`).
import { createSampler } from './ts-sample.mjs';
import { senderHints } from './sender-hints.mjs';
import { typeModule } from './ts-types.mjs';
import { typeCheckFile } from './type-check.mjs';
import { versionOf } from './union-catalogue.mjs';

const EVENTS = [
  ['Delivery', 'DeliveryWebhook', 'an email reached the recipient'],
  ['Bounce', 'BounceWebhook', 'an email bounced'],
  ['SpamComplaint', 'SpamComplaintWebhook', 'a recipient marked an email as spam'],
  ['Open', 'OpenWebhook', 'a recipient opened an email'],
  ['Click', 'ClickWebhook', 'a recipient clicked a tracked link'],
  ['SubscriptionChange', 'SubscriptionChangeWebhook', "a recipient's suppression changed (unsubscribe, bounce, resubscribe)"],
  ['Inbound', 'InboundWebhook', 'an email arrived at the inbound address'],
];

const hints = () =>
  senderHints({
    id: (path) => (String(path.at(-1)) === 'ServerID' ? 23 : '{{uuid#message}}'),
    byKey: {
      Recipient: 'jane@hookctl.dev',
      Email: 'jane@hookctl.dev',
      From: 'jane@hookctl.dev',
      To: 'support@inbound.acme.dev',
      MessageStream: 'outbound',
      Subject: 'Your receipt from Acme',
      Tag: 'receipt',
      ServerID: 23,
      Type: 'HardBounce',
      TypeCode: 1,
      Name: 'Hard bounce',
      Description: 'The server was unable to deliver your message (ex: unknown user, mailbox not found).',
      Details: 'smtp;550 5.1.1 The email account that you tried to reach does not exist.',
    },
    optional: () => false,
  });

export async function postmarkCatalogue(root) {
  const { checker, aliases } = typeModule(root, `import type { Models } from 'postmark';\n${EVENTS.map(([, t]) => `export type ${t} = Models.${t};`).join('\n')}\n`);
  const templates = new Map();
  const checks = [];
  for (const [name, type] of EVENTS) {
    const body = createSampler(checker, hints(), 4)(aliases.get(type));
    if (name !== 'Inbound') body.RecordType = name;
    templates.set(name, body);
    checks.push({ event: name, type: `Models.${type}`, body });
  }
  const events = EVENTS.map(([name, , description]) => ({ name, description, match: name === 'Inbound' ? { FromFull: true } : { RecordType: name } }));
  const types = await typeCheckFile(root, { provider: 'postmark', imports: ["import type { Models } from 'postmark';"], checks });
  return { meta: { provider: 'postmark', source: `postmark@${versionOf(root, 'postmark')} (Models.*Webhook payload types)` }, events, templates, types };
}
