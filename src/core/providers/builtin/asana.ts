import { ASANA_HOOK_SECRET } from './handshakes.js';
import type { EventSpec, ProviderProfile } from '../types.js';
import { HOURS, LITERAL_SECRET, MINUTES, prefixed } from './shapes.js';

/** A batch's first event names it: its resource's type and the action (Asana sends `{ events: [...] }`). */
const event = (resource: string, action: string, description: string): EventSpec => ({
  name: `${resource}.${action}`,
  description,
  match: { 'events.0.resource.resource_type': resource, 'events.0.action': action },
});

export const asana: ProviderProfile = {
  id: 'asana',
  name: 'Asana',
  category: 'productivity',
  docs: 'https://developers.asana.com/docs/webhooks-guide',
  // Bare hex HMAC-SHA256 of the body, keyed with the X-Hook-Secret the handshake handed the receiver.
  scheme: {
    content: '{body}',
    signatures: [prefixed('X-Hook-Signature', '')],
    secret: LITERAL_SECRET,
  },
  request: {
    method: 'POST',
    path: '/webhooks/asana',
    contentType: 'application/json',
  },
  events: [
    event('task', 'added', 'A task was added to the watched project'),
    event('task', 'changed', 'A field of a task changed (the change names it)'),
    event('task', 'deleted', 'A task was deleted'),
    event('story', 'added', 'A comment (a story) was added to a task'),
    event('project', 'changed', 'A field of the watched project changed'),
    { name: 'heartbeat', description: 'An empty batch Asana sends to keep the webhook alive', match: { 'events.length': 0 } },
    {
      name: 'handshake',
      description: 'The confirmation while the webhook is created: an unsigned POST with X-Hook-Secret and no body; echo the header with 200 or 204',
      // A new secret per webhook; `--header X-Hook-Secret=<secret>` sends the one your later deliveries are signed with.
      request: { unsigned: true, template: 'query', headers: { 'X-Hook-Secret': '{{hex:64}}' } },
      handshake: ASANA_HOOK_SECRET,
    },
  ],
  devSecret: 'hookctl_asana_dev_hook_secret',
  delivery: {
    timeoutMs: 10_000,
    retryDelaysSec: [1 * MINUTES, 5 * MINUTES, 30 * MINUTES, 2 * HOURS, 6 * HOURS, 12 * HOURS],
    retryOn: ['1xx', '3xx', '4xx', '5xx'],
    retryOnTimeout: true,
    note: 'documented: a success status within 10 s, else Asana re-sends for up to 24 hours before giving up (developers.asana.com/docs/webhooks-guide). The schedule within those 24 h is an approximation.',
  },
};
