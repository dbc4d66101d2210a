import type { ProviderProfile } from '../types.js';
import { HOURS, LITERAL_SECRET, MINUTES } from './shapes.js';

export const mux: ProviderProfile = {
  id: 'mux',
  name: 'Mux',
  category: 'media',
  docs: 'https://docs.mux.com/guides/system/verify-webhook-signatures',
  verifier: { package: '@mux/mux-node', call: 'webhooks.unwrap(body, headers, secret)' },
  // `Mux-Signature: t=<unix s>,v1=<hex>`: @mux/mux-node (src/resources/webhooks/webhooks.ts) splits on
  // the comma, tries every v1 against HMAC-SHA256 of `${t}.${raw body}` keyed by the secret's UTF-8
  // bytes, and refuses a timestamp more than 300 s old; it has no future bound.
  scheme: {
    content: '{timestamp}.{body}',
    signatures: [{ header: 'Mux-Signature', algorithm: 'sha256', encoding: 'hex', format: { style: 'kv', separator: ',', timestampKey: 't', signatureKey: 'v1' } }],
    secret: LITERAL_SECRET,
    timestamp: { source: 'signature', unit: 's', tolerance: { pastSec: 300, futureSec: null } },
  },
  request: { method: 'POST', path: '/webhooks/mux', contentType: 'application/json' },
  // Every event of the SDK's UnwrapWebhookEvent union; the body's `type` names it (no event header).
  events: [],
  catalogue: 'mux',
  // The signing secret the dashboard shows for each endpoint, used as it is.
  devSecret: 'hookctlmuxdevsigningsecret000000',
  delivery: {
    timeoutMs: 5_000,
    retryDelaysSec: [1 * MINUTES, 5 * MINUTES, 15 * MINUTES, 30 * MINUTES, 1 * HOURS, 2 * HOURS, 4 * HOURS, 8 * HOURS, 8 * HOURS],
    retryOn: ['1xx', '3xx', '4xx', '5xx'],
    retryOnTimeout: true,
    note: 'docs.mux.com/guides/system/listen-for-webhooks: a 5 s timeout per attempt, anything but a 2xx retried for 24 hours with increasing delays; the schedule itself is approximated.',
  },
};
