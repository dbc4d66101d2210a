import type { SecretSpec } from '../../signing/index.js';
import type { DeliveryPolicy, ProviderProfile } from '../types.js';
import { HOURS, MINUTES } from './shapes.js';
import { standardWebhooksScheme, SVIX_DELIVERY, SVIX_NAMES, WEBHOOK_NAMES } from './standard-webhooks.js';

const SPEC_NAMES = { 'webhook-id': 'webhook-id', 'webhook-timestamp': 'webhook-timestamp', 'webhook-signature': 'webhook-signature' };

type Sender = Pick<ProviderProfile, 'id' | 'name' | 'category' | 'docs' | 'verifier' | 'devSecret' | 'notSecrets'> & {
  /** Delivered by Svix itself (`svix-*` headers) rather than signed as the spec names them (`webhook-*`). */
  svixHeaders: boolean;
  secret?: SecretSpec;
  delivery?: DeliveryPolicy;
};

/** A provider that signs exactly as Standard Webhooks does, under its own name, secret form and catalogue. */
function sender(s: Sender): ProviderProfile {
  const scheme = s.svixHeaders ? standardWebhooksScheme(SVIX_NAMES, WEBHOOK_NAMES) : standardWebhooksScheme(SPEC_NAMES, SVIX_NAMES);
  return {
    id: s.id,
    name: s.name,
    category: s.category,
    docs: s.docs,
    verifier: s.verifier,
    // Only v1 (HMAC): none of these providers signs with the spec's v1a key pairs.
    scheme: { ...scheme, signatures: scheme.signatures.slice(0, 1), ...(s.secret ? { secret: s.secret } : {}) },
    request: { method: 'POST', path: `/webhooks/${s.id}`, contentType: 'application/json', ...(s.svixHeaders ? { userAgent: 'Svix-Webhooks/1.0' } : {}) },
    events: [],
    catalogue: s.id,
    devSecret: s.devSecret,
    ...(s.notSecrets ? { notSecrets: s.notSecrets } : {}),
    delivery: s.delivery ?? SVIX_DELIVERY,
  };
}

// Dev secrets are whsec_ + base64 of a text that says what it is: the SDKs base64-decode the part after whsec_.
export const SVIX_SENDERS: readonly ProviderProfile[] = [
  sender({
    id: 'openai',
    name: 'OpenAI',
    category: 'ai',
    docs: 'https://platform.openai.com/docs/guides/webhooks',
    // openai resources/webhooks: Standard Webhooks, the whsec_ key base64-decoded, 300 s both ways.
    verifier: { package: 'openai', call: 'client.webhooks.unwrap(body, headers, secret)' },
    svixHeaders: false,
    devSecret: `whsec_${Buffer.from('hookctl-openai-development-key').toString('base64')}`,
    notSecrets: { prefixes: ['sk-'], is: 'an OpenAI API key', where: 'platform.openai.com > Settings > Webhooks: the whsec_ signing secret shown once when the endpoint is created' },
    delivery: {
      timeoutMs: 30_000,
      retryDelaysSec: [5 * MINUTES, 30 * MINUTES, 2 * HOURS, 8 * HOURS, 24 * HOURS, 36 * HOURS],
      retryOn: ['1xx', '3xx', '4xx', '5xx'],
      retryOnTimeout: true,
      note: 'OpenAI documents retries "for up to 72 hours with exponential backoff"; the delays are an assumption of that shape.',
    },
  }),
  sender({
    id: 'clerk',
    name: 'Clerk',
    category: 'auth',
    docs: 'https://clerk.com/docs/webhooks/sync-data',
    // Clerk delivers through Svix: svix-* headers, a whsec_ secret from the dashboard's endpoint page.
    verifier: { package: '@clerk/backend', call: 'verifyWebhook(request, { signingSecret })' },
    svixHeaders: true,
    devSecret: `whsec_${Buffer.from('hookctl-clerk-development-key').toString('base64')}`,
  }),
  sender({
    id: 'resend',
    name: 'Resend',
    category: 'email',
    docs: 'https://resend.com/docs/dashboard/webhooks/verify-webhooks-requests',
    verifier: { package: 'resend', call: 'resend.webhooks.verify({ payload, headers, webhookSecret })' },
    svixHeaders: true,
    devSecret: `whsec_${Buffer.from('hookctl-resend-development-key').toString('base64')}`,
  }),
  sender({
    id: 'polar',
    name: 'Polar',
    category: 'payments',
    docs: 'https://polar.sh/docs/integrate/webhooks/endpoints',
    verifier: { package: '@polar-sh/sdk', call: 'validateEvent(body, headers, secret)' },
    svixHeaders: false,
    // Polar's dashboard secret (polar_whs_…) is the HMAC key as its UTF-8 bytes: the SDK tries those first (hmacKeys).
    secret: { encoding: 'utf8' },
    devSecret: 'polar_whs_hookctlDevelopmentSecret0000000000000',
  }),
  sender({
    id: 'liveblocks',
    name: 'Liveblocks',
    category: 'dev-tools',
    docs: 'https://liveblocks.io/docs/platform/webhooks',
    verifier: { package: '@liveblocks/node', call: 'new WebhookHandler(secret).verifyRequest({ headers, rawBody })' },
    svixHeaders: false,
    devSecret: `whsec_${Buffer.from('hookctl-liveblocks-development-key').toString('base64')}`,
  }),
  sender({
    id: 'replicate',
    name: 'Replicate',
    category: 'ai',
    docs: 'https://replicate.com/docs/topics/webhooks/verify-webhook',
    // replicate lib/util.js validateWebhook: Standard Webhooks' content and key, and no clock: it never judges the timestamp.
    verifier: { package: 'replicate', call: 'validateWebhook({ id, timestamp, signature, body, secret })' },
    svixHeaders: false,
    devSecret: `whsec_${Buffer.from('hookctl-replicate-development-key').toString('base64')}`,
    delivery: {
      timeoutMs: 10_000,
      retryDelaysSec: [5, 30, 2 * MINUTES, 5 * MINUTES],
      retryOn: ['5xx', '429'],
      retryOnTimeout: true,
      note: 'Replicate retries terminal (completed) webhooks a few times with backoff and drops intermediate ones; the delays are an assumption.',
    },
  }),
];
