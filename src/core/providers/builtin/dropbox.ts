import { DROPBOX_CHALLENGE } from './handshakes.js';
import type { ProviderProfile } from '../types.js';
import { LITERAL_SECRET, MINUTES, prefixed } from './shapes.js';

export const dropbox: ProviderProfile = {
  id: 'dropbox',
  name: 'Dropbox',
  category: 'productivity',
  docs: 'https://www.dropbox.com/developers/reference/webhooks',
  // Bare hex HMAC-SHA256 of the body, keyed with the app secret as text; no timestamp.
  scheme: {
    content: '{body}',
    signatures: [prefixed('X-Dropbox-Signature', '')],
    secret: LITERAL_SECRET,
  },
  request: {
    method: 'POST',
    path: '/webhooks/dropbox',
    contentType: 'application/json',
    userAgent: 'DropboxWebhooks/1.0',
  },
  events: [
    {
      name: 'list_folder',
      description: 'Files changed for these accounts: a signal to call /files/list_folder/continue (the body carries no changes)',
      match: { 'list_folder.accounts': true },
    },
    {
      name: 'verification',
      description: 'The endpoint check: an unsigned GET ?challenge=…; echo the challenge as text/plain (with X-Content-Type-Options: nosniff) within 10 s',
      request: { method: 'GET', unsigned: true, template: 'query' },
      handshake: DROPBOX_CHALLENGE,
    },
  ],
  devSecret: 'hookctl_dropbox_dev_app_secret',
  delivery: {
    timeoutMs: 10_000,
    retryDelaysSec: [1 * MINUTES, 5 * MINUTES, 15 * MINUTES, 30 * MINUTES],
    retryOn: ['1xx', '3xx', '4xx', '5xx'],
    retryOnTimeout: true,
    note: "documented: answer within 10 s. That a failed notification is re-sent with back-off is not confirmed from Dropbox's docs here: the delays are an approximation.",
  },
};
