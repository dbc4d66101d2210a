/**
 * Receivers of the providers that sign as Standard Webhooks or deliver through Svix, each verifying
 * with the provider's own library: what the provider tells its users to run.
 */
import { verifyWebhook as clerkVerify } from '@clerk/backend/webhooks';
import { WebhookHandler as LiveblocksHandler } from '@liveblocks/node';
import { webhooks as polarWebhooks } from '@polar-sh/sdk/2027-01';
import OpenAI from 'openai';
import { validateWebhook as replicateValidate } from 'replicate';
import { Resend } from 'resend';
import type { Received } from '../support/server.js';
import { age, fail, header, ok, type ReceiverFamily, thrown, type Verdict, type Verifier } from './receiver-kit.js';

/** `v1,<base64 of 32 bytes>` entries, space-separated: the format every one of these libraries parses. */
const V1_LIST = /^v1,[A-Za-z0-9+/]{43}=( v1,[A-Za-z0-9+/]{43}=)*$/;

/** Format-check the signature header, then let the library judge (it throws on any failure). */
export function judged(prefix: 'svix' | 'webhook', check: (req: Received) => unknown): Verifier {
  return async (req): Promise<Verdict> => {
    const sig = header(req, `${prefix}-signature`);
    if (!sig) return fail('missing');
    if (!V1_LIST.test(sig)) return fail('malformed', sig);
    try {
      await check(req);
      return ok;
    } catch (err) {
      return thrown(err);
    }
  };
}

const plainHeaders = (req: Received) => Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));

export const SVIX_RECEIVERS: ReceiverFamily = {
  openai: (secret) => judged('webhook', (req) => new OpenAI({ apiKey: 'sk-test' }).webhooks.unwrap(req.body.toString('utf8'), plainHeaders(req), secret)),
  // Clerk's verifyWebhook takes the framework's WHATWG Request, as a Next.js route handler has it.
  clerk: (secret) =>
    judged('svix', (req) =>
      clerkVerify(new Request(`http://${header(req, 'host')}${req.url}`, { method: 'POST', headers: plainHeaders(req), body: new Uint8Array(req.body) }), { signingSecret: secret }),
    ),
  resend: (secret) =>
    judged('svix', (req) =>
      new Resend('re_test').webhooks.verify({
        payload: req.body.toString('utf8'),
        headers: { id: header(req, 'svix-id') ?? '', timestamp: header(req, 'svix-timestamp') ?? '', signature: header(req, 'svix-signature') ?? '' },
        webhookSecret: secret,
      }),
    ),
  // validateEvent also refuses a type it does not know (PolarWebhookUnknownTypeError).
  polar: (secret) => judged('webhook', (req) => polarWebhooks.validateEvent(req.body, plainHeaders(req), secret)),
  // validateWebhook answers a boolean and reads no clock; Replicate's guide (replicate.com/docs/topics/webhooks/verify-webhook)
  // tells the receiver to refuse an old timestamp itself, so this receiver does, as hookctl test demands.
  replicate: (secret) =>
    judged('webhook', async (req) => {
      const parts = { id: header(req, 'webhook-id') ?? '', timestamp: header(req, 'webhook-timestamp') ?? '', signature: header(req, 'webhook-signature') ?? '' };
      if (!(await replicateValidate({ ...parts, body: req.body.toString('utf8'), secret }))) throw new Error('replicate: invalid signature');
      if (!/^\d+$/.test(parts.timestamp)) throw new Error('replicate: timestamp not whole seconds, stale');
      if (age(Number(parts.timestamp)) > 300) throw new Error('replicate: timestamp too old');
      if (age(Number(parts.timestamp)) < -300) throw new Error('replicate: timestamp too new');
    }),
  liveblocks: (secret) => judged('webhook', (req) => new LiveblocksHandler(secret).verifyRequest({ headers: plainHeaders(req), rawBody: req.body.toString('utf8') })),
};

/** Test secrets in each provider's form: whsec_ + base64 for the Svix-style ones, Polar's polar_whs_ as text. */
const whsec = (id: string) => `whsec_${Buffer.from(`hookctl test secret for ${id}`).toString('base64')}`;
export const SVIX_SECRETS: Record<string, string> = {
  openai: whsec('openai'),
  clerk: whsec('clerk'),
  resend: whsec('resend'),
  liveblocks: whsec('liveblocks'),
  replicate: whsec('replicate'),
  polar: 'polar_whs_hookctlTestSecretForPolar0000000000',
};
