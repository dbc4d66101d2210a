import type { ProviderProfile } from '../types.js';
import { LITERAL_SECRET, prefixed } from './shapes.js';

/**
 * Vercel: hex HMAC-SHA1 of the raw body, keyed with the webhook's secret (an integration's client
 * secret) as text, in x-vercel-signature (vercel.com/docs/webhooks/webhooks-api "Securing
 * webhooks"). No timestamp and no official verifier; the body's `type` names the event.
 */
export const vercel: ProviderProfile = {
  id: 'vercel',
  name: 'Vercel',
  category: 'infrastructure',
  docs: 'https://vercel.com/docs/webhooks/webhooks-api',
  scheme: {
    content: '{body}',
    signatures: [prefixed('x-vercel-signature', '', 'hex', 'sha1')],
    secret: LITERAL_SECRET,
  },
  request: { method: 'POST', path: '/webhooks/vercel', contentType: 'application/json' },
  events: [],
  catalogue: 'vercel',
  // Vercel shows the secret once, when the webhook is created: 24 random characters.
  devSecret: 'hookctlVercelDevSecret24',
  delivery: {
    timeoutMs: 30_000,
    retryDelaysSec: [],
    retryOn: ['5xx'],
    retryOnTimeout: true,
    note: 'Vercel retries failed deliveries, but documents neither its timeout nor its schedule: assumed.',
  },
};
