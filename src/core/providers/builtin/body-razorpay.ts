import type { ProviderProfile } from '../types.js';
import { HOURS, LITERAL_SECRET, MINUTES, prefixed } from './shapes.js';

/**
 * Razorpay: hex HMAC-SHA256 of the raw body, keyed with the webhook secret as text, compared as
 * strings (razorpay@2.9.8 dist/utils/razorpay-utils.js `validateWebhookSignature`). No timestamp;
 * the body's `event` names the event and X-Razorpay-Event-Id is the dedup key.
 */
export const razorpay: ProviderProfile = {
  id: 'razorpay',
  name: 'Razorpay',
  category: 'payments',
  docs: 'https://razorpay.com/docs/webhooks/validate-test/',
  verifier: { package: 'razorpay', call: 'Razorpay.validateWebhookSignature(body, signature, secret)' },
  scheme: {
    content: '{body}',
    signatures: [prefixed('X-Razorpay-Signature', '')],
    secret: LITERAL_SECRET,
  },
  request: {
    method: 'POST',
    path: '/webhooks/razorpay',
    contentType: 'application/json',
    // The same on every retry of one event (razorpay.com/docs/webhooks "Idempotency"); 14 characters like Razorpay's ids.
    deliveryId: { header: 'X-Razorpay-Event-Id', format: '{{id::14}}' },
  },
  events: [],
  catalogue: 'razorpay',
  // The secret is whatever the merchant typed when creating the webhook.
  devSecret: 'razorpay_hookctl_dev_webhook_secret',
  delivery: {
    timeoutMs: 5_000,
    retryDelaysSec: [1 * MINUTES, 5 * MINUTES, 30 * MINUTES, 2 * HOURS, 6 * HOURS, 12 * HOURS, 24 * HOURS],
    retryOn: ['1xx', '3xx', '4xx', '5xx'],
    retryOnTimeout: true,
    note: 'a 2xx within 5 s, else retried with exponential backoff for 24 h (razorpay.com/docs/webhooks; schedule assumed).',
  },
};
