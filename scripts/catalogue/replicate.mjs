// Replicate's four webhook events: not event types but the moments a prediction is sent, the values
// of `webhook_events_filter` (replicate index.d.ts `WebhookEventType`). Every body is the Prediction
// object as it stands at that moment (replicate.com/docs/topics/webhooks), type-checked against the
// SDK's `Prediction`. No header names the moment: the body's own fields do.
import { typeCheckFile } from './type-check.mjs';
import { versionOf } from './union-catalogue.mjs';

const MODEL = 'black-forest-labs/flux-schnell';

function prediction(status, extra) {
  const id = '{{id::26}}';
  return {
    id,
    model: MODEL,
    version: 'hidden',
    input: { prompt: 'a lighthouse at dawn, watercolour', num_outputs: 1 },
    logs: '',
    error: null,
    status,
    source: 'api',
    data_removed: false,
    created_at: '{{now:isoms:-9s}}',
    urls: {
      get: `https://api.replicate.com/v1/predictions/${id}`,
      cancel: `https://api.replicate.com/v1/predictions/${id}/cancel`,
      stream: 'https://stream.replicate.com/v1/files/{{id::40}}',
      web: `https://replicate.com/p/${id}`,
    },
    webhook: 'https://acme.dev/webhooks/replicate',
    webhook_events_filter: ['start', 'output', 'logs', 'completed'],
    ...extra,
  };
}

const OUT = 'https://replicate.delivery/xezq/{{id::40}}/out-0.webp';

const EVENTS = [
  { name: 'start', description: 'the prediction started', match: { status: 'starting' }, body: prediction('starting', {}) },
  // Logs arrive while it runs, before any output: the body has no output yet.
  {
    name: 'logs',
    description: 'the prediction wrote logs',
    match: { status: 'processing' },
    body: prediction('processing', { logs: 'Using seed: 48213\nrunning quantized prediction\n 50%|█████     | 2/4 [00:00<00:00,  6.21it/s]\n', started_at: '{{now:isoms:-6s}}' }),
  },
  {
    name: 'output',
    description: 'the prediction produced output',
    match: { status: 'processing', output: true },
    body: prediction('processing', { output: [OUT], logs: 'Using seed: 48213\n100%|██████████| 4/4 [00:00<00:00,  6.30it/s]\n', started_at: '{{now:isoms:-6s}}' }),
  },
  {
    name: 'completed',
    description: 'the prediction finished (succeeded, failed or canceled)',
    match: { completed_at: true },
    body: prediction('succeeded', {
      output: [OUT],
      logs: 'Using seed: 48213\n100%|██████████| 4/4 [00:00<00:00,  6.30it/s]\n',
      started_at: '{{now:isoms:-6s}}',
      completed_at: '{{now:isoms}}',
      metrics: { predict_time: 0.71, total_time: 9.12 },
    }),
  },
];

export async function replicateCatalogue(root) {
  const templates = new Map(EVENTS.map((e) => [e.name, e.body]));
  const checks = EVENTS.map((e) => ({ event: e.name, type: 'Prediction', body: e.body }));
  const types = await typeCheckFile(root, { provider: 'replicate', imports: ["import type { Prediction } from 'replicate';"], checks });
  return {
    meta: { provider: 'replicate', source: `replicate@${versionOf(root, 'replicate')} (index.d.ts WebhookEventType; bodies: the Prediction type)` },
    events: EVENTS.map(({ name, description, match }) => ({ name, description, match })),
    templates,
    types,
  };
}
