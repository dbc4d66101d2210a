import type { HandshakeSpec } from '../handshake-spec.js';

const SECONDS = 1000;

// What a correct answer to each provider's endpoint check is (docs/handshakes.md). The request
// itself is the event's template; these say what the provider accepts back, and by when.

/** developers.zoom.us/docs/api/webhooks/#validate-your-webhook-endpoint */
export const ZOOM_URL_VALIDATION: HandshakeSpec = {
  name: 'endpoint.url_validation',
  status: [200],
  answers: [{ json: { plainToken: { from: 'body', path: 'payload.plainToken' }, encryptedToken: { hmacSha256Hex: { from: 'body', path: 'payload.plainToken' } } } }],
  deadlineMs: 3 * SECONDS,
  docs: 'https://developers.zoom.us/docs/api/webhooks/#validate-your-webhook-endpoint',
};

/** developers.facebook.com/docs/graph-api/webhooks/getting-started#verification-requests */
export const META_SUBSCRIBE: HandshakeSpec = {
  name: 'hub.challenge',
  status: [200],
  answers: [{ text: { from: 'query', path: 'hub.challenge' } }],
  // Meta documents no deadline for the check; its delivery timeout is used.
  deadlineMs: 10 * SECONDS,
  refuse: { spoil: { from: 'query', path: 'hub.verify_token' }, status: [403], why: 'a receiver answers the challenge only for its own verify token' },
  detect: [
    { from: 'query', path: 'hub.mode' },
    { from: 'query', path: 'hub.challenge' },
  ],
  docs: 'https://developers.facebook.com/docs/graph-api/webhooks/getting-started#verification-requests',
};

/** dev.twitch.tv/docs/eventsub/handling-webhook-events/#responding-to-a-challenge-request */
export const TWITCH_CHALLENGE: HandshakeSpec = {
  name: 'webhook_callback_verification',
  status: [200],
  answers: [{ text: { from: 'body', path: 'challenge' }, contentType: 'text/plain' }],
  deadlineMs: 10 * SECONDS,
  docs: 'https://dev.twitch.tv/docs/eventsub/handling-webhook-events/#responding-to-a-challenge-request',
};

/** developers.asana.com/reference/createwebhook: the handshake is answered while the create call waits. */
export const ASANA_HOOK_SECRET: HandshakeSpec = {
  name: 'X-Hook-Secret',
  status: [200, 204],
  answers: [{ header: { name: 'X-Hook-Secret', value: { from: 'header', path: 'X-Hook-Secret' } } }],
  detect: [{ from: 'header', path: 'X-Hook-Secret' }],
  deadlineMs: 10 * SECONDS,
  docs: 'https://developers.asana.com/reference/createwebhook',
};

/** developers.dropbox.com/detecting-changes-guide: the challenge echoed within 10 s. */
export const DROPBOX_CHALLENGE: HandshakeSpec = {
  name: 'challenge',
  status: [200],
  answers: [{ text: { from: 'query', path: 'challenge' }, contentType: 'text/plain' }],
  detect: [{ from: 'query', path: 'challenge' }],
  deadlineMs: 10 * SECONDS,
  docs: 'https://www.dropbox.com/developers/reference/webhooks',
};

/** developers.notion.com/reference/webhooks: any 2xx; the token is pasted into Notion by hand. */
export const NOTION_VERIFICATION: HandshakeSpec = {
  name: 'verification_token',
  status: [200, 201, 202, 204],
  answers: [{ any: true }],
  detect: [{ from: 'body', path: 'verification_token' }],
  deadlineMs: 10 * SECONDS,
  docs: 'https://developers.notion.com/reference/webhooks',
};

/** developer.okta.com/docs/concepts/event-hooks/#one-time-verification-request */
export const OKTA_VERIFICATION: HandshakeSpec = {
  name: 'X-Okta-Verification-Challenge',
  status: [200],
  answers: [{ json: { verification: { from: 'header', path: 'X-Okta-Verification-Challenge' } } }],
  detect: [{ from: 'header', path: 'X-Okta-Verification-Challenge' }],
  // Okta's 3 s timeout holds for every request it sends.
  deadlineMs: 3 * SECONDS,
  docs: 'https://developer.okta.com/docs/concepts/event-hooks/#one-time-verification-request',
};

/** learn.microsoft.com/graph/change-notifications-delivery-webhooks#notificationurl-validation */
export const MSGRAPH_VALIDATION: HandshakeSpec = {
  name: 'validationToken',
  status: [200],
  // The token as given in the query, URL-decoded (URLSearchParams decodes it), as text/plain.
  answers: [{ text: { from: 'query', path: 'validationToken' }, contentType: 'text/plain' }],
  detect: [{ from: 'query', path: 'validationToken' }],
  deadlineMs: 10 * SECONDS,
  docs: 'https://learn.microsoft.com/graph/change-notifications-delivery-webhooks#notificationurl-validation',
};
