import type { ProviderProfile } from '../types.js';
import { LITERAL_SECRET, MINUTES, prefixed } from './shapes.js';

export const slack: ProviderProfile = {
  id: 'slack',
  name: 'Slack',
  docs: 'https://api.slack.com/authentication/verifying-requests-from-slack',
  // The signing secret looks like hex but is used as literal text.
  scheme: {
    content: 'v0:{timestamp}:{body}',
    signatures: [prefixed('X-Slack-Signature', 'v0=')],
    secret: LITERAL_SECRET,
    timestamp: { source: 'header', header: 'X-Slack-Request-Timestamp', unit: 's', tolerance: { pastSec: 300, futureSec: null } },
  },
  request: {
    method: 'POST',
    path: '/slack/events',
    contentType: 'application/json',
    userAgent: 'Slackbot 1.0 (+https://api.slack.com/robots)',
  },
  events: [
    { name: 'app_mention', description: 'event_callback: the app was @-mentioned' },
    { name: 'message', description: 'event_callback: a message was posted in a channel' },
    // Slash commands and interactivity are forms, signed over their raw bytes like the JSON events.
    { name: 'slash_command', description: 'a slash command was run (form-encoded)', contentType: 'application/x-www-form-urlencoded', match: { command: true } },
    {
      name: 'block_actions',
      description: 'a button was clicked (form-encoded, JSON in its payload field)',
      contentType: 'application/x-www-form-urlencoded',
      match: { 'payload.type': 'block_actions' },
    },
  ],
  devSecret: '8f742231b10e8888abcd99yyyzzz85a5',
  delivery: {
    timeoutMs: 3_000,
    retryDelaysSec: [0, 1 * MINUTES, 5 * MINUTES],
    retryOn: ['1xx', '3xx', '4xx', '5xx'],
    retryOnTimeout: true,
    note: 'Events API: 3 s to answer; retried nearly immediately, after 1 min and after 5 min.',
  },
};
