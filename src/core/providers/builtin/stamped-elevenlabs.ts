import type { ProviderProfile } from '../types.js';
import { LITERAL_SECRET } from './shapes.js';

export const elevenlabs: ProviderProfile = {
  id: 'elevenlabs',
  name: 'ElevenLabs',
  category: 'ai',
  docs: 'https://elevenlabs.io/docs/agents-platform/workflows/post-call-webhooks',
  verifier: { package: '@elevenlabs/elevenlabs-js', call: 'webhooks.constructEvent(rawBody, sigHeader, secret)' },
  // `ElevenLabs-Signature: t=<unix s>,v0=<hex>`: @elevenlabs/elevenlabs-js (wrapper/webhooks.js) splits on
  // the comma, HMACs `${t}.${raw body}` with the secret's UTF-8 bytes, and refuses a timestamp more
  // than 30 minutes old; it has no future bound.
  scheme: {
    content: '{timestamp}.{body}',
    signatures: [{ header: 'ElevenLabs-Signature', algorithm: 'sha256', encoding: 'hex', format: { style: 'kv', separator: ',', timestampKey: 't', signatureKey: 'v0' } }],
    secret: LITERAL_SECRET,
    timestamp: { source: 'signature', unit: 's', tolerance: { pastSec: 30 * 60, futureSec: null } },
  },
  request: { method: 'POST', path: '/webhooks/elevenlabs', contentType: 'application/json' },
  // The documented post-call webhooks (scripts/catalogue/data/ELEVENLABS.md); the body's `type` names each.
  events: [],
  catalogue: 'elevenlabs',
  // The shared secret ElevenLabs generates when the webhook is created (assumed form: `wsec_` and hex).
  devSecret: 'wsec_hookctl0dev0secret0000000000000000000000000000000000000000',
  delivery: {
    timeoutMs: 10_000,
    retryDelaysSec: [],
    retryOn: [],
    retryOnTimeout: false,
    note: 'the docs publish no retry schedule (and say HIPAA workspaces are never retried); a webhook failing 10 times in a row, with no success for 7 days, is disabled. No retries and the 10 s timeout are assumptions.',
  },
};
