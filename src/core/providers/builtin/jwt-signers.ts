import type { ProviderProfile } from '../types.js';
import { HOURS, LITERAL_SECRET, MINUTES } from './shapes.js';

/**
 * The documented development key pair for Plaid's ES256 webhooks (base64 DER: PKCS#8 / SPKI): hookctl signs
 * with the private half; point a receiver's key lookup at the public half (`hookctl providers plaid` shows it).
 */
export const PLAID_DEV_KEYS = {
  privateKey:
    'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgHIOheyBnqMNA2Og7H7Qe2FeB4Ndhr77kOpWt6qhcFSyhRANCAARuwvmW4XnHQKcP0WzmoR0TG0boaexNFsxQdm9EtLcFL9XQsHWRIggTrqOA80ysJJoONj9fjydK136+m1RtNBE0',
  publicKey: 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEbsL5luF5x0CnD9Fs5qEdExtG6GnsTRbMUHZvRLS3BS/V0LB1kSIIE66jgPNMrCSaDjY/X48nStd+vptUbTQRNA==',
};

/** Providers whose signature is a JSON Web Token binding the body by its SHA-256. */
export const JWT_SIGNERS: readonly ProviderProfile[] = [
  {
    id: 'plaid',
    name: 'Plaid',
    category: 'payments',
    docs: 'https://plaid.com/docs/api/webhooks/webhook-verification/',
    // Plaid-Verification: an ES256 JWT whose header names the key (kid, fetched from /webhook_verification_key/get)
    // and whose claims are iat and the hex SHA-256 of the body; receivers refuse one issued over 5 minutes ago.
    scheme: {
      content: '{body}',
      signatures: [
        {
          header: 'Plaid-Verification',
          algorithm: 'jwt-es256',
          encoding: 'base64url',
          format: { style: 'prefixed', prefix: '' },
          key: { encoding: 'der' },
          jwt: { bodyClaim: 'request_body_sha256', bodyEncoding: 'hex', kid: 'hookctl-dev-key' },
        },
      ],
      secret: LITERAL_SECRET,
      timestamp: { source: 'jwt', field: 'iat', unit: 's', tolerance: { pastSec: 300, futureSec: null } },
    },
    request: { method: 'POST', path: '/webhooks/plaid', contentType: 'application/json' },
    events: [],
    catalogue: 'plaid',
    devSecret: PLAID_DEV_KEYS.privateKey,
    devKeyPair: PLAID_DEV_KEYS,
    delivery: {
      timeoutMs: 10_000,
      retryDelaysSec: [30, 2 * MINUTES, 8 * MINUTES, 32 * MINUTES, 2 * HOURS, 8 * HOURS],
      retryOn: ['1xx', '3xx', '4xx', '5xx'],
      retryOnTimeout: true,
      note: 'Plaid retries a non-200 or a 10 s timeout up to 24 hours, starting after 30 s and backing off by four times (docs: webhooks, "Webhook retries"); the delays are that rule applied.',
    },
  },
  {
    id: 'livekit',
    name: 'LiveKit',
    category: 'media',
    docs: 'https://docs.livekit.io/home/server/webhooks/',
    verifier: { package: 'livekit-server-sdk', call: 'new WebhookReceiver(apiKey, apiSecret).receive(body, authorization)' },
    // Authorization: an HS256 JWT by the API secret, iss = the API key, nbf now and exp after it, sha256 = base64
    // SHA-256 of the body (livekit-server-sdk WebhookReceiver; jose's default 10 s clock tolerance).
    scheme: {
      content: '{body}',
      signatures: [
        {
          header: 'Authorization',
          algorithm: 'jwt-hs256',
          encoding: 'base64url',
          format: { style: 'prefixed', prefix: '' },
          jwt: { bodyClaim: 'sha256', bodyEncoding: 'base64', keyIdClaim: 'iss', expiresInSec: 300 },
        },
      ],
      secret: LITERAL_SECRET,
      timestamp: { source: 'jwt', field: 'nbf', unit: 's', tolerance: { pastSec: 310, futureSec: 10 } },
    },
    request: { method: 'POST', path: '/webhooks/livekit', contentType: 'application/webhook+json' },
    events: [],
    catalogue: 'livekit',
    devSecret: 'APIhookctlDev:hookctl-livekit-development-api-secret',
    delivery: {
      timeoutMs: 10_000,
      retryDelaysSec: [],
      retryOn: [],
      retryOnTimeout: false,
      note: 'LiveKit does not document retries for webhooks; a delivery is sent once. The timeout is an assumption.',
    },
  },
  {
    id: 'qstash',
    name: 'Upstash QStash',
    category: 'infrastructure',
    docs: 'https://upstash.com/docs/qstash/howto/signature',
    verifier: { package: '@upstash/qstash', call: 'new Receiver({ currentSigningKey, nextSigningKey }).verify({ signature, body, url })' },
    // Upstash-Signature: an HS256 JWT by the current signing key; iss "Upstash", sub the destination URL, nbf/iat
    // now, exp 5 min on, body = base64url SHA-256 of the body (@upstash/qstash Receiver, jose with clockTolerance 0).
    scheme: {
      content: '{body}',
      signatures: [
        {
          header: 'Upstash-Signature',
          algorithm: 'jwt-hs256',
          encoding: 'base64url',
          format: { style: 'prefixed', prefix: '' },
          jwt: { bodyClaim: 'body', bodyEncoding: 'base64url', claims: { iss: 'Upstash', sub: '{url}' }, notBefore: true, expiresInSec: 300 },
        },
      ],
      secret: LITERAL_SECRET,
      timestamp: { source: 'jwt', field: 'iat', unit: 's', tolerance: { pastSec: 300, futureSec: 0 } },
    },
    request: {
      method: 'POST',
      path: '/webhooks/qstash',
      contentType: 'application/json',
      userAgent: 'Upstash-QStash',
      headers: { 'Upstash-Retried': '0' },
      deliveryId: { header: 'Upstash-Message-Id', format: 'msg_{{id::26}}' },
    },
    events: [],
    catalogue: 'qstash',
    devSecret: 'sig_hookctlQstashDevelopmentSigningKey',
    delivery: {
      timeoutMs: 15 * MINUTES * 1000,
      retryDelaysSec: [12, 2 * MINUTES, 10 * MINUTES],
      retryOn: ['1xx', '3xx', '4xx', '5xx'],
      retryOnTimeout: true,
      note: 'QStash retries 3 times by default (Upstash-Retries) with exponential backoff, min(86400, e^(2.5n)) seconds; the request timeout depends on the plan (15 min assumed).',
    },
  },
];
