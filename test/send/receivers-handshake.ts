/**
 * Receivers for the providers whose endpoints are first checked by a handshake (Zoom, Meta, Twitch, Asana,
 * Dropbox, Notion, Okta, Microsoft Graph), written from each provider's documentation (Notion's with its own library), apart
 * from hookctl's signing module. The handshake requests a provider sends unsigned are accepted as the
 * documents say to recognise them (Meta's GET with hub.mode=subscribe and the right verify token, ...);
 * every other request must carry a valid signature.
 */
import { createHmac } from 'node:crypto';
import { verifyWebhookSignature } from '@notionhq/client';
import type { Received } from '../support/server.js';

type Verdict = { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'mismatch' | 'stale'; detail?: string };
type Verifier = (req: Received) => Verdict | Promise<Verdict>;

const ok: Verdict = { ok: true };
const fail = (reason: 'missing' | 'malformed' | 'mismatch' | 'stale', detail?: string): Verdict => ({ ok: false, reason, detail });
const header = (req: Received, name: string) => {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v.join(', ') : v;
};
const query = (req: Received) => new URL(req.url, 'http://receiver').searchParams;

/** A bare or prefixed hex HMAC-SHA256 of the raw body in one header (Meta, Asana, Dropbox). */
function bodyHmac(name: string, prefix: string, secret: string): Verifier {
  return (req) => {
    const sig = header(req, name);
    if (sig === undefined) return fail('missing');
    if (!new RegExp(`^${prefix}[0-9a-f]{64}$`).test(sig)) return fail('malformed', sig);
    return sig === `${prefix}${createHmac('sha256', secret).update(req.body).digest('hex')}` ? ok : fail('mismatch');
  };
}

export function handshakeVerifierFor(provider: string, secret: string): Verifier {
  switch (provider) {
    case 'zoom':
      return (req) => {
        // developers.zoom.us/docs/api/webhooks: v0= + hex HMAC of v0:{x-zm-request-timestamp}:{body}; the url_validation is signed too.
        const sig = header(req, 'x-zm-signature');
        const ts = header(req, 'x-zm-request-timestamp');
        if (!sig || !ts) return fail('missing');
        if (Math.abs(Date.now() / 1000 - Number(ts)) > 300) return fail('stale');
        return sig === `v0=${createHmac('sha256', secret).update(`v0:${ts}:${req.body}`).digest('hex')}` ? ok : fail('mismatch');
      };
    case 'meta':
      return (req) => {
        // The verification GET is unsigned: the receiver checks hub.mode and its own verify token (the secret it was given).
        if (req.method === 'GET') return query(req).get('hub.mode') === 'subscribe' && query(req).get('hub.verify_token') === secret ? ok : fail('mismatch', req.url);
        return bodyHmac('X-Hub-Signature-256', 'sha256=', secret)(req);
      };
    case 'twitch':
      return (req) => {
        // dev.twitch.tv handling-webhook-events: HMAC of message id + timestamp + body, no older than 10 minutes.
        const id = header(req, 'Twitch-Eventsub-Message-Id');
        const ts = header(req, 'Twitch-Eventsub-Message-Timestamp');
        const sig = header(req, 'Twitch-Eventsub-Message-Signature');
        if (!id || !ts || !sig) return fail('missing');
        if (new Date(ts).getTime() < Date.now() - 10 * 60 * 1000) return fail('stale');
        const expected = createHmac('sha256', secret)
          .update(Buffer.concat([Buffer.from(id + ts), req.body]))
          .digest('hex');
        return sig === `sha256=${expected}` ? ok : fail('mismatch');
      };
    case 'asana':
      return (req) => {
        // The handshake carries X-Hook-Secret and no body; the events after it are signed with that secret.
        if (header(req, 'X-Hook-Secret') && req.body.length === 0 && !header(req, 'X-Hook-Signature')) return ok;
        return bodyHmac('X-Hook-Signature', '', secret)(req);
      };
    case 'dropbox':
      return (req) => (req.method === 'GET' ? (query(req).get('challenge') ? ok : fail('missing')) : bodyHmac('X-Dropbox-Signature', '', secret)(req));
    case 'notion':
      return async (req) => {
        // The one unsigned request: the verification_token Notion posts when the subscription is created.
        const sig = header(req, 'X-Notion-Signature');
        if (!sig) return /"verification_token"/.test(req.body.toString('utf8')) ? ok : fail('missing');
        return (await verifyWebhookSignature({ body: req.body, signature: sig, verificationToken: secret })) ? ok : fail('mismatch');
      };
    case 'okta':
      // developer.okta.com/docs/concepts/event-hooks/#http-headers: the Authorization value registered with the hook, in every request.
      return (req) => (header(req, 'Authorization') === undefined ? fail('missing') : header(req, 'Authorization') === secret ? ok : fail('mismatch'));
    case 'msgraph':
      return (req) => {
        // learn.microsoft.com/graph/change-notifications-delivery-webhooks: the validation POST has only ?validationToken;
        // every notification carries the subscription's clientState, compared with the one it was created with.
        if (query(req).get('validationToken') && req.body.length === 0) return ok;
        const state = (JSON.parse(req.body.toString('utf8')) as { value?: { clientState?: string }[] }).value?.[0]?.clientState;
        return state === undefined ? fail('missing') : state === secret ? ok : fail('mismatch');
      };
    default:
      throw new Error(`no test verifier for ${provider}`);
  }
}

