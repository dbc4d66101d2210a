import { UsageError } from '../errors.js';
import type { ProviderProfile } from '../providers/types.js';
import {
  type AsymmetricAlgorithm,
  formatSignatureHeader,
  generateKeys,
  isAsymmetric,
  isTokenScheme,
  keySpecOf,
  parseSignatureHeader,
  readBodyField,
  type Scheme,
  usableKey,
  writeBodyField,
} from '../signing/index.js';
import type { SignatureMode } from './types.js';

/** How a mode applies to a provider, decided once before any delivery is built. */
export interface ModePlan {
  mode: SignatureMode;
  /** Seconds added to the signed timestamp (stale: negative, future: positive). */
  offsetSec: number;
  /** Whether a receiver that follows the provider's rules must reject the delivery. */
  expectRejected: boolean;
  /** Said once on stderr: the mode is sent but the provider itself would accept it. */
  warning?: string;
}

/**
 * Stale and future move the signed timestamp past the provider's tolerance (twice the window,
 * at least one minute beyond it). A scheme without a timestamp cannot be stale: that is an error.
 */
export function planMode(profile: ProviderProfile, mode: SignatureMode = 'valid'): ModePlan {
  if (mode === 'invalid' && isTokenScheme(profile.scheme)) {
    return {
      mode,
      offsetSec: 0,
      expectRejected: false,
      warning: `${profile.id} sends a shared token, not a signature of the body: a receiver that checks the token accepts a changed body (--signature wrong-secret or missing test the token)`,
    };
  }
  if (mode !== 'stale' && mode !== 'future') return { mode, offsetSec: 0, expectRejected: mode !== 'valid' };
  const ts = profile.scheme.timestamp;
  if (!ts) {
    throw new UsageError(
      `--signature ${mode}: ${profile.id} signs no timestamp, so a delivery cannot be ${mode === 'stale' ? 'too old' : 'from the future'}`,
      `its receivers have no freshness check to test (signed content: ${profile.scheme.content}); try --signature invalid or missing`,
    );
  }
  const { pastSec, futureSec } = ts.tolerance;
  const beyond = (window: number) => window + Math.max(60, window);
  if (mode === 'stale') {
    if (pastSec === null) {
      throw new UsageError(`--signature stale: ${profile.id} accepts timestamps of any age`, 'there is no freshness window to step out of');
    }
    return { mode, offsetSec: -beyond(pastSec), expectRejected: true };
  }
  if (futureSec !== null) return { mode, offsetSec: beyond(futureSec), expectRejected: true };
  if (pastSec === null) {
    throw new UsageError(`--signature future: ${profile.id} accepts timestamps from any time`, 'there is no freshness window to step out of');
  }
  const offsetSec = beyond(pastSec ?? 300);
  return {
    mode,
    offsetSec,
    expectRejected: false,
    warning: `${profile.id} only rejects old timestamps (tolerance ${pastSec} s, past only): a receiver that follows its rules accepts this one, ${offsetSec} s in the future`,
  };
}

/**
 * An event the provider sends unsigned (Meta's, Dropbox's, Asana's and Notion's handshake requests): there
 * is no signature to break or timestamp to move, so every mode sends it as the provider does, and says so.
 */
export function unsignedPlan(event: string, mode: SignatureMode = 'valid'): ModePlan {
  if (mode === 'valid') return { mode, offsetSec: 0, expectRejected: false };
  return { mode: 'valid', offsetSec: 0, expectRejected: false, warning: `${event} is sent unsigned, as the provider sends it: --signature ${mode} does not apply to it` };
}

/** A secret of the same shape that is not the right one (base64 secrets stay decodable; a private key is another pair's). */
export function wrongSecret(secret: string, scheme: Scheme): string {
  const asymmetric = scheme.signatures.find((s) => isAsymmetric(s.algorithm) && usableKey(s, scheme.secret, secret, 'private'));
  if (asymmetric) return generateKeys(keySpecOf(asymmetric), asymmetric.algorithm as AsymmetricAlgorithm).privateKey;
  if (scheme.secret.encoding === 'base64') {
    const prefix = scheme.secret.prefix && secret.startsWith(scheme.secret.prefix) ? scheme.secret.prefix : '';
    const raw = secret.slice(prefix.length);
    return `${prefix}${raw.startsWith('A') ? 'B' : 'A'}${raw.slice(1)}`;
  }
  // A hex key stays hex: another key, not an undecodable one.
  if (scheme.secret.encoding === 'hex') return `${secret.startsWith('a') ? 'b' : 'a'}${secret.slice(1)}`;
  return `${secret}-wrong`;
}

/** Half of each digest, in the provider's own header format: present, well placed, the wrong length. */
export function truncateSignatures(scheme: Scheme, headers: Record<string, string>): void {
  for (const spec of scheme.signatures) {
    const value = headers[spec.header];
    if (value === undefined) continue;
    const parsed = parseSignatureHeader(spec.format, value);
    // Specs sharing a header (v1 and v1a) each shorten their own entries and keep the others'.
    if (parsed.signatures.length === 0) continue;
    const short = parsed.signatures.map((s) => s.slice(0, Math.floor(s.length / 2)));
    const kept = spec.format.style === 'prefixed' && spec.format.separator ? parsed.foreign : [];
    headers[spec.header] = [formatSignatureHeader(spec.format, short, parsed.timestamp), ...kept].join(spec.format.style === 'prefixed' ? (spec.format.separator ?? '') : '');
  }
}

/** Half of each signature a scheme carries in the body (Adyen, Mailgun): present, well placed, the wrong length. */
export function truncateBodySignatures(scheme: Scheme, body: Buffer): Buffer {
  let out = body;
  for (const spec of scheme.signatures) {
    const value = spec.field ? readBodyField(out, spec.field) : undefined;
    if (spec.field && value) out = writeBodyField(out, spec.field, value.slice(0, Math.floor(value.length / 2)));
  }
  return out;
}
