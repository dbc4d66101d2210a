import type { ProviderProfile } from '../types.js';
import { LITERAL_SECRET, MINUTES, prefixed } from './shapes.js';

/**
 * Intercom webhooks (developers.intercom.com, Webhooks reference "Signed notifications"):
 * `X-Hub-Signature: sha1=<hex HMAC-SHA1 of the JSON body>`, keyed by the app's client_secret as
 * text. No timestamp and no npm verifier (intercom-client does not verify webhooks). X-Hub-Signature
 * is also GitHub's legacy header and Bitbucket's: Intercom sends no event or delivery-id header, so
 * its documented User-Agent tells it apart (detectProvider's tie-break), and the body's `topic` names the event.
 */
export const intercom: ProviderProfile = {
  id: 'intercom',
  name: 'Intercom',
  category: 'messaging',
  docs: 'https://developers.intercom.com/docs/webhooks',
  scheme: { content: '{body}', signatures: [prefixed('X-Hub-Signature', 'sha1=', 'hex', 'sha1')], secret: LITERAL_SECRET },
  request: {
    method: 'POST',
    path: '/webhooks/intercom',
    contentType: 'application/json',
    // The "Signed notifications" example request's headers.
    userAgent: 'intercom-parrot-service-client/1.0',
    headers: { Accept: 'application/json' },
  },
  events: [],
  catalogue: 'intercom',
  // An app's client_secret: a UUID-like string on the app's Basic Info page (form assumed).
  devSecret: 'hookctl0-dev0-0000-0000-intercom0000',
  delivery: {
    timeoutMs: 5_000,
    retryDelaysSec: [1 * MINUTES],
    retryOn: ['4xx', '5xx'],
    retryOnTimeout: true,
    stopOn: [410],
    note: 'a response within 5 s; a timeout or an error is retried once after 1 minute; 410 disables the subscription; 429 throttles it (1 min to 2 h, not modelled) ("Handling Webhook notifications").',
  },
};
