import type { ProviderProfile } from '../types.js';
import { LITERAL_SECRET, MINUTES, prefixed } from './shapes.js';

export const changethisfile: ProviderProfile = {
  id: 'changethisfile',
  name: 'ChangeThisFile',
  category: 'media',
  docs: 'https://changethisfile.com',
  scheme: { content: '{body}', signatures: [prefixed('X-CTF-Signature', 'sha256=')], secret: LITERAL_SECRET },
  request: { method: 'POST', path: '/webhooks/ctf', contentType: 'application/json' },
  events: [
    { name: 'job.completed', description: 'conversion done: state "done" with a download_url (expires in 1 h)' },
    { name: 'job.failed', description: 'conversion failed: state "failed" with an error object' },
  ],
  devSecret: 'hookctl_dev_secret',
  delivery: {
    timeoutMs: 10_000,
    retryDelaysSec: [30, 5 * MINUTES, 30 * MINUTES],
    retryOn: ['1xx', '3xx', '4xx', '5xx'],
    retryOnTimeout: true,
    note: 'retries 3 times after 30 s, 5 min, 30 min on any non-2xx or timeout; two secrets valid during rotation. Timeout not documented: 10 s assumed.',
  },
};
