import { MSGRAPH_VALIDATION } from './handshakes.js';
import type { EventSpec, ProviderProfile } from '../types.js';
import { HOURS, LITERAL_SECRET, MINUTES } from './shapes.js';

const change = (type: string, description: string): EventSpec => ({ name: type, description, match: { 'value.0.changeType': type } });
const lifecycle = (type: string, description: string): EventSpec => ({ name: type, description, match: { 'value.0.lifecycleEvent': type } });

/**
 * Microsoft Graph change notifications to a webhook. The events are Graph's own enums: `changeType`
 * (created, updated, deleted) and `lifecycleEvent` (reauthorizationRequired, subscriptionRemoved,
 * missed); the resource is the subscription's (a user's messages here; `--set value.0.resource=…`).
 */
export const msgraph: ProviderProfile = {
  id: 'msgraph',
  name: 'Microsoft Graph',
  category: 'productivity',
  docs: 'https://learn.microsoft.com/graph/change-notifications-delivery-webhooks',
  // No signature: each notification carries the subscription's clientState, which the receiver
  // compares with the value it created the subscription with (rich notifications add JWTs, not built).
  scheme: {
    content: '{body}',
    signatures: [{ header: 'clientState', field: 'value.0.clientState', algorithm: 'token', encoding: 'hex', format: { style: 'prefixed', prefix: '' } }],
    secret: LITERAL_SECRET,
  },
  request: {
    method: 'POST',
    path: '/webhooks/msgraph',
    contentType: 'application/json; charset=utf-8',
  },
  events: [
    change('created', 'A resource the subscription watches was created (a message arrived)'),
    change('updated', 'A watched resource changed'),
    change('deleted', 'A watched resource was deleted'),
    lifecycle('reauthorizationRequired', 'The subscription’s access token is about to expire: reauthorize it, or notifications stop'),
    lifecycle('subscriptionRemoved', 'Graph removed the subscription: create it again to keep receiving notifications'),
    lifecycle('missed', 'Graph dropped notifications it could not deliver: resynchronize with a delta query'),
    {
      name: 'validation',
      description: 'The check when the subscription is created: a POST ?validationToken=… with no body; answer 200 with the token, decoded, as text/plain within 10 s',
      contentType: 'text/plain; charset=utf-8',
      request: { unsigned: true, template: 'query' },
      handshake: MSGRAPH_VALIDATION,
    },
  ],
  devSecret: 'hookctl_msgraph_dev_client_state',
  delivery: {
    timeoutMs: 3_000,
    retryDelaysSec: [1 * MINUTES, 5 * MINUTES, 30 * MINUTES, 1 * HOURS, 4 * HOURS],
    retryOn: ['5xx'],
    retryOnTimeout: true,
    note: 'documented: answer 202 (or 2xx) within 3 s, else Graph retries with exponential backoff for up to 4 hours, then drops the notification (and may send `missed`); a slow endpoint is throttled. The schedule within those 4 h is an approximation.',
  },
};
