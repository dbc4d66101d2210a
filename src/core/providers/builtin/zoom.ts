import { ZOOM_URL_VALIDATION } from './handshakes.js';
import type { EventSpec, ProviderProfile } from '../types.js';
import { LITERAL_SECRET, MINUTES, prefixed } from './shapes.js';

const event = (name: string, description: string): EventSpec => ({ name, description });

export const zoom: ProviderProfile = {
  id: 'zoom',
  name: 'Zoom',
  category: 'messaging',
  docs: 'https://developers.zoom.us/docs/api/webhooks/#verify-webhook-events',
  // Slack's layout under Zoom's names: v0:{x-zm-request-timestamp}:{body}, keyed with the app's secret token as text.
  scheme: {
    content: 'v0:{timestamp}:{body}',
    signatures: [prefixed('x-zm-signature', 'v0=')],
    secret: LITERAL_SECRET,
    // Zoom documents no window and its sample and Rivet check none; 300 s past is the usual replay guard.
    timestamp: { source: 'header', header: 'x-zm-request-timestamp', unit: 's', tolerance: { pastSec: 300, futureSec: null } },
  },
  request: {
    method: 'POST',
    path: '/webhooks/zoom',
    contentType: 'application/json; charset=utf-8',
    userAgent: 'Zoom Marketplace/1.0a',
  },
  // Zoom names the event in the body's `event` field.
  events: [
    event('meeting.created', 'A meeting was scheduled'),
    event('meeting.started', 'A meeting started'),
    event('meeting.ended', 'A meeting ended'),
    event('meeting.participant_joined', 'A participant joined a meeting'),
    event('meeting.participant_left', 'A participant left a meeting'),
    event('recording.completed', 'A cloud recording is ready to download'),
    event('webinar.started', 'A webinar started'),
    { ...event('endpoint.url_validation', 'The endpoint check (on validation and every 72 h), signed like any event: answer {plainToken, encryptedToken} within 3 s'), handshake: ZOOM_URL_VALIDATION },
  ],
  devSecret: 'hookctl_zoom_dev_secret_token',
  delivery: {
    timeoutMs: 3_000,
    retryDelaysSec: [5 * MINUTES, 20 * MINUTES, 60 * MINUTES],
    retryOn: ['1xx', '3xx', '4xx', '5xx'],
    retryOnTimeout: true,
    note: 'documented: a 200 or 204 within 3 s, else 3 retries, 5 min, 20 min and 60 min apart (developers.zoom.us/blog/webhook-delays). Which non-2xx statuses are retried is not said: all are assumed.',
  },
};
