import type { ProviderProfile } from '../types.js';
import { HOURS, MINUTES } from './shapes.js';

/** hookctl's documented development key pair (docs/providers-asymmetric.md): never use it for a real account. */
export const SENDGRID_DEV_KEYS = {
  privateKey:
    'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgtNEgZfDJ+0rjpLsiGPVrruZSmZK6jkUFXsw440a6xvehRANCAASFE36AHVv5+BVkK6xZZmQUD2+EiWPfM8EzMC76zG1diD1gDGk1ellwkIkmMwJn0GmfnfxhITCrtluN+6D2Wqx4',
  publicKey: 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEhRN+gB1b+fgVZCusWWZkFA9vhIlj3zPBMzAu+sxtXYg9YAxpNXpZcJCJJjMCZ9Bpn538YSEwq7Zbjfug9lqseA==',
};

export const sendgrid: ProviderProfile = {
  id: 'sendgrid',
  name: 'SendGrid',
  category: 'email',
  verifier: { package: '@sendgrid/eventwebhook', call: 'new EventWebhook().verifySignature(publicKey, body, signature, timestamp)' },
  docs: 'https://www.twilio.com/docs/sendgrid/for-developers/tracking-events/getting-started-event-webhook-security-features',
  // ECDSA P-256 with SHA-256 over timestamp + body; the signature is base64 DER, the verification key
  // the dashboard shows is base64 DER (SPKI). hookctl's private key is base64 DER PKCS#8.
  scheme: {
    content: '{timestamp}{body}',
    signatures: [{ header: 'X-Twilio-Email-Event-Webhook-Signature', algorithm: 'ecdsa-p256-sha256', encoding: 'base64', format: { style: 'prefixed', prefix: '' }, key: { encoding: 'der' } }],
    secret: { encoding: 'utf8' },
    // SendGrid's library checks no freshness window; its docs leave it to the receiver.
    timestamp: { source: 'header', header: 'X-Twilio-Email-Event-Webhook-Timestamp', unit: 's', tolerance: { pastSec: null, futureSec: null } },
  },
  request: {
    method: 'POST',
    path: '/webhooks/sendgrid',
    contentType: 'application/json',
    userAgent: 'SendGrid Event API',
  },
  // Every event, generated from the provider's own published sources (docs/events.md).
  events: [],
  catalogue: 'sendgrid',
  devSecret: SENDGRID_DEV_KEYS.privateKey,
  devKeyPair: SENDGRID_DEV_KEYS,
  delivery: {
    timeoutMs: 3_000,
    retryDelaysSec: [5 * MINUTES, 10 * MINUTES, 30 * MINUTES, 1 * HOURS, 2 * HOURS, 4 * HOURS, 8 * HOURS, 8 * HOURS],
    retryOn: ['1xx', '3xx', '4xx', '5xx'],
    retryOnTimeout: true,
    note: 'SendGrid retries non-2xx batches at increasing intervals for up to 24 h; the exact schedule is not published, this one approximates it.',
  },
};