/** An answer a receiver sends back, when the request is a provider's endpoint check. */
export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

const text = (body: string): Answer => ({ status: 200, headers: { 'content-type': 'text/plain' }, body });

/**
 * The answer each provider's documentation prescribes for its endpoint check (docs/handshakes.md
 * cites the pages), written apart from hookctl's handshake module; undefined for an ordinary event.
 */
export function documentedAnswer(provider: string, secret: string, req: Received): Answer | undefined {
  const json = (() => {
    try {
      return JSON.parse(req.body.toString('utf8')) as Record<string, any>;
    } catch {
      return undefined;
    }
  })();
  switch (provider) {
    case 'slack':
      return json?.type === 'url_verification' ? text(String(json.challenge)) : undefined;
    case 'discord':
      // Interactions PING → PONG; the Webhook Events PING (type 0) → an empty 204.
      if (json?.type === 0 && json.version === 1) return { status: 204 };
      return json?.type === 1 && json.version === 1 && json.application_id && !('event' in json) && !('data' in json) && json.token
        ? { status: 200, headers: { 'content-type': 'application/json' }, body: '{"type":1}' }
        : undefined;
    case 'zoom': {
      if (json?.event !== 'endpoint.url_validation') return undefined;
      const plainToken = String(json.payload?.plainToken);
      const encryptedToken = createHmac('sha256', secret).update(plainToken).digest('hex');
      return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ plainToken, encryptedToken }) };
    }
    case 'meta':
      if (req.method !== 'GET') return undefined;
      return query(req).get('hub.verify_token') === secret ? text(query(req).get('hub.challenge') ?? '') : { status: 403 };
    case 'twitch':
      return header(req, 'Twitch-Eventsub-Message-Type') === 'webhook_callback_verification' ? text(String(json?.challenge)) : undefined;
    case 'asana': {
      const hook = header(req, 'X-Hook-Secret');
      return hook ? { status: 200, headers: { 'X-Hook-Secret': hook } } : undefined;
    }
    case 'okta': {
      const challenge = header(req, 'x-okta-verification-challenge');
      return req.method === 'GET' && challenge ? { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ verification: challenge }) } : undefined;
    }
    case 'msgraph': {
      // The token decoded, as text/plain (URLSearchParams decodes it).
      const token = query(req).get('validationToken');
      return token === null ? undefined : text(token);
    }
    case 'dropbox':
      return req.method === 'GET' ? { ...text(query(req).get('challenge') ?? ''), headers: { 'content-type': 'text/plain', 'x-content-type-options': 'nosniff' } } : undefined;
    default:
      return undefined;
  }
}
