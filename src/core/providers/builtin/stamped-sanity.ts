import type { ProviderProfile } from '../types.js';
import { LITERAL_SECRET, MINUTES } from './shapes.js';

/** The example document's id: the same in the sanity-document-id header and the body (data/sanity-events.json). */
const DOCUMENT_ID = '3d1c1d70-62b9-4b1c-9a8c-6d1f0cfe2a41';

export const sanity: ProviderProfile = {
  id: 'sanity',
  name: 'Sanity',
  category: 'cms',
  docs: 'https://www.sanity.io/docs/compute-and-ai/webhooks',
  verifier: { package: '@sanity/webhook', call: 'isValidSignature(body, signature, secret)' },
  // `sanity-webhook-signature: t=<unix ms>,v1=<base64url, no padding>`: @sanity/webhook (dist/index.js)
  // HMAC-SHA256s `${t}.${body}` with the secret's UTF-8 bytes and compares the whole header, so it
  // holds one signature; it refuses a timestamp before 2021 as malformed and checks no age.
  scheme: {
    content: '{timestamp}.{body}',
    signatures: [{ header: 'sanity-webhook-signature', algorithm: 'sha256', encoding: 'base64url', format: { style: 'kv', separator: ',', timestampKey: 't', signatureKey: 'v1' } }],
    secret: LITERAL_SECRET,
    timestamp: { source: 'signature', unit: 'ms', tolerance: { pastSec: null, futureSec: null } },
  },
  request: {
    method: 'POST',
    path: '/webhooks/sanity',
    contentType: 'application/json',
    // The headers a GROQ-powered webhook carries beside its signature (docs/SANITY.md in scripts/catalogue/data).
    headers: {
      'sanity-project-id': 'hk7c2x9q',
      'sanity-dataset': 'production',
      'sanity-document-id': DOCUMENT_ID,
      'sanity-transaction-id': '{{id::22}}',
      'sanity-transaction-time': '{{now:isoms}}',
      'sanity-webhook-id': 'Vx3nQ8LmT1aZ0pKd',
    },
    eventHeader: { name: 'sanity-operation', value: '{event}' },
    deliveryId: { header: 'idempotency-key', format: '{{id:evt_:24}}' },
  },
  // The three operations a webhook triggers on, each with an example document (scripts/catalogue/data/SANITY.md).
  events: [],
  catalogue: 'sanity',
  // The secret is whatever the webhook's creator typed in sanity.io/manage.
  devSecret: 'hookctl-sanity-dev-secret',
  delivery: {
    timeoutMs: 30_000,
    retryDelaysSec: [1 * MINUTES, 2 * MINUTES, 4 * MINUTES, 8 * MINUTES, 15 * MINUTES],
    retryOn: ['429', '5xx'],
    retryOnTimeout: true,
    note: 'assumed: Sanity documents retrying failed deliveries with backoff but publishes no schedule, timeout or idempotency-key format; these approximate it.',
  },
};
