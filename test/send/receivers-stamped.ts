/**
 * Receivers of the providers that sign a timestamp with the body (src/core/providers/builtin/
 * stamped-signers.ts), each verifying with the provider's own npm library where it can take the raw
 * bytes, the header's format checked first so that a malformed signature is told apart from a mismatch.
 */
import { createHmac, generateKeyPairSync, timingSafeEqual } from 'node:crypto';
import { ElevenLabsClient } from '@elevenlabs/elevenlabs-js';
import Mux from '@mux/mux-node';
import { isValidSignature } from '@sanity/webhook';
import Telnyx from 'telnyx';
import { WorkOS } from '@workos-inc/node';
import { WebflowClient } from 'webflow-api';
import { age, fail, header, ok, thrown, type ReceiverFamily, type Verdict } from './receiver-kit.js';

const workos = new WorkOS('sk_test_hookctl');
const elevenlabs = new ElevenLabsClient({ apiKey: 'hookctl' });
const webflow = new WebflowClient({ accessToken: 'hookctl' });
const telnyx = new Telnyx({ apiKey: 'hookctl' });
const mux = new Mux({ tokenId: 'hookctl', tokenSecret: 'hookctl' });

/**
 * Telnyx's test key pair, made here with node:crypto: base64 of the 64-byte seed + public key (what
 * hookctl signs with) and of the 32-byte public key (what the account's portal shows).
 */
const ed = generateKeyPairSync('ed25519');
const edPublic = Buffer.from(ed.publicKey.export({ format: 'jwk' }).x as string, 'base64url');
const TELNYX_KEYS = {
  privateKey: Buffer.concat([Buffer.from(ed.privateKey.export({ format: 'jwk' }).d as string, 'base64url'), edPublic]).toString('base64'),
  publicKey: edPublic.toString('base64'),
};

/** The 32-byte public key a receiver holds: given the 64-byte private form, its second half. */
const telnyxPublic = (key: string): string => {
  const bytes = Buffer.from(key, 'base64');
  return bytes.length === 64 ? bytes.subarray(32).toString('base64') : key;
};

const sameHex = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));
const hmacHex = (secret: string, ...parts: (string | Buffer)[]): string => {
  const h = createHmac('sha256', secret);
  for (const p of parts) h.update(p);
  return h.digest('hex');
};

