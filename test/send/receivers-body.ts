/**
 * Receivers of the body signers (src/core/providers/builtin/body-signers.ts): each verifies with the
 * provider's own library where it has one, else as its documentation says (cited inline). None signs
 * a timestamp, so none answers `stale` or `future`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { parse as gocardlessParse } from 'gocardless-nodejs/webhooks';
import Razorpay from 'razorpay';
import { WebhooksHelper } from 'square';
import { fail, header, ok, reachedAt, type ReceiverFamily } from './receiver-kit.js';

/** A hex HMAC-SHA256: 64 lower-case hex digits. */
const HEX_SHA256 = /^[0-9a-f]{64}$/;

/** A base64 HMAC-SHA256: 32 bytes, 44 characters with its padding. */
const BASE64_SHA256 = /^[A-Za-z0-9+/]{43}=$/;

export const BODY_RECEIVERS: ReceiverFamily = {
  // square@46.0.0 WebhooksHelper.verifySignature, given the URL the request reached, as the SDK's docs show.
  square: (secret) => async (req) => {
    const sig = header(req, 'x-square-hmacsha256-signature');
    if (sig === undefined) return fail('missing');
    if (!BASE64_SHA256.test(sig)) return fail('malformed', sig);
    const valid = await WebhooksHelper.verifySignature({ requestBody: req.body.toString('utf8'), signatureHeader: sig, signatureKey: secret, notificationUrl: reachedAt(req) });
    return valid ? ok : fail('mismatch');
  },
};

/** A receiver that checks the header's form, then lets the provider's library judge the signature (it throws on a mismatch). */
function throwsOnMismatch(name: string, form: RegExp, check: (body: Buffer, sig: string, secret: string) => unknown): ReceiverFamily[string] {
  return (secret) => (req) => {
    const sig = header(req, name);
    if (sig === undefined) return fail('missing');
    if (!form.test(sig)) return fail('malformed', sig);
    try {
      check(req.body, sig, secret);
      return ok;
    } catch (err) {
      return fail('mismatch', (err as Error).message);
    }
  };
}

Object.assign(BODY_RECEIVERS, {
  // razorpay@2.9.8 Razorpay.validateWebhookSignature(body, signature, secret) on the raw body.
  razorpay: throwsOnMismatch('X-Razorpay-Signature', HEX_SHA256, (body, sig, secret) => {
    if (!Razorpay.validateWebhookSignature(body.toString('utf8'), sig, secret)) throw new Error('signature mismatch');
  }),
  // No official verifier: vercel.com/docs/webhooks/webhooks-api (hex HMAC-SHA1 of the raw body).
  vercel: throwsOnMismatch('x-vercel-signature', /^[0-9a-f]{40}$/, (body, sig, secret) => {
    if (!timingSafeEqual(Buffer.from(createHmac('sha1', secret).update(body).digest('hex')), Buffer.from(sig))) throw new Error('signature mismatch');
  }),
  // No official verifier: sentry-docs integration-platform/webhooks.mdx (hex HMAC-SHA256 of the body
  // with the Client Secret). Its sample signs JSON.stringify(request.body); this receiver verifies the
  // bytes received, as a receiver must (test/catalogue/body-signers.test.ts runs the docs' way too).
  sentry: throwsOnMismatch('Sentry-Hook-Signature', HEX_SHA256, (body, sig, secret) => {
    if (!timingSafeEqual(Buffer.from(createHmac('sha256', secret).update(body).digest('hex')), Buffer.from(sig))) throw new Error('signature mismatch');
  }),
  // No official verifier: PagerDuty/developer-docs docs/webhooks/04-Signatures.md (split on ",", keep
  // the v1= ones, compare each with the hex HMAC-SHA256 of the raw body in constant time).
  pagerduty: throwsOnMismatch('X-PagerDuty-Signature', /^v1=[0-9a-f]{64}(,v1=[0-9a-f]{64})*$/, (body, sig, secret) => {
    const expected = Buffer.from(`v1=${createHmac('sha256', secret).update(body).digest('hex')}`);
    if (!sig.split(',').some((s) => timingSafeEqual(Buffer.from(s), expected))) throw new Error('no v1 signature matches');
  }),
  // No official verifier: typeform.com/developers/webhooks/secure-your-webhooks ("sha256=" then the
  // base64 HMAC-SHA256 of the raw payload, compared in constant time).
  typeform: throwsOnMismatch('Typeform-Signature', /^sha256=[A-Za-z0-9+/]{43}=$/, (body, sig, secret) => {
    const expected = `sha256=${createHmac('sha256', secret).update(body).digest('base64')}`;
    if (!timingSafeEqual(Buffer.from(expected), Buffer.from(sig))) throw new Error('signature mismatch');
  }),
  // No official verifier: docs.lemonsqueezy.com/help/webhooks/signing-requests (Node sample:
  // createHmac('sha256', secret).update(rawBody).digest('hex'), compared with timingSafeEqual).
  lemonsqueezy: throwsOnMismatch('X-Signature', HEX_SHA256, (body, sig, secret) => {
    if (!timingSafeEqual(Buffer.from(createHmac('sha256', secret).update(body).digest('hex')), Buffer.from(sig))) throw new Error('signature mismatch');
  }),
  // gocardless-nodejs@10.1.2 webhooks.parse: verifies, then returns the events it parsed.
  gocardless: throwsOnMismatch('Webhook-Signature', HEX_SHA256, (body, sig, secret) => {
    if (!Array.isArray(gocardlessParse(body, secret, sig))) throw new Error('no events');
  }),
});

export const BODY_SECRETS: Record<string, string> = {};
