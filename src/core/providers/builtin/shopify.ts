import type { ProviderProfile } from '../types.js';
import { HOURS, LITERAL_SECRET, MINUTES, prefixed } from './shapes.js';

export const shopify: ProviderProfile = {
  id: 'shopify',
  name: 'Shopify',
  category: 'commerce',
  docs: 'https://shopify.dev/docs/apps/build/webhooks/subscribe/https',
  scheme: { content: '{body}', signatures: [prefixed('X-Shopify-Hmac-Sha256', '', 'base64')], secret: LITERAL_SECRET },
  request: {
    method: 'POST',
    path: '/webhooks/shopify',
    contentType: 'application/json',
    userAgent: 'Shopify-Captain-Hook',
    headers: {
      'X-Shopify-Shop-Domain': 'hookctl-dev.myshopify.com',
      'X-Shopify-API-Version': '2025-07',
      'X-Shopify-Triggered-At': '{{now:isoms}}',
      'X-Shopify-Event-Id': '{{uuid#event}}',
    },
    eventHeader: { name: 'X-Shopify-Topic', value: '{event}' },
    deliveryId: { header: 'X-Shopify-Webhook-Id', format: '{{uuid}}' },
  },
  // Every topic of the pinned Admin API version (X-Shopify-API-Version), generated (docs/events.md).
  events: [],
  catalogue: 'shopify',
  devSecret: 'hookctl_dev_secret',
  delivery: {
    timeoutMs: 5_000,
    retryDelaysSec: [1 * MINUTES, 5 * MINUTES, 15 * MINUTES, 30 * MINUTES, 1 * HOURS, 1 * HOURS, 2 * HOURS, 4 * HOURS],
    retryOn: ['1xx', '3xx', '4xx', '5xx'],
    retryOnTimeout: true,
    note: '5 s to answer; 8 retries over 4 hours (schedule approximated).',
  },
};
