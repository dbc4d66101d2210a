import type { Scheme } from '../../signing/index.js';
import type { DeliveryPolicy, EventSpec, ProviderProfile } from '../types.js';
import { HOURS, MINUTES } from './shapes.js';

export const SVIX_NAMES = { 'webhook-id': 'svix-id', 'webhook-timestamp': 'svix-timestamp', 'webhook-signature': 'svix-signature' };
export const WEBHOOK_NAMES = Object.fromEntries(Object.entries(SVIX_NAMES).map(([a, b]) => [b, a]));

/** The Standard Webhooks scheme under the given header names (Svix's `svix-*` or the spec's `webhook-*`). */
export function standardWebhooksScheme(names: Record<string, string>, aliases: Record<string, string>): Scheme {
  return {
    content: '{id}.{timestamp}.{body}',
    // v1 is HMAC-SHA256 with a whsec_ secret, v1a Ed25519 with a whsk_ signing / whpk_ verifying key:
    // the key's prefix picks the signature, both may share the header (rotation between them).
    signatures: [
      { header: names['webhook-signature'] as string, algorithm: 'sha256', encoding: 'base64', format: { style: 'prefixed', prefix: 'v1,', separator: ' ' } },
      {
        header: names['webhook-signature'] as string,
        algorithm: 'ed25519',
        encoding: 'base64',
        format: { style: 'prefixed', prefix: 'v1a,', separator: ' ' },
        key: { encoding: 'base64', privatePrefix: 'whsk_', publicPrefix: 'whpk_' },
      },
    ],
    secret: { encoding: 'base64', prefix: 'whsec_' },
    timestamp: { source: 'header', header: names['webhook-timestamp'] as string, unit: 's', tolerance: { pastSec: 300, futureSec: 300 } },
    id: { header: names['webhook-id'] as string, prefix: 'msg_' },
    headerAliases: [aliases],
  };
}

const events: EventSpec[] = [
  { name: 'user.created', description: 'a user signed up' },
  { name: 'invoice.paid', description: 'an invoice was paid' },
  { name: 'email.delivered', description: 'an email reached the recipient (Resend-style)' },
];

export const SVIX_DELIVERY: DeliveryPolicy = {
  timeoutMs: 15_000,
  retryDelaysSec: [0, 5, 5 * MINUTES, 30 * MINUTES, 2 * HOURS, 5 * HOURS, 10 * HOURS, 10 * HOURS],
  retryOn: ['1xx', '3xx', '4xx', '5xx'],
  retryOnTimeout: true,
  stopOn: [410],
  note: 'Svix schedule: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h; 410 Gone disables the endpoint.',
};

// The dev secret is whsec_ + base64("hookctl-development-secret!"): Standard Webhooks decodes it.
const devSecret = 'whsec_aG9va2N0bC1kZXZlbG9wbWVudC1zZWNyZXQh';
/** The documented v1a development key pair (docs/providers-asymmetric.md); the dev secret still signs v1 by default. */
export const STANDARD_WEBHOOKS_DEV_KEYS = {
  privateKey: 'whsk_+9HRMzLcRgoFY1kPiAs9XEgXsrH/kg6PBUqCWQNcUeSBz8Mw5YS5xkmxjA08ItiwJdKtQ4N/X5uj2cl/InmcRA==',
  publicKey: 'whpk_gc/DMOWEucZJsYwNPCLYsCXSrUODf1+bo9nJfyJ5nEQ=',
};

export const standardWebhooks: ProviderProfile = {
  id: 'standard-webhooks',
  name: 'Standard Webhooks',
  category: 'generic',
  verifier: { package: 'standardwebhooks', call: 'new Webhook(secret).verify(body, headers)' },
  docs: 'https://www.standardwebhooks.com',
  scheme: standardWebhooksScheme({ 'webhook-id': 'webhook-id', 'webhook-timestamp': 'webhook-timestamp', 'webhook-signature': 'webhook-signature' }, SVIX_NAMES),
  request: { method: 'POST', path: '/webhooks', contentType: 'application/json' },
  events,
  devSecret,
  devKeyPair: STANDARD_WEBHOOKS_DEV_KEYS,
  delivery: SVIX_DELIVERY,
};

/** Svix signs exactly like Standard Webhooks under `svix-*` header names. */
export const svix: ProviderProfile = {
  ...standardWebhooks,
  id: 'svix',
  name: 'Svix',
  category: 'generic',
  verifier: { package: 'svix', call: 'new Webhook(secret).verify(body, headers)' },
  docs: 'https://docs.svix.com/receiving/verifying-payloads/how-manual',
  scheme: standardWebhooksScheme(SVIX_NAMES, WEBHOOK_NAMES),
  request: { ...standardWebhooks.request, userAgent: 'Svix-Webhooks/1.0' },
  fixtures: 'standard-webhooks',
};
