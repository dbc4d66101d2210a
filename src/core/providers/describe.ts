import type { Algorithm, Tolerance } from '../signing/index.js';

const ALGORITHM_TEXT: Partial<Record<Algorithm | 'jwt-es256', string>> = {
  ed25519: 'Ed25519',
  'ecdsa-p256-sha256': 'ECDSA P-256 (SHA-256)',
  'jwt-es256': 'JWT ES256',
  'jwt-hs256': 'JWT HS256',
  basic: 'HTTP Basic',
  token: 'shared token',
};
import type { ProviderProfile } from './types.js';

/** One-line human descriptions of a profile, shared by `hookctl providers` and docs/providers.md (scripts/docs-providers.mjs). */
export function describeProvider(p: ProviderProfile) {
  const sig = p.scheme.signatures[0];
  const format = !sig
    ? ''
    : sig.format.style === 'kv'
      ? `${sig.format.timestampKey}=<ts>${sig.format.separator}${sig.format.signatureKey}=<${sig.encoding}>`
      : `${sig.format.prefix}<${sig.encoding}>${sig.format.separator ? ' …' : ''}`;
  const tolerance = toleranceText(p.scheme.timestamp?.tolerance);
  const d = p.delivery;
  const retries = d.retryDelaysSec.length === 0 ? 'none' : d.retryDelaysSec.map((s) => (s === 0 ? 'immediately' : duration(s))).join(', ');
  return {
    signatureHeader: `${sig?.header ?? ''}: ${format}`,
    signedContent: p.scheme.content,
    algorithm: [...new Set(p.scheme.signatures.map((x) => ALGORITHM_TEXT[x.algorithm as Algorithm] ?? `HMAC-${x.algorithm.toUpperCase()}`))].join(' or '),
    tolerance,
    retries,
    timeout: duration(d.timeoutMs / 1000),
  };
}

export function toleranceText(t: Tolerance | undefined): string {
  if (!t) return 'none';
  if (t.pastSec === null && t.futureSec === null) return 'off';
  if (t.futureSec === null) return `${t.pastSec} s, past only`;
  return t.pastSec === t.futureSec ? `±${t.pastSec} s` : `-${t.pastSec ?? '∞'} s / +${t.futureSec} s`;
}

export function duration(sec: number): string {
  if (sec === 0) return '0 s';
  if (sec % 3600 === 0) return `${sec / 3600} h`;
  if (sec % 60 === 0) return `${sec / 60} min`;
  return `${sec} s`;
}
