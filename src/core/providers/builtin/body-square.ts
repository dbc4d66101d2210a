import type { ProviderProfile } from '../types.js';
import { HOURS, LITERAL_SECRET, MINUTES, prefixed } from './shapes.js';

/**
 * Square: base64 HMAC-SHA256, keyed with the subscription's signature key as text, over the
 * notification URL then the raw body, compared as strings (square@46.0.0
 * wrapper/WebhooksHelper.js `verifySignature`: `notificationUrl + requestBody`). No timestamp is
 * signed; `event_id` in the body is the dedup key (developer.squareup.com/docs/webhooks/step4manage).
 */
export const square: ProviderProfile = {
  id: 'square',
  name: 'Square',
  category: 'payments',
  docs: 'https://developer.squareup.com/docs/webhooks/step3validate',
  verifier: { package: 'square', call: 'WebhooksHelper.verifySignature({ requestBody, signatureHeader, signatureKey, notificationUrl })' },
  scheme: {
    content: '{url}{body}',
    signatures: [prefixed('x-square-hmacsha256-signature', '', 'base64')],
    secret: LITERAL_SECRET,
  },
  request: {
    method: 'POST',
    path: '/webhooks/square',
    contentType: 'application/json',
    // The metadata headers of docs/webhooks/step2subscribe ("Format of an event notification");
    // square-retry-number and -reason appear only on retries. No header names the event: `type` does.
    headers: { 'square-environment': 'Sandbox', 'square-initial-delivery-timestamp': '{{now:iso}}' },
  },
  events: [],
  catalogue: 'square',
  // A signature key as the Developer Console shows it: 22 base64url characters.
  devSecret: 'hookctlDevSigKey0000_w',
  delivery: {
    timeoutMs: 10_000,
    retryDelaysSec: [1 * MINUTES, 5 * MINUTES, 30 * MINUTES, 2 * HOURS, 8 * HOURS, 24 * HOURS],
    retryOn: ['1xx', '3xx', '4xx', '5xx'],
    retryOnTimeout: true,
    note: 'a 2xx is expected within 10 s (the v1 docs: http_timeout); unacknowledged deliveries are retried for up to 72 h (docs/webhooks/troubleshooting), schedule assumed.',
  },
};
