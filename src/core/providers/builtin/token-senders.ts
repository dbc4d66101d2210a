import type { Scheme } from '../../signing/index.js';
import type { ProviderProfile } from '../types.js';
import { HOURS, LITERAL_SECRET, MINUTES } from './shapes.js';

/**
 * Providers that sign nothing: the secret itself travels in a header, as a token of their own
 * (Telegram's X-Telegram-Bot-Api-Secret-Token) or as HTTP Basic credentials (Chargebee, Postmark).
 * A receiver that checks it knows who sent the request, not that the body is what was sent:
 * `send --signature invalid` and `test`'s tampered-body say so rather than pass or fail.
 */
/** HTTP Basic credentials in Authorization: the secret is user:password (Chargebee, Postmark). */
const BASIC_AUTH: Scheme = {
  content: '{body}',
  signatures: [{ header: 'Authorization', algorithm: 'basic', encoding: 'base64', format: { style: 'prefixed', prefix: 'Basic ' } }],
  secret: LITERAL_SECRET,
};

export const TOKEN_SENDERS: readonly ProviderProfile[] = [
  {
    id: 'gitlab',
    name: 'GitLab',
    category: 'dev-tools',
    docs: 'https://docs.gitlab.com/user/project/integrations/webhooks/',
    // The webhook's "Secret token" comes back verbatim in X-Gitlab-Token (docs: "Validate requests with a secret token").
    scheme: {
      content: '{body}',
      signatures: [{ header: 'X-Gitlab-Token', algorithm: 'token', encoding: 'hex', format: { style: 'prefixed', prefix: '' } }],
      secret: LITERAL_SECRET,
    },
    request: {
      method: 'POST',
      path: '/webhooks/gitlab',
      contentType: 'application/json',
      userAgent: 'GitLab/18.6.0-ee',
      // Each event names itself in X-Gitlab-Event (its catalogue entry's own header); these are the same on every event.
      headers: { 'X-Gitlab-Instance': 'https://gitlab.example.com', 'X-Gitlab-Webhook-UUID': '{{uuid#webhook}}' },
      deliveryId: { header: 'X-Gitlab-Event-UUID', format: '{{uuid}}' },
    },
    events: [],
    catalogue: 'gitlab',
    devSecret: 'hookctl-gitlab-dev-token',
    delivery: {
      timeoutMs: 10_000,
      retryDelaysSec: [],
      retryOn: [],
      retryOnTimeout: false,
      note: 'GitLab does not retry a failed delivery; it disables a webhook that keeps failing (docs: "Auto-disabled webhooks"). 10 s is the GitLab.com timeout.',
    },
  },
  {
    id: 'telegram',
    name: 'Telegram Bot API',
    category: 'messaging',
    docs: 'https://core.telegram.org/bots/api#setwebhook',
    // setWebhook's secret_token (1-256 of A-Z a-z 0-9 _ -) comes back in this header on every update.
    scheme: {
      content: '{body}',
      signatures: [{ header: 'X-Telegram-Bot-Api-Secret-Token', algorithm: 'token', encoding: 'hex', format: { style: 'prefixed', prefix: '' } }],
      secret: LITERAL_SECRET,
    },
    request: { method: 'POST', path: '/webhooks/telegram', contentType: 'application/json' },
    events: [],
    catalogue: 'telegram',
    devSecret: 'hookctl_telegram_dev_secret_token',
    delivery: {
      timeoutMs: 60_000,
      retryDelaysSec: [10, MINUTES, 5 * MINUTES, 30 * MINUTES],
      retryOn: ['1xx', '3xx', '4xx', '5xx'],
      retryOnTimeout: true,
      note: 'Telegram repeats an update answered with anything but 2xx "and gives up after a reasonable amount of attempts" (Bot API, setWebhook); the timeout and delays are not documented and are assumptions.',
    },
  },
  {
    id: 'chargebee',
    name: 'Chargebee',
    category: 'payments',
    docs: 'https://www.chargebee.com/docs/2.0/webhook_settings.html',
    verifier: { package: 'chargebee', call: 'new WebhookHandler({ requestValidator: basicAuthValidator(check) }).handle({ body, headers })' },
    // The endpoint's "Protect webhook URL with basic authentication" username and password, as user:password.
    scheme: BASIC_AUTH,
    request: { method: 'POST', path: '/webhooks/chargebee', contentType: 'application/json' },
    events: [],
    catalogue: 'chargebee',
    devSecret: 'hookctl:chargebee-dev-password',
    delivery: {
      timeoutMs: 20_000,
      retryDelaysSec: [2 * MINUTES, 10 * MINUTES, 30 * MINUTES, HOURS, 2 * HOURS, 5 * HOURS, 10 * HOURS],
      retryOn: ['1xx', '3xx', '4xx', '5xx'],
      retryOnTimeout: true,
      note: 'Chargebee retries a non-2xx or a timeout up to 7 times over about 2 days with growing gaps (webhook settings docs); the exact delays are an assumption of that shape.',
    },
  },
  {
    id: 'postmark',
    name: 'Postmark',
    category: 'email',
    docs: 'https://postmarkapp.com/developer/webhooks/webhooks-overview',
    // Postmark signs nothing; it documents Basic credentials in the webhook URL (https://user:pass@host/...), sent as Authorization.
    scheme: BASIC_AUTH,
    request: { method: 'POST', path: '/webhooks/postmark', contentType: 'application/json' },
    events: [],
    catalogue: 'postmark',
    devSecret: 'hookctl:postmark-dev-password',
    delivery: {
      timeoutMs: 10_000,
      retryDelaysSec: [MINUTES, 5 * MINUTES, 10 * MINUTES, 10 * MINUTES, 10 * MINUTES, 15 * MINUTES, 30 * MINUTES, HOURS, 2 * HOURS, 6 * HOURS],
      retryOn: ['1xx', '3xx', '4xx', '5xx'],
      retryOnTimeout: true,
      stopOn: [403],
      note: 'Postmark: bounce and inbound webhooks are retried 10 times over about 10.5 hours (1, 5, 10, 10, 10, 15, 30 min, 1, 2, 6 h); a 403 stops retries (webhooks overview).',
    },
  },
];
