import type { ProviderProfile } from '../types.js';
import { HOURS, LITERAL_SECRET, MINUTES } from './shapes.js';

/**
 * Persona webhooks (docs.withpersona.com/docs/webhooks-best-practices, "Checking signatures"):
 * `Persona-Signature: t=<unix s>,v1=<hex HMAC-SHA256(secret, t + "." + raw body)>`, keyed by the
 * webhook secret as text. While a secret rotates Persona sends two such groups, space-separated
 * (`t=…,v1=… t=…,v1=…`): the kv format's `groupSeparator` writes that form. No npm verifier (the
 * `persona` package is the client-side Inquiry SDK). The docs' samples check no time window: none is enforced here.
 */
export const persona: ProviderProfile = {
  id: 'persona',
  name: 'Persona',
  category: 'auth',
  docs: 'https://docs.withpersona.com/docs/webhooks-best-practices',
  scheme: {
    content: '{timestamp}.{body}',
    signatures: [{ header: 'Persona-Signature', algorithm: 'sha256', encoding: 'hex', format: { style: 'kv', separator: ',', timestampKey: 't', signatureKey: 'v1', groupSeparator: ' ' } }],
    secret: LITERAL_SECRET,
    timestamp: { source: 'signature', unit: 's', tolerance: { pastSec: null, futureSec: null } },
  },
  request: {
    method: 'POST',
    path: '/webhooks/persona',
    contentType: 'application/json',
    // The webhook reference pages document these three headers beside Persona-Signature (values assumed: a first attempt).
    headers: { 'Persona-Webhook-Attempts-Made': '1', 'Persona-Webhook-Attempts-Left': '7', 'Persona-Webhook-First-Attempted-At': '{{now:s}}' },
  },
  // No header names the event: the body's data.attributes.name does (catalogue `match`).
  events: [],
  catalogue: 'persona',
  // Persona shows webhook secrets as `wbhsec_` + random characters (assumed from the dashboard's form).
  devSecret: 'wbhsec_hookctl0dev0secret0000000000',
  delivery: {
    timeoutMs: 10_000,
    retryDelaysSec: [1 * MINUTES, 5 * MINUTES, 30 * MINUTES, 2 * HOURS, 8 * HOURS, 24 * HOURS, 24 * HOURS],
    retryOn: ['1xx', '3xx', '4xx', '5xx'],
    retryOnTimeout: true,
    note: 'assumed: Persona documents Attempts-Made/Attempts-Left headers and duplicate deliveries but no schedule, timeout or attempt count; this approximates a backoff over a few days.',
  },
};
