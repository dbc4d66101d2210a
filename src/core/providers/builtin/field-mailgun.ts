import type { ProviderProfile } from '../types.js';
import { HOURS, MINUTES } from './shapes.js';

/**
 * Mailgun signs inside the body (documentation.mailgun.com "Securing webhooks"): `signature.signature`
 * is the hex HMAC-SHA256, keyed by the HTTP webhook signing key, of `signature.timestamp` (Unix
 * seconds, a string) followed by `signature.token` (50 random characters). Mailgun names no window:
 * receivers are told to cache tokens against replay, so no age is enforced here either.
 */
export const mailgun: ProviderProfile = {
  id: 'mailgun',
  name: 'Mailgun',
  category: 'email',
  docs: 'https://documentation.mailgun.com/docs/mailgun/user-manual/webhooks/securing-webhooks',
  scheme: {
    content: '{field:signature.timestamp}{field:signature.token}',
    signatures: [{ header: 'signature', field: 'signature.signature', algorithm: 'sha256', encoding: 'hex', format: { style: 'prefixed', prefix: '' } }],
    secret: { encoding: 'utf8' },
    timestamp: { source: 'body', field: 'signature.timestamp', unit: 's', tolerance: { pastSec: null, futureSec: null } },
  },
  // No header names the event: `event-data.event` (and `severity` for the two failure webhooks) does.
  request: { method: 'POST', path: '/webhooks/mailgun', contentType: 'application/json' },
  events: [],
  catalogue: 'mailgun',
  // Sending > Webhooks > "HTTP webhook signing key": 32 hex characters plus a suffix, shown once per account.
  devSecret: 'key-hookctl0dev0mailgun0signing0key',
  delivery: {
    timeoutMs: 10_000,
    retryDelaysSec: [5 * MINUTES, 10 * MINUTES, 15 * MINUTES, 1 * HOURS, 2 * HOURS, 4 * HOURS],
    retryOn: ['1xx', '3xx', '4xx', '5xx'],
    retryOnTimeout: true,
    stopOn: [406],
    note: 'documentation.mailgun.com "Webhook retries": a 200 is success, a 406 is refused and never retried, any other answer is retried for 8 h at 5 min, 10 min, 15 min, 1 h, 2 h, 4 h. The 10 s timeout is assumed.',
  },
};
