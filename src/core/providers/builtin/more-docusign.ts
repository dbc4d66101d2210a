import type { ProviderProfile } from '../types.js';
import { LITERAL_SECRET, MINUTES, prefixed } from './shapes.js';

/**
 * DocuSign Connect with HMAC security (developers.docusign.com/platform/webhooks/connect/validate,
 * "How to validate an HMAC signature"): the HMAC-SHA256 of the entire raw JSON body, keyed by a
 * Connect HMAC key as text, base64-encoded, in `X-DocuSign-Signature-1`. Connect sends one
 * `X-DocuSign-Signature-N` header per active key (up to 100); hookctl signs with the first secret
 * only, in `-1` (a second key's `-2` header is not modelled). No timestamp is signed and no npm
 * library verifies (docusign-esign is the REST client; its docs' samples use node:crypto).
 * `X-Authorization-Digest: HMACSHA256` names the algorithm beside the signature (as DocuSign's
 * HMAC pages show). No header names the event: the JSON SIM body's `event` does (catalogue `match`).
 */
export const docusign: ProviderProfile = {
  id: 'docusign',
  name: 'DocuSign',
  category: 'productivity',
  docs: 'https://developers.docusign.com/platform/webhooks/connect/hmac',
  scheme: { content: '{body}', signatures: [prefixed('X-DocuSign-Signature-1', '', 'base64')], secret: LITERAL_SECRET },
  request: {
    method: 'POST',
    path: '/webhooks/docusign',
    contentType: 'application/json',
    headers: { 'X-Authorization-Digest': 'HMACSHA256' },
  },
  events: [],
  catalogue: 'docusign',
  // A Connect HMAC key is 44 base64 characters (a 32-byte key, shown once on the Connect Keys page;
  // form assumed from DocuSign's samples). It is used as text, not decoded.
  devSecret: 'aG9va2N0bC1kZXYtZG9jdXNpZ24tY29ubmVjdC1rZXk=',
  delivery: {
    timeoutMs: 100_000,
    retryDelaysSec: [5 * MINUTES, 15 * MINUTES, 60 * MINUTES, 4 * 60 * MINUTES, 24 * 60 * MINUTES],
    retryOn: ['1xx', '3xx', '4xx', '5xx'],
    retryOnTimeout: true,
    note: 'assumed: Connect with "Require Acknowledgement" counts anything but a 2xx within about 100 s as a failure and retries with growing delays for days (developers.docusign.com "Connect failures and retries", not read in full here); the schedule is an approximation.',
  },
};
