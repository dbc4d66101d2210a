import type { ProviderProfile } from '../types.js';
import { HOURS, LITERAL_SECRET, MINUTES, prefixed } from './shapes.js';

export const transcodely: ProviderProfile = {
  id: 'transcodely',
  name: 'Transcodely',
  category: 'media',
  docs: 'https://docs.transcodely.com/webhooks',
  // The doc's prose says "raw body", but its steps and all three code samples sign `{timestamp}.{body}`.
  scheme: {
    content: '{timestamp}.{body}',
    signatures: [prefixed('X-Transcodely-Signature', 'sha256=')],
    secret: LITERAL_SECRET,
    timestamp: { source: 'header', header: 'X-Transcodely-Timestamp', unit: 's', tolerance: { pastSec: 300, futureSec: 300 } },
  },
  request: {
    method: 'POST',
    path: '/webhooks/transcodely',
    contentType: 'application/json',
    deliveryId: { header: 'X-Transcodely-Delivery-ID', format: '{{id:dlv_}}' },
  },
  events: [
    { name: 'job.completed', description: 'all outputs finished successfully' },
    { name: 'job.failed', description: 'the job failed with an error' },
    { name: 'job.canceled', description: 'the job was canceled by the user' },
    { name: 'job.partial', description: 'some outputs succeeded, others failed' },
    { name: 'job.awaiting_confirmation', description: 'a delayed job is ready for review' },
  ],
  devSecret: 'whsec_hookctl_dev_secret',
  delivery: {
    timeoutMs: 30_000,
    retryDelaysSec: [1 * MINUTES, 5 * MINUTES, 30 * MINUTES, 2 * HOURS, 12 * HOURS],
    retryOn: ['1xx', '3xx', '4xx', '5xx'],
    retryOnTimeout: true,
    note: '6 attempts (immediate, 1 min, 5 min, 30 min, 2 h, 12 h) on non-2xx or timeout, same X-Transcodely-Delivery-ID on each.',
  },
};
