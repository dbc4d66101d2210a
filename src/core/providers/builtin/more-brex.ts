import type { ProviderProfile } from '../types.js';
import { standardWebhooksScheme, SVIX_DELIVERY, SVIX_NAMES } from './standard-webhooks.js';

// developer.brex.com/docs/webhooks ("Verify the signature") names the spec's headers, Webhook-Id,
// Webhook-Timestamp and Webhook-Signature, so the scheme keeps those names and accepts svix-* too.
const scheme = standardWebhooksScheme({ 'webhook-id': 'webhook-id', 'webhook-timestamp': 'webhook-timestamp', 'webhook-signature': 'webhook-signature' }, SVIX_NAMES);

/** Brex delivers through Svix: Standard Webhooks' v1 HMAC, its key the base64 secret `GET /v1/webhooks/secrets` returns. */
export const brex: ProviderProfile = {
  id: 'brex',
  name: 'Brex',
  category: 'payments',
  verifier: { package: 'svix', call: 'new Webhook(secret).verify(body, headers)' },
  docs: 'https://developer.brex.com/docs/webhooks',
  // Only v1 (HMAC): Brex signs with no v1a key pair. The whsec_ prefix is optional (crypto.ts strips it when present).
  scheme: { ...scheme, signatures: scheme.signatures.slice(0, 1) },
  // No header names the event: the body's event_type does (catalogue `match`).
  request: { method: 'POST', path: '/webhooks/brex', contentType: 'application/json' },
  events: [],
  catalogue: 'brex',
  devSecret: `whsec_${Buffer.from('hookctl-brex-development-key').toString('base64')}`,
  delivery: { ...SVIX_DELIVERY, note: `Brex does not document its retries; assumed Svix's own schedule (${SVIX_DELIVERY.note})` },
};
