import type { ProviderProfile } from '../types.js';
import { LITERAL_SECRET, prefixed } from './shapes.js';

export const ittybit: ProviderProfile = {
  id: 'ittybit',
  name: 'Ittybit',
  category: 'media',
  docs: 'https://ittybit.com/guides/webhooks',
  // No prefix. The doc's Express sample hashes JSON.stringify(req.body): compact bodies keep it working.
  scheme: { content: '{body}', signatures: [prefixed('Ittybit-Signature', '')], secret: LITERAL_SECRET },
  request: { method: 'POST', path: '/webhooks/ittybit', contentType: 'application/json' },
  events: [
    { name: 'job.completed', description: 'task succeeded: status "succeeded" with an output object' },
    { name: 'job.failed', description: 'task failed: status "failed" with an error' },
  ],
  devSecret: 'hookctl_dev_secret',
  delivery: {
    timeoutMs: 10_000,
    retryDelaysSec: [],
    retryOn: ['5xx'],
    retryOnTimeout: false,
    note: 'retries on 5xx; neither schedule nor timeout is documented, so no retry is simulated and 10 s is assumed.',
  },
};