export const STAMPED_RECEIVERS: ReceiverFamily = {
  workos:
    (secret) =>
    (req): Verdict => {
      // workos.com/docs/events/data-syncing/webhooks, "validating manually": the header through the SDK's
      // own parser, then HMAC-SHA256 over `${t}.${raw body}` and the SDK's 180 s window (past only).
      // (constructEvent itself takes the parsed body and re-serializes it: test/catalogue/workos.test.ts
      // runs every delivery through it.)
      const sig = header(req, 'WorkOS-Signature');
      if (!sig) return fail('missing');
      if (!/^t=\d{13}(, v1=[0-9a-f]{64})+$/.test(sig)) return fail('malformed', sig);
      const [t, hash] = workos.webhooks.getTimestampAndSignatureHash(sig) as [string, string];
      if (Number.parseInt(t, 10) < Date.now() - 180_000) return fail('stale', t);
      return sameHex(hmacHex(secret, `${t}.`, req.body), hash) ? ok : fail('mismatch');
    },
  mux: (secret) => async (req) => {
    // @mux/mux-node's own check on the raw body, as its docs ask (the string, not parsed JSON).
    const sig = header(req, 'Mux-Signature');
    if (!sig) return fail('missing');
    if (!/^t=\d+(,v1=[0-9a-f]{64})+$/.test(sig)) return fail('malformed', sig);
    try {
      await mux.webhooks.unwrap(req.body.toString('utf8'), req.headers as Record<string, string>, secret);
      return ok;
    } catch (err) {
      return thrown(err);
    }
  },
  elevenlabs: (secret) => async (req) => {
    // @elevenlabs/elevenlabs-js's constructEvent on the raw body. Its timestamp check turns a
    // non-number into NaN, never too old: the format check first refuses one.
    const sig = header(req, 'ElevenLabs-Signature');
    if (!sig) return fail('missing');
    if (!/^t=\d+(,v0=[0-9a-f]{64})+$/.test(sig)) return fail('malformed', sig);
    try {
      await elevenlabs.webhooks.constructEvent(req.body.toString('utf8'), sig, secret);
      return ok;
    } catch (err) {
      return thrown(err);
    }
  },
  webflow: (secret) => async (req) => {
    // webflow-api's verifySignature on the raw body, after the 5-minute window of Webflow's guide
    // (developers.webflow.com/data/docs/working-with-webhooks): the SDK itself checks no age.
    const sig = header(req, 'x-webflow-signature');
    const ts = header(req, 'x-webflow-timestamp');
    if (!sig) return fail('missing');
    if (!/^[0-9a-f]{64}$/.test(sig)) return fail('malformed', sig);
    if (!ts || !/^\d{13}$/.test(ts)) return fail('malformed', `timestamp ${ts}`);
    if (Date.now() - Number(ts) > 300_000) return fail('stale', ts);
    if (Number(ts) - Date.now() > 300_000) return fail('future', ts);
    const headers = { 'x-webflow-signature': sig, 'x-webflow-timestamp': ts };
    return (await webflow.webhooks.verifySignature({ headers, body: req.body.toString('utf8'), secret })) ? ok : fail('mismatch');
  },
  telnyx: (key) => async (req) => {
    // telnyx's own webhooks.unwrap with the account's public key; its one message for the window
    // ("too old or too new") is told apart by the timestamp's sign.
    const sig = header(req, 'telnyx-signature-ed25519');
    const ts = header(req, 'telnyx-timestamp');
    if (!sig) return fail('missing');
    if (!/^[A-Za-z0-9+/]{86}==$/.test(sig)) return fail('malformed', sig);
    if (!ts || !/^\d+$/.test(ts)) return fail('malformed', `timestamp ${ts}`);
    try {
      await telnyx.webhooks.unwrap(req.body.toString('utf8'), { headers: req.headers as Record<string, string>, key: telnyxPublic(key) });
      return ok;
    } catch (err) {
      const m = (err as Error).message;
      if (/too old or too new/.test(m)) return fail(age(Number(ts)) > 0 ? 'stale' : 'future', m);
      return thrown(err);
    }
  },
  sanity: (secret) => async (req) => {
    // @sanity/webhook's isValidSignature on the raw body; its header regex, anchored, is the format check.
    const sig = header(req, 'sanity-webhook-signature');
    if (!sig) return fail('missing');
    if (!/^t=\d{13},v1=[A-Za-z0-9_-]{43}$/.test(sig)) return fail('malformed', sig);
    return (await isValidSignature(req.body.toString('utf8'), sig, secret)) ? ok : fail('mismatch');
  },
  calendly: (secret) => (req) => {
    // No npm library: developer.calendly.com/api-docs/4c305798a61d3-webhook-signatures, with node:crypto:
    // split on the comma, HMAC-SHA256 of `${t}.${raw body}`, refuse a t older than 3 minutes.
    const sig = header(req, 'Calendly-Webhook-Signature');
    if (!sig) return fail('missing');
    if (!/^t=\d+(,v1=[0-9a-f]{64})+$/.test(sig)) return fail('malformed', sig);
    const [t, ...v1] = sig.split(',').map((kv) => kv.slice(kv.indexOf('=') + 1));
    if (Number(t) * 1000 < Date.now() - 180_000) return fail('stale', t);
    const expected = hmacHex(secret, `${t}.`, req.body);
    return v1.some((s) => sameHex(s, expected)) ? ok : fail('mismatch');
  },
};

export const STAMPED_SECRETS: Record<string, string> = { telnyx: TELNYX_KEYS.privateKey };

/** The public half each asymmetric provider's receiver holds (for FAMILY_PUBLIC_KEYS). */
export const STAMPED_PUBLIC_KEYS: Record<string, string> = { telnyx: TELNYX_KEYS.publicKey };
