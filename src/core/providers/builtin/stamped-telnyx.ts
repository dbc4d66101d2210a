import type { ProviderProfile } from '../types.js';

/** hookctl's development key pair for Telnyx (base64: the 64-byte seed + public key, the 32-byte public key): never use it for a real app. */
export const TELNYX_DEV_KEYS = {
  privateKey: 'ZdZTLEpwQr4aMMh8VNOX2SjuPP9XX67bBuTgmhmYFLwDxRw7+RFIiPAeEE6i1xbfpQiBhvF8rbh8RvbEr6j/Fg==',
  publicKey: 'A8UcO/kRSIjwHhBOotcW36UIgYbxfK24fEb2xK+o/xY=',
};

export const telnyx: ProviderProfile = {
  id: 'telnyx',
  name: 'Telnyx',
  category: 'messaging',
  docs: 'https://developers.telnyx.com/development/api-fundamentals/webhooks/receiving-webhooks',
  verifier: { package: 'telnyx', call: 'webhooks.unwrap(body, { headers, key })' },
  // Ed25519 over `${telnyx-timestamp}|${body}` (a pipe), base64 in telnyx-signature-ed25519; the app
  // holds the account's 32-byte public key, base64. telnyx (src/lib/webhooks.ts, TelnyxWebhook) wants
  // digits-only Unix seconds within 300 s either way and a 64-byte signature.
  scheme: {
    content: '{timestamp}|{body}',
    signatures: [{ header: 'telnyx-signature-ed25519', algorithm: 'ed25519', encoding: 'base64', format: { style: 'prefixed', prefix: '' }, key: { encoding: 'base64' } }],
    secret: { encoding: 'utf8' },
    timestamp: { source: 'header', header: 'telnyx-timestamp', unit: 's', tolerance: { pastSec: 300, futureSec: 300 } },
  },
  request: { method: 'POST', path: '/webhooks/telnyx', contentType: 'application/json' },
  // Every event of the SDK's UnwrapWebhookEvent union, matched by the body field that names it.
  events: [],
  catalogue: 'telnyx',
  devSecret: TELNYX_DEV_KEYS.privateKey,
  devKeyPair: TELNYX_DEV_KEYS,
  delivery: {
    timeoutMs: 10_000,
    retryDelaysSec: [],
    retryOn: [],
    retryOnTimeout: false,
    note: 'the callbacks reference: anything but a 200 is re-sent to the failover webhook URL, when one is set (a second URL, not a retry of this one). The 10 s timeout is assumed.',
  },
};
