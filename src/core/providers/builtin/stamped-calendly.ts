import type { ProviderProfile } from '../types.js';
import { HOURS, LITERAL_SECRET, MINUTES } from './shapes.js';

export const calendly: ProviderProfile = {
  id: 'calendly',
  name: 'Calendly',
  category: 'productivity',
  docs: 'https://developer.calendly.com/api-docs/4c305798a61d3-webhook-signatures',
  // No npm verifier. `Calendly-Webhook-Signature: t=<unix s>,v1=<hex>`, HMAC-SHA256 of `${t}.${raw body}`
  // keyed by the subscription's signing key (its UTF-8 bytes), as the webhook signatures page shows;
  // its sample refuses a timestamp more than 3 minutes old (the window is the sample's, past only).
  scheme: {
    content: '{timestamp}.{body}',
    signatures: [{ header: 'Calendly-Webhook-Signature', algorithm: 'sha256', encoding: 'hex', format: { style: 'kv', separator: ',', timestampKey: 't', signatureKey: 'v1' } }],
    secret: LITERAL_SECRET,
    timestamp: { source: 'signature', unit: 's', tolerance: { pastSec: 3 * MINUTES, futureSec: null } },
  },
  request: { method: 'POST', path: '/webhooks/calendly', contentType: 'application/json; charset=utf-8' },
  // The events a webhook subscription may name (scripts/catalogue/data/CALENDLY.md); the body's `event` names each.
  events: [],
  catalogue: 'calendly',
  // The signing key given (or returned) when the webhook subscription is created, used as it is.
  devSecret: 'hookctl_calendly_dev_signing_key',
  delivery: {
    timeoutMs: 10_000,
    retryDelaysSec: [1 * MINUTES, 5 * MINUTES, 30 * MINUTES, 1 * HOURS, 3 * HOURS, 6 * HOURS, 12 * HOURS],
    retryOn: ['1xx', '3xx', '4xx', '5xx'],
    retryOnTimeout: true,
    note: 'assumed: Calendly retries a failing subscription with backoff for about a day (its retry_started_at), then disables it; no schedule or timeout is published.',
  },
};
