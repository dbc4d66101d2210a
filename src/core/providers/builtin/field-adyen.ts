import type { ProviderProfile } from '../types.js';
import { HOURS, MINUTES } from './shapes.js';

const ITEM = 'notificationItems.0.NotificationRequestItem';

/**
 * Adyen's standard notifications carry their HMAC in the body (@adyen/api-library
 * lib/src/utils/hmacValidator.js `validateHMAC`): `additionalData.hmacSignature` of each item is the
 * base64 HMAC-SHA256, keyed by the **hex-decoded** HMAC key, of eight fields joined by `:` —
 * pspReference, originalReference, merchantAccountCode, merchantReference, amount.value,
 * amount.currency, eventCode, success — an absent field signed as empty. The body is not bound
 * beyond those fields, and nothing is timed. hookctl sends one item per delivery.
 */
export const adyen: ProviderProfile = {
  id: 'adyen',
  name: 'Adyen',
  category: 'payments',
  docs: 'https://docs.adyen.com/development-resources/webhooks/secure-webhooks/verify-hmac-signatures/',
  verifier: { package: '@adyen/api-library', call: 'new HmacValidator().validateHMAC(notificationRequestItem, hmacKey)' },
  scheme: {
    content: ['pspReference', 'originalReference', 'merchantAccountCode', 'merchantReference', 'amount.value', 'amount.currency', 'eventCode', 'success'].map((f) => `{field:${ITEM}.${f}}`).join(':'),
    signatures: [{ header: 'hmacSignature', field: `${ITEM}.additionalData.hmacSignature`, algorithm: 'sha256', encoding: 'base64', format: { style: 'prefixed', prefix: '' } }],
    secret: { encoding: 'hex' },
  },
  // No header names the event: the item's eventCode does.
  request: { method: 'POST', path: '/webhooks/adyen', contentType: 'application/json', userAgent: 'Adyen HttpClient 1.0' },
  events: [],
  catalogue: 'adyen',
  // Customer Area > Developers > Webhooks > HMAC key: 64 hex characters.
  devSecret: '0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF',
  delivery: {
    timeoutMs: 10_000,
    retryDelaysSec: [2 * MINUTES, 5 * MINUTES, 10 * MINUTES, 15 * MINUTES, 30 * MINUTES, 1 * HOURS, 2 * HOURS, 4 * HOURS, 8 * HOURS],
    retryOn: ['1xx', '3xx', '4xx', '5xx'],
    retryOnTimeout: true,
    note: 'docs.adyen.com "Webhooks": a receiver acknowledges with a 2xx (classic integrations with the body [accepted]); otherwise Adyen retries, then keeps retrying from a queue for up to 30 days. The 10 s timeout and the first retries\' spacing are assumed.',
  },
};
