import { META_SUBSCRIBE } from './handshakes.js';
import type { EventSpec, ProviderProfile } from '../types.js';
import { HOURS, LITERAL_SECRET, MINUTES, prefixed } from './shapes.js';

type Match = NonNullable<EventSpec['match']>;

// No header names the event: the body's object, then its first change's field or messaging entry.
const change = (object: string, field: string, extra: Match = {}): Match => ({ object, 'entry.0.changes.0.field': field, ...extra });
const messaging = (object: string, kind: string): Match => ({ object, [`entry.0.messaging.0.${kind}`]: true });

export const meta: ProviderProfile = {
  id: 'meta',
  name: 'Meta (WhatsApp, Messenger, Instagram)',
  category: 'messaging',
  docs: 'https://developers.facebook.com/docs/graph-api/webhooks/getting-started',
  // GitHub's header and format: hex HMAC-SHA256 of the raw body, keyed with the app secret as text. Meta
  // signs the body with non-ASCII escaped (\u00e4), so a receiver must hash the bytes it got, never a re-encoding.
  scheme: {
    content: '{body}',
    signatures: [prefixed('X-Hub-Signature-256', 'sha256=')],
    secret: LITERAL_SECRET,
  },
  request: {
    method: 'POST',
    path: '/webhooks/meta',
    contentType: 'application/json',
    // Meta shares GitHub's signature header: this User-Agent is what tells its deliveries apart.
    userAgent: 'facebookexternalua',
  },
  events: [
    {
      name: 'whatsapp.messages',
      description: 'WhatsApp Cloud API: a customer sent a message (field messages, value.messages)',
      match: change('whatsapp_business_account', 'messages', { 'entry.0.changes.0.value.messages': true }),
    },
    {
      name: 'whatsapp.statuses',
      description: 'WhatsApp Cloud API: a sent message was delivered or read, or failed (field messages, value.statuses)',
      match: change('whatsapp_business_account', 'messages', { 'entry.0.changes.0.value.statuses': true }),
    },
    {
      name: 'whatsapp.message_template_status_update',
      description: 'WhatsApp Cloud API: a message template was approved, rejected or paused',
      match: change('whatsapp_business_account', 'message_template_status_update'),
    },
    { name: 'messenger.messages', description: 'Messenger: a person sent the Page a message', match: messaging('page', 'message') },
    { name: 'messenger.messaging_postbacks', description: 'Messenger: a person tapped a postback button', match: messaging('page', 'postback') },
    { name: 'instagram.messages', description: 'Instagram: a person sent the professional account a direct message', match: messaging('instagram', 'message') },
    { name: 'instagram.comments', description: 'Instagram: a person commented on the account’s media', match: change('instagram', 'comments') },
    {
      name: 'subscribe',
      description: 'The verification request: an unsigned GET ?hub.mode=subscribe&hub.challenge=…&hub.verify_token=…; answer the challenge, 403 on a wrong token',
      // The query is the template (`hub.mode` is `{ "hub": { "mode": … } }`): `--set hub.verify_token=<yours>` sends your token.
      request: { method: 'GET', unsigned: true, template: 'query' },
      handshake: META_SUBSCRIBE,
    },
  ],
  devSecret: 'hookctl_meta_dev_app_secret',
  delivery: {
    timeoutMs: 10_000,
    retryDelaysSec: [0, 0, 1 * MINUTES, 15 * MINUTES, 1 * HOURS, 6 * HOURS, 24 * HOURS],
    retryOn: ['1xx', '3xx', '4xx', '5xx'],
    retryOnTimeout: true,
    note: 'documented: anything but a 200 is retried, immediately a few times, then with decreasing frequency for up to 7 days (WhatsApp Cloud API; 36 h for other Graph API topics). The schedule and the 10 s timeout are approximations.',
  },
};
