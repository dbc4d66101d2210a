import type { ProviderProfile } from '../types.js';

/** hookctl's documented development key pair (docs/providers-asymmetric.md): never use it for a real app. */
export const DISCORD_DEV_KEYS = {
  privateKey: '5f1134925b795177d75c5f2768b64527bf3b30448b0a3d5af2d89ae53c5a71ac45fe729323ed8ce0867cc5a47fc6f09f1b87594edac6e26761eb86b73c3c3c0d',
  publicKey: '45fe729323ed8ce0867cc5a47fc6f09f1b87594edac6e26761eb86b73c3c3c0d',
};

export const discord: ProviderProfile = {
  id: 'discord',
  name: 'Discord',
  category: 'messaging',
  verifier: { package: 'discord-interactions', call: 'verifyKey(body, signature, timestamp, publicKey)' },
  docs: 'https://discord.com/developers/docs/interactions/overview#preparing-for-interactions',
  // Ed25519 over timestamp + body; the app holds the public key (hex) from the developer portal.
  // Discord signs with its own private key; hookctl's is the 64-byte NaCl form (seed, then public key).
  scheme: {
    content: '{timestamp}{body}',
    signatures: [{ header: 'X-Signature-Ed25519', algorithm: 'ed25519', encoding: 'hex', format: { style: 'prefixed', prefix: '' }, key: { encoding: 'hex' } }],
    secret: { encoding: 'utf8' },
    // Discord documents no freshness window, and discord-interactions checks none.
    timestamp: { source: 'header', header: 'X-Signature-Timestamp', unit: 's', tolerance: { pastSec: null, futureSec: null } },
  },
  request: {
    method: 'POST',
    path: '/interactions',
    contentType: 'application/json',
    userAgent: 'Discord-Interactions/1.0 (+https://discord.com)',
  },
  // Every event, generated from the provider's own published types (docs/events.md).
  events: [],
  catalogue: 'discord',
  devSecret: DISCORD_DEV_KEYS.privateKey,
  devKeyPair: DISCORD_DEV_KEYS,
  delivery: {
    timeoutMs: 3_000,
    retryDelaysSec: [],
    retryOn: [],
    retryOnTimeout: false,
    note: 'interactions must be answered within 3 s and are not retried; Discord also sends invalid signatures to check the endpoint rejects them.',
  },
};
