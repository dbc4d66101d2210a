/**
 * Receivers of the providers whose secret travels as it is: a token header (Telegram) or HTTP Basic
 * credentials (Chargebee with its own handler, Postmark as its documentation says). They can only
 * tell who sent a request; what it says is not bound (hookctl test reports that, not a failure).
 */
import { timingSafeEqual } from 'node:crypto';
import Chargebee, { basicAuthValidator } from 'chargebee';
import { fail, header, ok, type ReceiverFamily, thrown, type Verdict } from './receiver-kit.js';

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** RFC 7617 credentials from Authorization: undefined when absent, null when not `Basic <base64 of user:password>`. */
function basic(value: string | undefined): { user: string; password: string } | null | undefined {
  if (value === undefined) return undefined;
  const m = /^Basic ([A-Za-z0-9+/]+={0,2})$/.exec(value);
  const decoded = m ? Buffer.from(m[1] as string, 'base64').toString('utf8') : '';
  const at = decoded.indexOf(':');
  return at < 0 ? null : { user: decoded.slice(0, at), password: decoded.slice(at + 1) };
}

export const TOKEN_RECEIVERS: ReceiverFamily = {
  // docs.gitlab.com/user/project/integrations/webhooks/#validate-requests-with-a-secret-token
  gitlab: (secret) => (req) => {
    const got = header(req, 'X-Gitlab-Token');
    if (got === undefined) return fail('missing');
    if (got.length === 0) return fail('malformed', got);
    return same(got, secret) ? ok : fail('mismatch');
  },
  // core.telegram.org/bots/api#setwebhook: compare the header with the secret_token given to setWebhook.
  telegram: (secret) => (req) => {
    const got = header(req, 'X-Telegram-Bot-Api-Secret-Token');
    if (got === undefined) return fail('missing');
    if (!/^[A-Za-z0-9_-]{1,256}$/.test(got)) return fail('malformed', got);
    return same(got, secret) ? ok : fail('mismatch');
  },
  // chargebee's own WebhookHandler with its basicAuthValidator, as its README wires it into a route.
  chargebee:
    (secret) =>
    async (req): Promise<Verdict> => {
      const creds = basic(header(req, 'Authorization'));
      if (creds === undefined) return fail('missing');
      if (creds === null) return fail('malformed', header(req, 'Authorization'));
      const [user, password] = [secret.slice(0, secret.indexOf(':')), secret.slice(secret.indexOf(':') + 1)];
      const handler = new Chargebee({ site: 'hookctl-test', apiKey: 'test_key' }).webhooks.createHandler({ requestValidator: basicAuthValidator((u, p) => same(u, user) && same(p, password)) });
      try {
        await handler.handle({ body: req.body.toString('utf8'), headers: req.headers });
        return ok;
      } catch (err) {
        return thrown(err);
      }
    },
  // postmarkapp.com/developer/webhooks/webhooks-overview#protecting-your-webhook: Basic credentials in the URL.
  postmark: (secret) => (req) => {
    const creds = basic(header(req, 'Authorization'));
    if (creds === undefined) return fail('missing');
    if (creds === null) return fail('malformed', header(req, 'Authorization'));
    return same(`${creds.user}:${creds.password}`, secret) ? ok : fail('mismatch');
  },
};

export const TOKEN_SECRETS: Record<string, string> = {
  gitlab: 'hookctl-gitlab-test-token',
  telegram: 'hookctl_telegram_test_token',
  chargebee: 'hookctl-test:chargebee-test-password',
  postmark: 'hookctl-test:postmark-test-password',
};
