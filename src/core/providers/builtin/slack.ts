import type { ProviderProfile } from '../types.js';
import { LITERAL_SECRET, MINUTES, prefixed } from './shapes.js';

export const slack: ProviderProfile = {
  id: 'slack',
  name: 'Slack',
  category: 'messaging',
  verifier: { package: '@slack/bolt', call: 'verifySlackRequest({ signingSecret, body, headers })' },
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
  // Every event, generated from the provider's own published types (docs/events.md).
  events: [],
  catalogue: 'slack',
  devSecret: '8f742231b10e8888abcd99yyyzzz85a5',
  notSecrets: { prefixes: ['xoxb-', 'xoxp-', 'xoxa-', 'xapp-'], is: 'a Slack token', where: 'api.slack.com/apps > your app > Basic Information > App Credentials > Signing Secret' },
  delivery: {
    timeoutMs: 3_000,
    retryDelaysSec: [0, 1 * MINUTES, 5 * MINUTES],
    retryOn: ['1xx', '3xx', '4xx', '5xx'],
    retryOnTimeout: true,
    note: 'Events API: 3 s to answer; retried nearly immediately, after 1 min and after 5 min.',
  },
};
