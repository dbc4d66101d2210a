import type { ProviderProfile } from '../types.js';
import { LITERAL_SECRET, prefixed } from './shapes.js';

export const downloadApi: ProviderProfile = {
  id: 'download-api',
  name: 'Download API',
  category: 'media',
  scheme: { content: '{body}', signatures: [prefixed('X-Webhook-Signature', 'sha256=')], secret: LITERAL_SECRET },
  request: { method: 'POST', path: '/webhook', contentType: 'application/json' },
  events: [
    { name: 'download.started', description: 'a download began' },
    { name: 'download.progress', description: 'progress update (throttled to 1/s; may repeat)' },
    { name: 'download.completed', description: 'download finished, with file_info and metadata' },
    { name: 'download.failed', description: 'download failed, with an error' },
  ],
  devSecret: 'hookctl_dev_api_key',
  delivery: {
    timeoutMs: 10_000,
    retryDelaysSec: [1, 2, 4],
    retryOn: ['5xx'],
    retryOnTimeout: true,
    note: '3 retries with backoff 1 s, 2 s, 4 s on 5xx and timeout; 4xx is a permanent failure.',
  },
};
