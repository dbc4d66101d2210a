import type { ProviderProfile } from '../types.js';
import { LITERAL_SECRET, prefixed } from './shapes.js';

/**
 * Lemon Squeezy: hex HMAC-SHA256 of the raw body, keyed with the webhook's signing secret as text,
 * in X-Signature (docs.lemonsqueezy.com/help/webhooks/signing-requests). It has no official
 * verifier (@lemonsqueezy/lemonsqueezy.js 4.0.0 has none); X-Event-Name names the event.
 */
export const lemonsqueezy: ProviderProfile = {
  id: 'lemonsqueezy',
  name: 'Lemon Squeezy',
  category: 'payments',
  docs: 'https://docs.lemonsqueezy.com/help/webhooks/signing-requests',
  scheme: {
    content: '{body}',
    signatures: [prefixed('X-Signature', '')],
    secret: LITERAL_SECRET,
  },
  request: {
    method: 'POST',
    path: '/webhooks/lemonsqueezy',
    contentType: 'application/json',
    // Other providers sign in an X-Signature too: this header tells Lemon Squeezy apart.
    eventHeader: { name: 'X-Event-Name', value: '{event}' },
  },
  events: [],
  catalogue: 'lemonsqueezy',
  // The signing secret is whatever the seller typed: "normally a random string between 6 and 40 characters".
  devSecret: 'lmsqz_hookctl_dev_signing_secret',
  delivery: {
    timeoutMs: 10_000,
    retryDelaysSec: [5, 25, 125],
    retryOn: ['1xx', '3xx', '4xx', '5xx'],
    retryOnTimeout: true,
    note: 'any status but 200 is retried 3 times, after 5, 25 and 125 s (docs/help/webhooks/webhook-requests); a 2xx other than 200 is retried too; timeout assumed.',
  },
};
