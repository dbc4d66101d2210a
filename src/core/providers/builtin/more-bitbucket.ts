import type { ProviderProfile } from '../types.js';
import { LITERAL_SECRET, MINUTES, prefixed } from './shapes.js';

/**
 * Bitbucket Cloud webhooks with a secret set: `X-Hub-Signature: sha256=<hex HMAC-SHA256(secret, raw
 * body)>`, the secret's text the key (support.atlassian.com/bitbucket-cloud/docs/manage-webhooks,
 * "Secure webhooks"; Atlassian's "enhanced webhook security" announcement). No timestamp, no npm
 * verifier. X-Hub-Signature is GitHub's legacy header and Intercom's too: X-Event-Key, X-Request-UUID
 * and the Bitbucket-Webhooks/2.0 User-Agent tell Bitbucket apart (detectProvider scores them).
 */
export const bitbucket: ProviderProfile = {
  id: 'bitbucket',
  name: 'Bitbucket Cloud',
  category: 'dev-tools',
  docs: 'https://support.atlassian.com/bitbucket-cloud/docs/manage-webhooks/',
  scheme: { content: '{body}', signatures: [prefixed('X-Hub-Signature', 'sha256=')], secret: LITERAL_SECRET },
  request: {
    method: 'POST',
    path: '/webhooks/bitbucket',
    contentType: 'application/json',
    // support.atlassian.com/bitbucket-cloud/docs/event-payloads ("HTTP headers").
    userAgent: 'Bitbucket-Webhooks/2.0',
    headers: { 'X-Hook-UUID': '{{uuid#hook}}', 'X-Attempt-Number': '1' },
    // The event key is the whole event name (`repo:push`), as the header carries it.
    eventHeader: { name: 'X-Event-Key', value: '{event}' },
    // One UUID per request; whether a retry keeps it is not documented (assumed: it does).
    deliveryId: { header: 'X-Request-UUID', format: '{{uuid}}' },
  },
  events: [],
  catalogue: 'bitbucket',
  // "Generate secret" in the webhook form makes a random string; any text is accepted.
  devSecret: 'hookctl_bitbucket_dev_secret',
  delivery: {
    timeoutMs: 10_000,
    retryDelaysSec: [10, 30, 1 * MINUTES],
    retryOn: ['5xx'],
    retryOnTimeout: true,
    note: 'assumed: Bitbucket Cloud retries a failed delivery a few times (X-Attempt-Number counts them); the schedule and timeout are not published.',
  },
};
