import type { ProviderProfile } from '../types.js';
import { LITERAL_SECRET, prefixed } from './shapes.js';

export const github: ProviderProfile = {
  id: 'github',
  name: 'GitHub',
  category: 'dev-tools',
  verifier: { package: '@octokit/webhooks-methods', call: 'verify(secret, body, signature)' },
  docs: 'https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries',
  scheme: {
    content: '{body}',
    signatures: [prefixed('X-Hub-Signature-256', 'sha256='), prefixed('X-Hub-Signature', 'sha1=', 'hex', 'sha1')],
    secret: LITERAL_SECRET,
  },
  request: {
    method: 'POST',
    path: '/webhooks/github',
    contentType: 'application/json',
    userAgent: 'GitHub-Hookshot/{{hex:7}}',
    headers: {
      'X-GitHub-Hook-ID': '{{int:100000000:999999999}}',
      'X-GitHub-Hook-Installation-Target-Type': 'repository',
      'X-GitHub-Hook-Installation-Target-ID': '{{int:100000000:999999999}}',
    },
    eventHeader: { name: 'X-GitHub-Event', value: '{eventBase}' },
    deliveryId: { header: 'X-GitHub-Delivery', format: '{{uuid}}' },
  },
  // Every event type, generated from GitHub's webhook description and recorded deliveries (docs/events.md).
  events: [],
  catalogue: 'github',
  devSecret: 'hookctl_dev_secret',
  notSecrets: {
    prefixes: ['ghp_', 'gho_', 'ghs_', 'github_pat_'],
    is: 'a GitHub token',
    where: "the webhook's settings (repository or organization > Settings > Webhooks > Secret): the text you chose there",
  },
  delivery: {
    timeoutMs: 10_000,
    retryDelaysSec: [],
    retryOn: [],
    retryOnTimeout: false,
    note: 'GitHub does not retry failed deliveries automatically; it gives up after 10 s.',
  },
};
