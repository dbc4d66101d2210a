/**
 * Receivers of the body signers (src/core/providers/builtin/body-signers.ts): each verifies with the
 * provider's own library where it has one, else as its documentation says (cited inline). None signs
 * a timestamp, so none answers `stale` or `future`.
 */
import { WebhooksHelper } from 'square';
import { fail, header, ok, reachedAt, type ReceiverFamily } from './receiver-kit.js';

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

export const BODY_SECRETS: Record<string, string> = {};
