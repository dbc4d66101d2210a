import { createHmac, timingSafeEqual } from 'node:crypto';
import { Webhook as SvixWebhook } from 'svix';
import { fail, header, ok, type ReceiverFamily } from './receiver-kit.js';
import { judged } from './receivers-svix.js';

const hmacHex = (secret: string, text: string | Buffer): string => createHmac('sha256', secret).update(text).digest('hex');
const sameText = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export const MORE_RECEIVERS: ReceiverFamily = {
  // Brex delivers through Svix (developer.brex.com/docs/webhooks): its own receivers use the svix
  // library, which reads the Webhook-* headers Brex names as well as svix-*.
  brex: (secret) => judged('webhook', (req) => new SvixWebhook(secret).verify(req.body.toString('utf8'), req.headers as Record<string, string>)),
  // No official verifier: docs.withpersona.com/docs/webhooks-best-practices ("Checking signatures"):
  // split each space-separated `t=…,v1=…` group, HMAC-SHA256 `${t}.${raw body}` with the secret, hex;
  // any group matching is valid. The docs' samples check no time window, so none is checked here.
  persona: (secret) => (req) => {
    const sig = header(req, 'Persona-Signature');
    if (sig === undefined) return fail('missing');
    if (!/^t=\d+(,v1=[0-9a-f]{64})+( t=\d+(,v1=[0-9a-f]{64})+)*$/.test(sig)) return fail('malformed', sig);
    const matches = sig.split(' ').some((group) => {
      const [t, ...sigs] = group.split(',').map((kv) => kv.slice(kv.indexOf('=') + 1));
      const expected = hmacHex(secret, Buffer.concat([Buffer.from(`${t}.`), req.body]));
      return sigs.some((s) => sameText(s, expected));
    });
    return matches ? ok : fail('mismatch');
  },
  // No official verifier: support.atlassian.com/bitbucket-cloud/docs/manage-webhooks ("Secure
  // webhooks"): `sha256=` then the hex HMAC-SHA256 of the raw body keyed by the secret, compared in constant time.
  bitbucket: (secret) => (req) => {
    const sig = header(req, 'X-Hub-Signature');
    if (sig === undefined) return fail('missing');
    if (!/^sha256=[0-9a-f]{64}$/.test(sig)) return fail('malformed', sig);
    return sameText(sig, `sha256=${hmacHex(secret, req.body)}`) ? ok : fail('mismatch');
  },
  // No official verifier: developers.intercom.com Webhooks reference, "Signed notifications": `sha1=`
  // then the hex HMAC-SHA1 of the request body keyed by the app's client_secret.
  intercom: (secret) => (req) => {
    const sig = header(req, 'X-Hub-Signature');
    if (sig === undefined) return fail('missing');
    if (!/^sha1=[0-9a-f]{40}$/.test(sig)) return fail('malformed', sig);
    return sameText(sig, `sha1=${createHmac('sha1', secret).update(req.body).digest('hex')}`) ? ok : fail('mismatch');
  },
  // No official verifier: developers.docusign.com/platform/webhooks/connect/validate: base64 of the
  // HMAC-SHA256 of the entire raw body keyed by a Connect HMAC key; one X-DocuSign-Signature-N header
  // per active key, any of them matching is valid.
  docusign: (secret) => (req) => {
    const sigs = Object.entries(req.headers)
      .filter(([name]) => /^x-docusign-signature-\d+$/.test(name))
      .map(([, v]) => (Array.isArray(v) ? v.join(', ') : (v ?? '')));
    if (sigs.length === 0) return fail('missing');
    const bad = sigs.find((s) => !/^[A-Za-z0-9+/]{43}=$/.test(s));
    if (bad !== undefined) return fail('malformed', bad);
    const expected = createHmac('sha256', secret).update(req.body).digest('base64');
    return sigs.some((s) => sameText(s, expected)) ? ok : fail('mismatch');
  },
};

export const MORE_SECRETS: Record<string, string> = {
  // The svix library base64-decodes the part after whsec_.
  brex: `whsec_${Buffer.from('hookctl test secret for brex').toString('base64')}`,
};
