import type { ProviderProfile } from '../types.js';
import { LITERAL_SECRET, prefixed } from './shapes.js';

export const mediaconvert: ProviderProfile = {
  id: 'mediaconvert',
  name: 'MediaConvert.io',
  category: 'media',
  docs: 'https://mediaconvert.io/docs/webhooks',
  scheme: { content: '{body}', signatures: [prefixed('X-MediaConvert-Signature', 'sha256=')], secret: LITERAL_SECRET },
  request: { method: 'POST', path: '/webhooks/mediaconvert', contentType: 'application/json' },
  events: [
    { name: 'job.completed', description: 'job finished: status "completed" with cost and output size' },
    { name: 'job.failed', description: 'job failed: status "failed" with error_code and error_message' },
    { name: 'job.progress', description: 'optional progress update: status "processing" with progress_percentage' },
  ],
  devSecret: 'hookctl_dev_secret',
  delivery: {
    timeoutMs: 10_000,
    retryDelaysSec: [],
    retryOn: ['5xx'],
    retryOnTimeout: true,
    note: 'respond within 10 s "to avoid retries"; the retry schedule is not documented, so none is simulated.',
  },
};
