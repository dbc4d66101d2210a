import type { ProviderProfile } from '../types.js';
import { HOURS, LITERAL_SECRET, MINUTES, prefixed } from './shapes.js';

export const linear: ProviderProfile = {
  id: 'linear',
  name: 'Linear',
  category: 'productivity',
  verifier: { package: '@linear/sdk', call: 'new LinearWebhookClient(secret).parseData(body, signature)' },
  docs: 'https://linear.app/developers/webhooks',
  // The signature covers the raw body; freshness comes from the body's webhookTimestamp (ms).
  scheme: {
    content: '{body}',
    signatures: [prefixed('Linear-Signature', '')],
    secret: LITERAL_SECRET,
    timestamp: { source: 'body', field: 'webhookTimestamp', unit: 'ms', tolerance: { pastSec: 60, futureSec: 60 } },
  },
  request: {
    method: 'POST',
    path: '/webhooks/linear',
    contentType: 'application/json; charset=utf-8',
    userAgent: 'Linear-Webhook',
    eventHeader: { name: 'Linear-Event', value: '{eventBase}' },
    deliveryId: { header: 'Linear-Delivery', format: '{{uuid}}' },
  },
  // Every event, generated from the provider's own published types (docs/events.md).
  events: [],
  catalogue: 'linear',
  devSecret: 'lin_wh_hookctl_dev_secret',
  delivery: {
    timeoutMs: 5_000,
    retryDelaysSec: [1 * MINUTES, 1 * HOURS, 6 * HOURS],
    retryOn: ['1xx', '3xx', '4xx', '5xx'],
    retryOnTimeout: true,
    note: 'retried 3 times: after 1 min, 1 h and 6 h.',
  },
};
