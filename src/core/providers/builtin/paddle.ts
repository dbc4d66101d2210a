import type { ProviderProfile } from '../types.js';
import { HOURS, LITERAL_SECRET, MINUTES } from './shapes.js';

export const paddle: ProviderProfile = {
  id: 'paddle',
  name: 'Paddle Billing',
  category: 'payments',
  verifier: { package: '@paddle/paddle-node-sdk', call: 'paddle.webhooks.unmarshal(body, secret, signature)' },
  docs: 'https://developer.paddle.com/webhooks/signature-verification',
  scheme: {
    content: '{timestamp}:{body}',
    signatures: [{ header: 'Paddle-Signature', algorithm: 'sha256', encoding: 'hex', format: { style: 'kv', separator: ';', timestampKey: 'ts', signatureKey: 'h1' } }],
    secret: LITERAL_SECRET,
    // Paddle's SDK allows 5 s of clock skew, in the past only.
    timestamp: { source: 'signature', unit: 's', tolerance: { pastSec: 5, futureSec: null } },
  },
  request: { method: 'POST', path: '/webhooks/paddle', contentType: 'application/json', userAgent: 'Paddle' },
  // Every event, generated from the provider's own published types (docs/events.md).
  events: [],
  catalogue: 'paddle',
  devSecret: 'pdl_ntfset_hookctl_dev_secret',
  delivery: {
    timeoutMs: 5_000,
    retryDelaysSec: [1 * MINUTES, 5 * MINUTES, 30 * MINUTES, 2 * HOURS, 8 * HOURS, 24 * HOURS],
    retryOn: ['1xx', '3xx', '4xx', '5xx'],
    retryOnTimeout: true,
    note: 'live mode retries with backoff for up to 3 days (schedule approximated).',
  },
};
