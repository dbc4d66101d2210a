import type { ProviderProfile } from '../types.js';

export const twilio: ProviderProfile = {
  id: 'twilio',
  name: 'Twilio',
  category: 'messaging',
  verifier: { package: 'twilio', call: 'validateRequest(authToken, signature, url, params)' },
  docs: 'https://www.twilio.com/docs/usage/webhooks/webhooks-security',
  // Base64 HMAC-SHA1, keyed with the Auth Token as text, over the full URL then the POST parameters
  // sorted by name (name, then value). A JSON body is bound by its SHA-256 in the URL's bodySHA256.
  scheme: {
    content: '{url}{params}',
    signatures: [{ header: 'X-Twilio-Signature', algorithm: 'sha1', encoding: 'base64', format: { style: 'prefixed', prefix: '' } }],
    secret: { encoding: 'utf8' },
    bodyHashParam: 'bodySHA256',
  },
  request: {
    method: 'POST',
    path: '/twilio/sms',
    contentType: 'application/x-www-form-urlencoded',
    userAgent: 'TwilioProxy/1.1',
    deliveryId: { header: 'I-Twilio-Idempotency-Token', format: '{{uuid}}' },
  },
  // Every event, generated from the provider's own published sources (docs/events.md).
  events: [],
  catalogue: 'twilio',
  devSecret: 'f0e1d2c3b4a5968778695a4b3c2d1e0f',
  delivery: {
    timeoutMs: 15_000,
    retryDelaysSec: [],
    retryOn: [],
    retryOnTimeout: false,
    note: 'messaging webhooks are not retried unless the URL carries connection overrides (#rc=); 15 s timeout.',
  },
};
