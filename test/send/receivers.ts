/**
 * Receivers that verify deliveries the way each provider's own code, or its documentation, does:
 * written independently of hookctl's signing module (libraries where they exist, node:crypto from
 * the seed documents and PROVIDERS.md otherwise). Each answers 200 or 401 with a reason:
 * `missing` (no signature header), `malformed` (not the provider's format or length),
 * `mismatch` (a well-formed signature that does not match), `stale` / `future` (timestamp outside
 * the window).
 */
import { createHmac, createPrivateKey, createPublicKey, generateKeyPairSync, timingSafeEqual, verify as edVerify } from 'node:crypto';
import { parse as parseForm } from 'node:querystring';
import { EventWebhook } from '@sendgrid/eventwebhook';
import { verifySlackRequest } from '@slack/bolt';
import { verifyKey } from 'discord-interactions';
import twilio from 'twilio';
import { verify as octokitVerify } from '@octokit/webhooks-methods';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import Stripe from 'stripe';
import { Webhook as SvixWebhook } from 'svix';
import type { Received } from '../support/server.js';
import { FAMILY_PUBLIC_KEYS, FAMILY_RECEIVERS, FAMILY_SECRETS } from './receivers-families.js';
import { documentedAnswer, handshakeVerifierFor } from './receivers-handshake.js';
import type { Reason, Verdict, Verifier } from './receiver-kit.js';

export type { Reason, Verdict, Verifier } from './receiver-kit.js';

/**
 * Test key pairs made here with node:crypto, independently of hookctl's key code: Discord's in NaCl
 * hex (64-byte seed + public key / 32-byte public key), SendGrid's as base64 DER (PKCS#8 / SPKI).
 */
const ed = generateKeyPairSync('ed25519');
const edSeed = ed.privateKey.export({ format: 'jwk' }).d as string;
const edPublic = Buffer.from(ed.publicKey.export({ format: 'jwk' }).x as string, 'base64url');
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const v1a = generateKeyPairSync('ed25519');
const v1aPublic = Buffer.from(v1a.publicKey.export({ format: 'jwk' }).x as string, 'base64url');
export const TEST_KEYS: Record<string, { privateKey: string; publicKey: string }> = {
  discord: { privateKey: Buffer.concat([Buffer.from(edSeed, 'base64url'), edPublic]).toString('hex'), publicKey: edPublic.toString('hex') },
  // Standard Webhooks v1a: whsk_ + base64 of the 64-byte NaCl secret key, whpk_ + base64 of the public key.
  'standard-webhooks v1a': {
    privateKey: `whsk_${Buffer.concat([Buffer.from(v1a.privateKey.export({ format: 'jwk' }).d as string, 'base64url'), v1aPublic]).toString('base64')}`,
    publicKey: `whpk_${v1aPublic.toString('base64')}`,
  },
  sendgrid: {
    privateKey: ec.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    publicKey: ec.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
  },
};

/** Secrets shaped like each provider's: Standard Webhooks and Svix decode whsec_<base64>; asymmetric ones sign with a private key. */
export function testSecret(provider: string): string {
  if (provider === 'standard-webhooks' || provider === 'svix') return `whsec_${Buffer.from(`hookctl test secret for ${provider}`).toString('base64')}`;
  if (provider === 'stripe') return 'whsec_test_8e2c41b70004';
  if (FAMILY_SECRETS[provider]) return FAMILY_SECRETS[provider] as string;
  if (TEST_KEYS[provider]) return (TEST_KEYS[provider] as { privateKey: string }).privateKey;
  if (provider === 'twilio') return '0123456789abcdef0123456789abcdef';
  return `${provider}_test_secret`;
}

/** The key a receiver holds: the public key of an asymmetric pair, else the shared secret. */
export function receiverKey(provider: string, secret: string): string {
  const pair = Object.values(TEST_KEYS).find((k) => k.privateKey === secret);
  if (pair) return pair.publicKey;
  if (FAMILY_PUBLIC_KEYS[provider] && FAMILY_SECRETS[provider] === secret) return FAMILY_PUBLIC_KEYS[provider] as string;
  if (provider === 'sendgrid')
    return createPublicKey(createPrivateKey({ key: Buffer.from(secret, 'base64'), format: 'der', type: 'pkcs8' }))
      .export({ format: 'der', type: 'spki' })
      .toString('base64');
  if (provider === 'discord' && /^[0-9a-f]{128}$/.test(secret)) return secret.slice(64);
  return secret;
}

