import type { ProviderProfile } from '../types.js';
import { HOURS, LITERAL_SECRET, MINUTES } from './shapes.js';

export const workos: ProviderProfile = {
  id: 'workos',
  name: 'WorkOS',
  category: 'auth',
  docs: 'https://workos.com/docs/events/data-syncing/webhooks',
  verifier: { package: '@workos-inc/node', call: 'webhooks.constructEvent({ payload, sigHeader, secret })' },
  // `WorkOS-Signature: t=<unix ms>, v1=<hex>` (a comma and a space, as the docs show it). The SDK
  // (lib/factory-*.mjs, SignatureProvider) splits on the comma, HMACs `${t}.${JSON.stringify(payload)}`
  // with the secret's UTF-8 bytes, and rejects a timestamp older than 180,000 ms; it has no future bound.
  // Its re-serialization equals the compact body WorkOS sends.
  scheme: {
    content: '{timestamp}.{body}',
    signatures: [{ header: 'WorkOS-Signature', algorithm: 'sha256', encoding: 'hex', format: { style: 'kv', separator: ', ', timestampKey: 't', signatureKey: 'v1' } }],
    secret: LITERAL_SECRET,
    timestamp: { source: 'signature', unit: 'ms', tolerance: { pastSec: 180, futureSec: null } },
  },
  request: { method: 'POST', path: '/webhooks/workos', contentType: 'application/json' },
  // Every event of the SDK's EventResponse union; the body's `event` names it (no event header).
  events: [],
  catalogue: 'workos',
  // The dashboard's webhook secret is an opaque alphanumeric string, used as it is.
  devSecret: 'hookctlDevWorkosWebhookSecret0',
  delivery: {
    timeoutMs: 10_000,
    retryDelaysSec: [1 * MINUTES, 2 * MINUTES, 4 * MINUTES, 8 * MINUTES, 16 * MINUTES, 32 * MINUTES, 1 * HOURS, 2 * HOURS, 4 * HOURS, 8 * HOURS, 16 * HOURS, 32 * HOURS],
    retryOn: ['1xx', '3xx', '4xx', '5xx'],
    retryOnTimeout: true,
    note: 'WorkOS docs: anything but a 2xx is retried up to 12 times with exponential backoff over 3 days (production; several minutes elsewhere). The schedule and the 10 s timeout are assumptions.',
  },
};
