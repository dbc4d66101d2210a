import { TWITCH_CHALLENGE } from './handshakes.js';
import type { ProviderProfile } from '../types.js';
import { LITERAL_SECRET, MINUTES, prefixed } from './shapes.js';

/** Each message names its kind and its subscription in headers (Twitch CLI's `forward_event.go` sends the same set). */
const headers = (messageType: string, subscription: string, version: string) => ({
  'Twitch-Eventsub-Message-Type': messageType,
  'Twitch-Eventsub-Subscription-Type': subscription,
  'Twitch-Eventsub-Subscription-Version': version,
});

export const twitch: ProviderProfile = {
  id: 'twitch',
  name: 'Twitch EventSub',
  category: 'media',
  docs: 'https://dev.twitch.tv/docs/eventsub/handling-webhook-events/#verifying-the-event-message',
  // HMAC-SHA256 of message id + timestamp + raw body, keyed with the subscription's secret as text; the
  // timestamp is RFC 3339 with nanoseconds and is signed exactly as the header carries it.
  scheme: {
    content: '{id}{timestamp}{body}',
    signatures: [prefixed('Twitch-Eventsub-Message-Signature', 'sha256=')],
    secret: LITERAL_SECRET,
    // Twitch's docs and twurple drop messages older than 10 minutes; neither bounds the future.
    timestamp: { source: 'header', header: 'Twitch-Eventsub-Message-Timestamp', unit: 'iso', digits: 9, tolerance: { pastSec: 10 * MINUTES, futureSec: null } },
    id: { header: 'Twitch-Eventsub-Message-Id', uuid: true },
  },
  request: {
    method: 'POST',
    path: '/webhooks/twitch',
    contentType: 'application/json',
    headers: { 'Twitch-Eventsub-Message-Retry': '0' },
  },
  // Every notification (each subscription type and version) is generated from twurple's published
  // list (docs/events.md), named from the body: the subscription's type, with an `event` present, since
  // the Subscription-Type header also rides on revocations and challenges. The handshake is hand-written.
  events: [
    {
      name: 'revocation',
      description: 'Twitch revoked the subscription (authorization revoked, user removed, too many failures): answer 2xx',
      match: { 'subscription.status': 'authorization_revoked' },
      request: { headers: headers('revocation', 'channel.follow', '2') },
    },
    {
      name: 'webhook_callback_verification',
      description: 'The challenge after a subscription is created, signed like a notification: answer 200 with the raw challenge as text/plain',
      match: { challenge: true },
      request: { headers: headers('webhook_callback_verification', 'channel.follow', '2') },
      handshake: TWITCH_CHALLENGE,
    },
  ],
  catalogue: 'twitch',
  devSecret: 'hookctl_twitch_dev_secret',
  delivery: {
    timeoutMs: 10_000,
    retryDelaysSec: [],
    retryOn: [],
    retryOnTimeout: false,
    note: 'documented: answer within a few seconds, or after repeated failures the subscription is revoked (notification_failures_exceeded). Twitch re-sends unanswered messages (Twitch-Eventsub-Message-Retry counts them) on a schedule it does not document, so none is simulated; the 10 s timeout is the Twitch CLI’s.',
  },
};
