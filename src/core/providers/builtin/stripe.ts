import type { ProviderProfile } from '../types.js';
import { HOURS, LITERAL_SECRET, MINUTES } from './shapes.js';

export const stripe: ProviderProfile = {
  id: 'stripe',
  name: 'Stripe',
  category: 'payments',
  verifier: { package: 'stripe', call: 'stripe.webhooks.constructEvent(body, signature, secret)' },
  docs: 'https://docs.stripe.com/webhooks',
  // The whole whsec_... string is the key: Stripe does not decode it.
  scheme: {
    content: '{timestamp}.{body}',
    signatures: [{ header: 'Stripe-Signature', algorithm: 'sha256', encoding: 'hex', format: { style: 'kv', separator: ',', timestampKey: 't', signatureKey: 'v1' } }],
    secret: LITERAL_SECRET,
    timestamp: { source: 'signature', unit: 's', tolerance: { pastSec: 300, futureSec: null } },
  },
  request: {
    method: 'POST',
    path: '/webhooks/stripe',
    contentType: 'application/json; charset=utf-8',
    // Stripe's deliveries are 2-space indented, multi-line JSON (stripe-php#884, stripe-java#1151, stripe-dotnet#1506).
    bodyFormat: 'pretty',
    userAgent: 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
    headers: { 'Cache-Control': 'no-cache', Accept: '*/*; q=0.5, application/xml' },
  },
  // Every event type, generated from the stripe package and Stripe's resource examples (docs/events.md).
  events: [],
  catalogue: 'stripe',
  devSecret: 'whsec_hookctl_dev_secret',
  notSecrets: {
    prefixes: ['sk_', 'rk_', 'pk_'],
    is: 'a Stripe API key',
    where: 'Dashboard > Developers > Webhooks > your endpoint > Signing secret (whsec_...), or the whsec_ that `stripe listen` prints',
  },
  delivery: {
    timeoutMs: 20_000,
    retryDelaysSec: [1 * MINUTES, 5 * MINUTES, 30 * MINUTES, 2 * HOURS, 5 * HOURS, 10 * HOURS, 24 * HOURS, 24 * HOURS],
    retryOn: ['1xx', '3xx', '4xx', '5xx'],
    retryOnTimeout: true,
    note: 'exponential backoff for up to 3 days in live mode; the exact schedule is not published, this one approximates it.',
  },
};
