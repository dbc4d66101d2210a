import type { ProviderProfile } from '../types.js';
import { MINUTES } from './shapes.js';

/**
 * HubSpot app webhooks, signature v3 (@hubspot/api-client lib/src/utils/signature.js `Signature.isValid`):
 * base64 HMAC-SHA256 keyed by the app's client secret over `method + url + body + timestamp`, the
 * timestamp Unix ms in X-HubSpot-Request-Timestamp; the SDK rejects one older than 300,000 ms and any
 * age in the future. HubSpot also sends the older v1 header (a plain SHA-256 of secret + body, not an
 * HMAC): receivers are told to check v3, so v3 is what hookctl signs.
 */
export const hubspot: ProviderProfile = {
  id: 'hubspot',
  name: 'HubSpot',
  category: 'productivity',
  docs: 'https://developers.hubspot.com/docs/apps/developer-platform/build-apps/authentication/request-validation',
  verifier: { package: '@hubspot/api-client', call: "Signature.isValid({ signatureVersion: 'v3', signature, clientSecret, requestBody, url, method, timestamp })" },
  scheme: {
    content: '{method}{url}{body}{timestamp}',
    signatures: [{ header: 'X-HubSpot-Signature-v3', algorithm: 'sha256', encoding: 'base64', format: { style: 'prefixed', prefix: '' } }],
    secret: { encoding: 'utf8' },
    timestamp: { source: 'header', header: 'X-HubSpot-Request-Timestamp', unit: 'ms', tolerance: { pastSec: 5 * MINUTES, futureSec: null } },
  },
  // The body is a JSON array of up to 100 events; its first names the subscription type.
  request: { method: 'POST', path: '/webhooks/hubspot', contentType: 'application/json', userAgent: 'HubSpot Connect 2.0 (http://dev.hubspot.com/) (namespace: webhooks-nextgen)' },
  events: [],
  catalogue: 'hubspot',
  // The app's client secret (a UUID), from the app's Auth settings in the developer account.
  devSecret: '0000c0de-0000-4000-8000-000000000000',
  delivery: {
    timeoutMs: 5_000,
    retryDelaysSec: [1 * MINUTES, 2 * MINUTES, 4 * MINUTES, 8 * MINUTES, 16 * MINUTES, 32 * MINUTES, 64 * MINUTES, 128 * MINUTES, 256 * MINUTES, 512 * MINUTES],
    retryOn: ['1xx', '3xx', '429', '5xx'],
    retryOnTimeout: true,
    note: 'up to 10 retries on a connection failure, a timeout, or any status but 400/401/403/404/405, backing off by attemptNumber (HubSpot webhooks overview); the 5 s timeout and the doubling schedule over ~24 h are assumed.',
  },
};
