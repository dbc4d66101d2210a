import type { ProviderProfile } from '../types.js';
import { HOURS, LITERAL_SECRET, MINUTES, prefixed } from './shapes.js';

/**
 * Typeform: `sha256=` then the base64 HMAC-SHA256 of the raw body, keyed with the webhook's secret
 * as text, in Typeform-Signature (typeform.com/developers/webhooks/secure-your-webhooks). No
 * timestamp, no official verifier; the body's `event_type` names the event.
 */
export const typeform: ProviderProfile = {
  id: 'typeform',
  name: 'Typeform',
  category: 'productivity',
  docs: 'https://www.typeform.com/developers/webhooks/secure-your-webhooks/',
  scheme: {
    content: '{body}',
    signatures: [prefixed('Typeform-Signature', 'sha256=', 'base64')],
    secret: LITERAL_SECRET,
  },
  request: {
    method: 'POST',
    path: '/webhooks/typeform',
    contentType: 'application/json',
  },
  events: [],
  catalogue: 'typeform',
  // The secret is whatever the form owner set on the webhook.
  devSecret: 'typeform_hookctl_dev_secret',
  delivery: {
    timeoutMs: 30_000,
    retryDelaysSec: [5 * MINUTES, 10 * MINUTES, 20 * MINUTES, 1 * HOURS, 2 * HOURS, 3 * HOURS, 4 * HOURS],
    retryOn: ['5xx', '4xx'],
    retryOnTimeout: true,
    stopOn: [404, 410],
    note: 'a 2xx within 30 s; 404 and 410 disable the webhook; 408/423/429/503 are retried every 2-3 min for 10 h, others at 5, 10, 20 min, 1, 2, 3, 4 h (typeform.com/developers/webhooks, as secondary sources summarise it).',
  },
};
