/**
 * Receivers of the providers whose signature is a JWT: LiveKit's and Upstash QStash's with their own SDKs,
 * Plaid's as its documentation writes it (plaid.com/docs/api/webhooks/webhook-verification): the key named
 * by `kid`, ES256 only, `iat` at most 5 minutes old, then the body's SHA-256 against `request_body_sha256`.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, timingSafeEqual } from 'node:crypto';
import { Receiver as QStashReceiver } from '@upstash/qstash';
import { decodeProtectedHeader, importSPKI, jwtVerify } from 'jose';
import { WebhookReceiver } from 'livekit-server-sdk';
import { age, fail, header, ok, reachedAt, type ReceiverFamily, thrown, type Verdict } from './receiver-kit.js';

const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const plaidPair = generateKeyPairSync('ec', { namedCurve: 'P-256' });

export const JWT_RECEIVERS: ReceiverFamily = {
  plaid:
    (publicKey) =>
    async (req): Promise<Verdict> => {
      const token = header(req, 'Plaid-Verification');
      if (!token) return fail('missing');
      if (!JWT.test(token)) return fail('malformed', token);
      try {
        if (decodeProtectedHeader(token).alg !== 'ES256') return fail('malformed', 'alg is not ES256');
        const pem = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' }).export({ format: 'pem', type: 'spki' }) as string;
        const { payload } = await jwtVerify(token, await importSPKI(pem, 'ES256'), { algorithms: ['ES256'], maxTokenAge: '5 min', clockTolerance: 5 });
        if (typeof payload.iat !== 'number' || age(payload.iat) < -300) return fail('future', String(payload.iat));
        const want = Buffer.from(createHash('sha256').update(req.body).digest('hex'));
        const got = Buffer.from(String(payload.request_body_sha256));
        return want.length === got.length && timingSafeEqual(want, got) ? ok : fail('mismatch', 'request_body_sha256');
      } catch (err) {
        return thrown(err);
      }
    },
  livekit:
    (secret) =>
    async (req): Promise<Verdict> => {
      const token = header(req, 'Authorization');
      if (!token) return fail('missing');
      if (!JWT.test(token)) return fail('malformed', token);
      const at = secret.indexOf(':');
      try {
        await new WebhookReceiver(secret.slice(0, at), secret.slice(at + 1)).receive(req.body.toString('utf8'), token);
        return ok;
      } catch (err) {
        return thrown(err);
      }
    },
  // The Receiver is given the URL it was reached at, so a token minted for another destination is refused.
  qstash:
    (secret) =>
    async (req): Promise<Verdict> => {
      const token = header(req, 'Upstash-Signature');
      if (!token) return fail('missing');
      if (!JWT.test(token)) return fail('malformed', token);
      try {
        await new QStashReceiver({ currentSigningKey: secret, nextSigningKey: `${secret}-next` }).verify({ signature: token, body: req.body.toString('utf8'), url: reachedAt(req), clockTolerance: 5 });
        return ok;
      } catch (err) {
        return thrown(err);
      }
    },
};

/** A Plaid test key pair made here, apart from hookctl's key code, as base64 DER (the profile's format). */
export const JWT_SECRETS: Record<string, string> = {
  plaid: createPrivateKey(plaidPair.privateKey.export({ format: 'pem', type: 'pkcs8' }))
    .export({ format: 'der', type: 'pkcs8' })
    .toString('base64'),
  livekit: 'APItest:hookctl-livekit-test-secret',
  qstash: 'sig_hookctlQstashTestSigningKey',
};
export const JWT_PUBLIC_KEYS: Record<string, string> = { plaid: plaidPair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64') };
