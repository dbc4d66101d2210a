import type { Scheme } from '../signing/index.js';
import { describeProvider } from './describe.js';
import type { ProviderProfile } from './types.js';

/** One provider in full, as `hookctl providers <id>` shows it: label and value, in reading order. */
export function providerDetail(p: ProviderProfile, eventCount: number, firstEvent: string | undefined): [string, string][] {
  const d = describeProvider(p);
  const r = p.request;
  const rows: [string, string][] = [['category', p.category ?? 'custom']];
  if (p.docs) rows.push(['docs', p.docs]);
  if (p.verifier) rows.push(['verified by', `${p.verifier.package}: ${p.verifier.call}`]);
  rows.push(['signature', `${signatureWhere(p.scheme)} (${d.algorithm})`], ['signs', signsWhat(p.scheme)], ['secret', secretForm(p)]);
  if (p.scheme.timestamp) rows.push(['timestamp', timestampWhere(p.scheme)], ['tolerance', d.tolerance]);
  if (p.scheme.id) rows.push(['message id', `${p.scheme.id.header} (signed)`]);
  const extras = [
    r.eventHeader ? `event in ${r.eventHeader.name}` : 'event named by the body',
    r.deliveryId ? `delivery id in ${r.deliveryId.header}` : undefined,
    r.userAgent ? `User-Agent ${r.userAgent}` : undefined,
  ];
  rows.push(['request', `${r.method} ${r.path}, ${r.contentType}; ${extras.filter(Boolean).join('; ')}`]);
  rows.push(['delivery', `timeout ${d.timeout}; retries ${d.retries}`]);
  if (p.delivery.note) rows.push(['', p.delivery.note]);
  // A key pair's private half signs and stays out of sight: a receiver is configured with the public one.
  if (p.devKeyPair) rows.push(['dev public key', p.devKeyPair.publicKey]);
  else rows.push(['dev secret', `${p.devSecret} (hookctl's development secret: sign and verify locally without configuring one)`]);
  rows.push(['events', `${eventCount} (hookctl events ${p.id})`]);
  if (firstEvent) rows.push(['try', `hookctl send ${p.id}/${firstEvent} --to localhost:3000`]);
  return rows;
}

function signatureWhere(s: Scheme): string {
  return [...new Set(s.signatures.map((sig) => (sig.field ? `the body field ${sig.field}` : `the ${sig.header} header`)))].join(', then ');
}

function timestampWhere(s: Scheme): string {
  const t = s.timestamp;
  if (!t) return '';
  const unit = t.unit === 's' ? 'Unix seconds' : t.unit === 'ms' ? 'Unix milliseconds' : 'RFC 3339';
  const where =
    t.source === 'header' ? `the ${t.header} header` : t.source === 'body' ? `the body field ${t.field}` : t.source === 'jwt' ? `the token's ${t.field ?? 'iat'} claim` : 'the signature header';
  return `${unit}, in ${where}`;
}

function secretForm(p: ProviderProfile): string {
  const { secret, signatures } = p.scheme;
  const sig = signatures[0];
  if (p.devKeyPair) return 'a key pair: hookctl signs with the private key, receivers verify with the public one (hookctl keys generate)';
  if (sig?.algorithm === 'basic') return 'user:password, sent as HTTP Basic credentials';
  if (sig?.algorithm === 'token') return 'a shared token, sent as it is (binds nothing of the body)';
  if (secret.encoding === 'base64') return `base64${secret.prefix ? ` after the ${secret.prefix} prefix` : ''}, decoded to the key`;
  if (secret.encoding === 'hex') return 'hex, decoded to the key';
  return 'used as text (its UTF-8 bytes are the key)';
}

function signsWhat(s: Scheme): string {
  const jwt = s.signatures[0]?.jwt;
  return jwt ? `a JWT whose ${jwt.bodyClaim} claim is the body's SHA-256 (${jwt.bodyEncoding})` : s.content;
}
