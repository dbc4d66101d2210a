import type { ProviderProfile } from '../types.js';
import { LITERAL_SECRET, MINUTES } from './shapes.js';

export const webflow: ProviderProfile = {
  id: 'webflow',
  name: 'Webflow',
  category: 'cms',
  docs: 'https://developers.webflow.com/data/docs/working-with-webhooks',
  verifier: { package: 'webflow-api', call: 'webhooks.verifySignature({ headers, body, secret })' },
  // webflow-api (wrapper/WebhooksClient.js): hex HMAC-SHA256 of `${x-webflow-timestamp}:${body}` (a
  // colon) keyed by the secret's UTF-8 bytes, compared with ===. The timestamp is Unix milliseconds;
  // the SDK checks no age, Webflow's guide rejects one more than 5 minutes off (both ways: assumed).
  scheme: {
    content: '{timestamp}:{body}',
    signatures: [{ header: 'x-webflow-signature', algorithm: 'sha256', encoding: 'hex', format: { style: 'prefixed', prefix: '' } }],
    secret: LITERAL_SECRET,
    timestamp: { source: 'header', header: 'x-webflow-timestamp', unit: 'ms', tolerance: { pastSec: 5 * MINUTES, futureSec: 5 * MINUTES } },
  },
  request: { method: 'POST', path: '/webhooks/webflow', contentType: 'application/json' },
  // Every trigger of the SDK's TriggerType enum; the body's `triggerType` names it (no event header).
  events: [],
  catalogue: 'webflow',
  // A webhook created through the API has its own `whsec_` secret; an OAuth app's use its client secret.
  devSecret: 'whsec_hookctl_dev_webflow_secret',
  delivery: {
    timeoutMs: 10_000,
    retryDelaysSec: [10 * MINUTES, 10 * MINUTES, 10 * MINUTES],
    retryOn: ['1xx', '2xx', '3xx', '4xx', '5xx'],
    retryOnTimeout: true,
    note: 'developers.webflow.com "Webhook limits and retries": anything but a 200 (redirects too) is retried 3 more times, 10 minutes apart; repeated failures deactivate the webhook. The 10 s timeout is assumed.',
  },
};