const stripe = new Stripe('sk_test_hookctl');
const hmacHex = (key: string | Buffer, content: string | Buffer) => createHmac('sha256', key).update(content).digest('hex');
const header = (req: Received, name: string) => {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v.join(', ') : v;
};
const fail = (reason: Reason, detail?: string): Verdict => ({ ok: false, reason, detail });
const age = (ts: number) => Math.floor(Date.now() / 1000) - ts;

/** `sha256=<64 hex>` in one header over the raw body: ChangeThisFile, MediaConvert, Download API, GitHub. */
function sha256Prefixed(name: string, secret: string): Verifier {
  return (req) => {
    const sig = header(req, name);
    if (sig === undefined) return fail('missing');
    if (!/^sha256=[0-9a-f]{64}$/.test(sig)) return fail('malformed', sig);
    // ChangeThisFile's Python sample: hmac.compare_digest(computed, header.removeprefix('sha256=')).
    return sig.slice(7) === hmacHex(secret, req.body) ? { ok: true } : fail('mismatch');
  };
}

export function verifierFor(provider: string, secret: string): Verifier {
  switch (provider) {
    case 'changethisfile':
      return sha256Prefixed('X-CTF-Signature', secret);
    case 'download-api':
      return (req) => {
        // The seed's Node sample, with a format check first (its hex decode would accept junk).
        const sig = header(req, 'X-Webhook-Signature');
        if (!sig) return fail('missing');
        if (!/^sha256=[0-9a-f]{64}$/.test(sig)) return fail('malformed', sig);
        const ok = timingSafeEqual(Buffer.from(sig.substring(7), 'hex'), Buffer.from(hmacHex(secret, req.body), 'hex'));
        return ok ? { ok: true } : fail('mismatch');
      };
    case 'mediaconvert':
      return (req) => {
        // The seed's JS sample compares `sha256=<hex>` strings with timingSafeEqual.
        const sig = header(req, 'X-MediaConvert-Signature');
        if (!sig) return fail('missing');
        const expected = `sha256=${hmacHex(secret, req.body)}`;
        if (sig.length !== expected.length) return fail('malformed', sig);
        return timingSafeEqual(Buffer.from(sig), Buffer.from(expected)) ? { ok: true } : fail('mismatch');
      };
    case 'transcodely':
      return (req) => {
        // The seed's TypeScript sample: {timestamp}.{body}, 5-minute window both ways.
        const sig = header(req, 'X-Transcodely-Signature');
        const ts = header(req, 'X-Transcodely-Timestamp');
        if (!sig) return fail('missing');
        if (!/^sha256=[0-9a-f]{64}$/.test(sig)) return fail('malformed', sig);
        if (!ts || !/^\d+$/.test(ts)) return fail('malformed', `timestamp ${ts}`);
        if (age(Number(ts)) > 300) return fail('stale');
        if (age(Number(ts)) < -300) return fail('future');
        const expected = `sha256=${hmacHex(secret, `${ts}.${req.body.toString()}`)}`;
        return timingSafeEqual(Buffer.from(expected), Buffer.from(sig)) ? { ok: true } : fail('mismatch');
      };
    case 'ittybit':
      return (req) => {
        // Bare hex over the raw body (the seed's Flask sample; its Express sample is exercised separately).
        const sig = header(req, 'Ittybit-Signature');
        if (!sig) return fail('missing');
        if (!/^[0-9a-f]{64}$/.test(sig)) return fail('malformed', sig);
        return sig === hmacHex(secret, req.body) ? { ok: true } : fail('mismatch');
      };
    case 'github':
      return async (req) => {
        const sig = header(req, 'X-Hub-Signature-256');
        if (!sig) return fail('missing');
        if (!/^sha256=[0-9a-f]{64}$/.test(sig)) return fail('malformed', sig);
        if (!(await octokitVerify(secret, req.body.toString('utf8'), sig))) return fail('mismatch');
        const legacy = header(req, 'X-Hub-Signature');
        const sha1 = `sha1=${createHmac('sha1', secret).update(req.body).digest('hex')}`;
        return legacy === sha1 ? { ok: true } : fail('mismatch', 'legacy X-Hub-Signature');
      };
    case 'stripe':
      return (req) => {
        const sig = header(req, 'Stripe-Signature');
        if (!sig) return fail('missing');
        if (!/^t=\d+(,v1=[0-9a-f]{64})+$/.test(sig)) return fail('malformed', sig);
        try {
          stripe.webhooks.constructEvent(req.body, sig, secret);
          return { ok: true };
        } catch (err) {
          const m = (err as Error).message;
          return m.includes('tolerance') ? fail('stale', m) : fail('mismatch', m);
        }
      };
    case 'standard-webhooks':
    case 'svix':
      return (req) => {
        const prefix = provider === 'svix' ? 'svix' : 'webhook';
        const sig = header(req, `${prefix}-signature`);
        if (!sig) return fail('missing');
        if (!/^(v1,[A-Za-z0-9+/]{43}=)( v1,[A-Za-z0-9+/]{43}=)*$/.test(sig)) return fail('malformed', sig);
        try {
          if (provider === 'svix') new SvixWebhook(secret).verify(req.body.toString('utf8'), req.headers as Record<string, string>);
          else new StandardWebhook(secret).verify(req.body.toString('utf8'), req.headers as Record<string, string>);
          return { ok: true };
        } catch (err) {
          const m = (err as Error).message;
          if (/too old/i.test(m)) return fail('stale', m);
          if (/too new/i.test(m)) return fail('future', m);
          return fail('mismatch', m);
        }
      };
    case 'slack':
      return (req) => {
        // Slack: v0=<hex> over v0:{ts}:{body} (JSON events and forms alike), judged by @slack/bolt's own check.
        const sig = header(req, 'X-Slack-Signature');
        const ts = header(req, 'X-Slack-Request-Timestamp');
        if (!sig) return fail('missing');
        if (!/^v0=[0-9a-f]{64}$/.test(sig) || !ts) return fail('malformed', sig);
        try {
          verifySlackRequest({ signingSecret: secret, body: req.body.toString('utf8'), headers: { 'x-slack-signature': sig, 'x-slack-request-timestamp': Number(ts) } });
          return { ok: true };
        } catch (err) {
          const m = (err as Error).message;
          return /stale/.test(m) ? fail('stale', m) : fail('mismatch', m);
        }
      };
    case 'discord':
      return async (req) => {
        // discord-interactions' verifyKey with the application's public key, as its middleware does.
        const sig = header(req, 'X-Signature-Ed25519');
        const ts = header(req, 'X-Signature-Timestamp');
        if (!sig || !ts) return fail('missing');
        if (!/^[0-9a-f]{128}$/.test(sig)) return fail('malformed', sig);
        return (await verifyKey(req.body, sig, ts, receiverKey(provider, secret))) ? { ok: true } : fail('mismatch');
      };
    case 'sendgrid':
      return (req) => {
        // @sendgrid/eventwebhook: the verification key from the dashboard, base64 DER.
        const sig = header(req, 'X-Twilio-Email-Event-Webhook-Signature');
        const ts = header(req, 'X-Twilio-Email-Event-Webhook-Timestamp');
        if (!sig || !ts) return fail('missing');
        const ew = new EventWebhook();
        try {
          return ew.verifySignature(ew.convertPublicKeyToECDSA(receiverKey(provider, secret)), req.body, sig, ts) ? { ok: true } : fail('mismatch');
        } catch (err) {
          return fail('malformed', (err as Error).message);
        }
      };
    case 'twilio':
      return (req) => {
        // twilio's own validators, with the URL the app was reached at and the parsed form (express.urlencoded).
        const sig = header(req, 'X-Twilio-Signature');
        if (!sig) return fail('missing');
        if (!/^[A-Za-z0-9+/]{27}=$/.test(sig)) return fail('malformed', sig);
        const url = `http://${header(req, 'host')}${req.url}`;
        const ok = /bodySHA256=/.test(req.url)
          ? twilio.validateRequestWithBody(secret, sig, url, req.body.toString('utf8'))
          : twilio.validateRequest(secret, sig, url, parseForm(req.body.toString('utf8')) as Record<string, string>);
        return ok ? { ok: true } : fail('mismatch');
      };
    case 'shopify':
      return (req) => {
        const sig = header(req, 'X-Shopify-Hmac-Sha256');
        if (!sig) return fail('missing');
        if (!/^[A-Za-z0-9+/]{43}=$/.test(sig)) return fail('malformed', sig);
        return sig === createHmac('sha256', secret).update(req.body).digest('base64') ? { ok: true } : fail('mismatch');
      };
    case 'paddle':
      return (req) => {
        // Paddle-Signature: ts=<s>;h1=<hex> over {ts}:{body}; the SDK allows 5 s.
        const sig = header(req, 'Paddle-Signature');
        if (!sig) return fail('missing');
        const parts = Object.fromEntries(sig.split(';').map((p) => p.split('=') as [string, string]));
        if (!parts.ts || !/^[0-9a-f]{64}$/.test(parts.h1 ?? '')) return fail('malformed', sig);
        if (age(Number(parts.ts)) > 5) return fail('stale');
        return parts.h1 === hmacHex(secret, `${parts.ts}:${req.body.toString()}`) ? { ok: true } : fail('mismatch');
      };
    case 'linear':
      return (req) => {
        // Linear: bare hex over the body; webhookTimestamp (ms) in the body within a minute.
        const sig = header(req, 'Linear-Signature');
        if (!sig) return fail('missing');
        if (!/^[0-9a-f]{64}$/.test(sig)) return fail('malformed', sig);
        if (sig !== hmacHex(secret, req.body)) return fail('mismatch');
        const ts = (JSON.parse(req.body.toString()) as { webhookTimestamp: number }).webhookTimestamp;
        if (Date.now() - ts > 60_000) return fail('stale');
        if (ts - Date.now() > 60_000) return fail('future');
        return { ok: true };
      };
    case 'standard-webhooks v1a':
      return (req) => {
        // The spec's asymmetric scheme with node:crypto: Ed25519 over {id}.{timestamp}.{body}, `v1a,<base64>` entries.
        const sig = header(req, 'webhook-signature');
        const id = header(req, 'webhook-id');
        const ts = header(req, 'webhook-timestamp');
        if (!sig || !id || !ts) return fail('missing');
        const entries = sig
          .split(' ')
          .filter((e) => e.startsWith('v1a,'))
          .map((e) => e.slice(4));
        if (entries.length === 0 || entries.some((e) => !/^[A-Za-z0-9+/]{86}==$/.test(e))) return fail('malformed', sig);
        if (age(Number(ts)) > 300) return fail('stale');
        if (age(Number(ts)) < -300) return fail('future');
        const key = createPublicKey({
          key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(receiverKey(provider, secret).slice(5), 'base64')]),
          format: 'der',
          type: 'spki',
        });
        const content = Buffer.concat([Buffer.from(`${id}.${ts}.`), req.body]);
        return entries.some((e) => edVerify(null, content, key, Buffer.from(e, 'base64'))) ? { ok: true } : fail('mismatch');
      };
    default:
      return FAMILY_RECEIVERS[provider]?.(receiverKey(provider, secret)) ?? handshakeVerifierFor(provider, secret);
  }
}

/** A request handler for startServer: 200 when verified, 401 with the reason otherwise. */
export function verifyingHandler(verifier: Verifier, verdicts: Verdict[] = [], answering?: { provider: string; secret: string }) {
  return async (req: Received, res: import('node:http').ServerResponse) => {
    const v = await verifier(req);
    verdicts.push(v);
    // A verified endpoint check is answered as the provider documents; a wrong verify token gets Meta's 403.
    const answer = answering ? documentedAnswer(answering.provider, answering.secret, req) : undefined;
    if (answer && (v.ok || answer.status === 403)) {
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
      return;
    }
    res.statusCode = v.ok ? 200 : 401;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(v));
  };
}
