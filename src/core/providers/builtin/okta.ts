import { OKTA_VERIFICATION } from './handshakes.js';
import type { ProviderProfile } from '../types.js';
import { LITERAL_SECRET } from './shapes.js';

export const okta: ProviderProfile = {
  id: 'okta',
  name: 'Okta Event Hooks',
  category: 'auth',
  docs: 'https://developer.okta.com/docs/concepts/event-hooks/',
  // No signature: the Authorization value registered with the hook travels in every request, the
  // verification GET included, and the receiver compares it (in constant time).
  scheme: {
    content: '{body}',
    signatures: [{ header: 'Authorization', algorithm: 'token', encoding: 'hex', format: { style: 'prefixed', prefix: '' } }],
    secret: LITERAL_SECRET,
  },
  request: {
    method: 'POST',
    path: '/webhooks/okta',
    contentType: 'application/json',
    headers: { Accept: 'application/json' },
  },
  catalogue: 'okta',
  events: [
    {
      name: 'verification',
      description: 'The one-time GET after the hook is registered: answer 200 with {"verification": <the X-Okta-Verification-Challenge header>}',
      request: { method: 'GET', template: 'query', headers: { 'X-Okta-Verification-Challenge': '{{id::40}}' } },
      handshake: OKTA_VERIFICATION,
    },
  ],
  devSecret: 'hookctl_okta_dev_authorization',
  delivery: {
    timeoutMs: 3_000,
    retryDelaysSec: [0],
    retryOn: ['5xx'],
    retryOnTimeout: true,
    note: 'documented: a 3 s timeout and at most one retry, for a 5xx or a timeout; a 4xx is not retried (developer.okta.com/docs/concepts/event-hooks/#timeout-and-retry). When the one retry is sent is not documented.',
  },
};
