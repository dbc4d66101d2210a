import type { ProviderProfile } from '../types.js';
import { LITERAL_SECRET, prefixed } from './shapes.js';

/**
 * Sentry integration platform: hex HMAC-SHA256 of the body, keyed with the integration's Client
 * Secret as text, in Sentry-Hook-Signature (sentry-docs integration-platform/webhooks.mdx). The
 * Sentry-Hook-Timestamp header travels unsigned, so nothing goes stale. Sentry-Hook-Resource names
 * the resource and the body's `action` what happened to it: `issue.created`.
 */
export const sentry: ProviderProfile = {
  id: 'sentry',
  name: 'Sentry',
  category: 'dev-tools',
  docs: 'https://docs.sentry.io/organization/integrations/integration-platform/webhooks/',
  scheme: {
    content: '{body}',
    signatures: [prefixed('Sentry-Hook-Signature', '')],
    secret: LITERAL_SECRET,
  },
  request: {
    method: 'POST',
    path: '/webhooks/sentry',
    contentType: 'application/json',
    headers: { 'Sentry-Hook-Timestamp': '{{now:s}}' },
    eventHeader: { name: 'Sentry-Hook-Resource', value: '{eventBase}' },
    deliveryId: { header: 'Request-ID', format: '{{uuid}}' },
  },
  events: [],
  catalogue: 'sentry',
  // A Client Secret as the integration's settings page shows it: 64 hex digits.
  devSecret: '0000000000000000000000000000000000000000000000000000000000c0ffee',
  delivery: {
    timeoutMs: 1_000,
    retryDelaysSec: [],
    retryOn: [],
    retryOnTimeout: false,
    note: 'an answer is expected within 1 s, and 1000 timeouts in 24 h unsubscribe the webhook (integration-platform/webhooks.mdx); no retries are documented.',
  },
};
