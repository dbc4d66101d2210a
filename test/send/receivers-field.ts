/**
 * Receivers of the providers that sign parts of the request (src/core/providers/builtin/field-signers.ts):
 * HubSpot and Adyen judged by their own libraries, Mailgun as its documentation says.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { hmacValidator as AdyenHmac } from '@adyen/api-library';
import { Signature } from '@hubspot/api-client/lib/src/utils/signature.js';
import { fail, header, ok, reachedAt, type ReceiverFamily, thrown } from './receiver-kit.js';

const BASE64_SHA256 = /^[A-Za-z0-9+/]{43}=$/;

function json(body: Buffer): Record<string, any> | undefined {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

export const FIELD_RECEIVERS: ReceiverFamily = {
  // @hubspot/api-client Signature.isValid, v3: the URL the request reached, the method, the ms timestamp
  // (it throws on one older than 5 minutes and accepts any in the future).
  hubspot: (secret) => (req) => {
    const signature = header(req, 'x-hubspot-signature-v3');
    const timestamp = header(req, 'x-hubspot-request-timestamp');
    if (signature === undefined || timestamp === undefined) return fail('missing');
    if (!BASE64_SHA256.test(signature) || !/^\d+$/.test(timestamp)) return fail('malformed', signature);
    try {
      const valid = Signature.isValid({
        signatureVersion: 'v3',
        signature,
        clientSecret: secret,
        requestBody: req.body.toString('utf8'),
        url: reachedAt(req),
        method: req.method,
        timestamp: Number(timestamp),
      });
      return valid ? ok : fail('mismatch');
    } catch (err) {
      return /timestamp/i.test((err as Error).message) ? fail('stale', (err as Error).message) : thrown(err);
    }
  },
  // @adyen/api-library HmacValidator.validateHMAC on each notification item, keyed by the hex HMAC key.
  adyen: (secret) => (req) => {
    const item = json(req.body)?.notificationItems?.[0]?.NotificationRequestItem;
    const signature = item?.additionalData?.hmacSignature;
    if (typeof signature !== 'string') return fail('missing');
    if (!BASE64_SHA256.test(signature)) return fail('malformed', signature);
    return new AdyenHmac().validateHMAC(item, secret) ? ok : fail('mismatch');
  },
  // No official verifier (mailgun.js has none): documentation.mailgun.com "Securing webhooks" — hex
  // HMAC-SHA256 with the signing key over timestamp + token, compared in constant time; no age limit.
  mailgun: (secret) => (req) => {
    const block = json(req.body)?.signature;
    if (typeof block?.signature !== 'string' || block.signature === '') return fail('missing');
    if (!/^[0-9a-f]{64}$/.test(block.signature)) return fail('malformed', block.signature);
    const expected = createHmac('sha256', secret).update(`${block.timestamp}${block.token}`).digest('hex');
    return timingSafeEqual(Buffer.from(expected), Buffer.from(block.signature)) ? ok : fail('mismatch');
  },
};

export const FIELD_SECRETS: Record<string, string> = {
  // Adyen's HMAC key is hex: the validator decodes it.
  adyen: createHmac('sha256', 'hookctl test key for adyen').digest('hex').toUpperCase(),
};
