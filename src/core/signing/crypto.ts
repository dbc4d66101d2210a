import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import type { Algorithm, Encoding, SecretSpec } from './types.js';
import { SigningError } from './errors.js';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

// Bursts sign thousands of deliveries with one secret: derive its key once.
const keyCache = new Map<string, KeyObject>();

/** The HMAC key for a secret, as the provider derives it (cached: a few secrets serve a whole run). */
export function secretKey(secret: string, spec: SecretSpec): KeyObject {
  const cacheKey = `${spec.encoding}\u0000${spec.prefix ?? ''}\u0000${secret}`;
  let key = keyCache.get(cacheKey);
  if (!key) {
    key = createSecretKey(deriveKey(secret, spec));
    if (keyCache.size >= 64) keyCache.delete(keyCache.keys().next().value as string);
    keyCache.set(cacheKey, key);
  }
  return key;
}

function deriveKey(secret: string, spec: SecretSpec): Buffer {
  if (spec.encoding === 'utf8') return Buffer.from(secret, 'utf8');
  const raw = spec.prefix && secret.startsWith(spec.prefix) ? secret.slice(spec.prefix.length) : secret;
  if (raw.length === 0 || raw.length % 4 === 1 || !BASE64.test(raw)) {
    throw new SigningError(
      `secret is not valid base64${spec.prefix ? ` after the ${spec.prefix} prefix` : ''}`,
      `this scheme base64-decodes its secret: use the ${spec.prefix ?? ''}... value from the provider's dashboard`,
    );
  }
  return Buffer.from(raw, 'base64');
}

export function hmac(algorithm: Algorithm, key: KeyObject, content: Buffer): Buffer {
  return createHmac(algorithm, key).update(content).digest();
}

export function encode(digest: Buffer, encoding: Encoding): string {
  return digest.toString(encoding);
}

/** Digest length in bytes, to tell a malformed signature from a wrong one. */
const DIGEST_BYTES: Record<Algorithm, number> = { sha1: 20, sha256: 32, sha512: 64 };

const PATTERNS: Record<Encoding, RegExp> = {
  hex: /^[0-9a-fA-F]*$/,
  base64: /^[A-Za-z0-9+/]*={0,2}$/,
  base64url: /^[A-Za-z0-9_-]*$/,
};

/** The exact length an encoded digest must have. */
export function encodedLength(algorithm: Algorithm, encoding: Encoding): number {
  const bytes = DIGEST_BYTES[algorithm];
  if (encoding === 'hex') return bytes * 2;
  if (encoding === 'base64') return Math.ceil(bytes / 3) * 4;
  return Math.ceil((bytes * 4) / 3);
}

export function isWellFormed(sig: string, algorithm: Algorithm, encoding: Encoding): boolean {
  return sig.length === encodedLength(algorithm, encoding) && PATTERNS[encoding].test(sig);
}

/** Constant-time string equality that never throws on a length mismatch. */
export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a, 'utf8');
  const bb = Buffer.from(b, 'utf8');
  if (ab.length !== bb.length) {
    // Still spend a comparison so timing does not reveal the early exit.
    timingSafeEqual(ab, ab);
    return false;
  }
  return timingSafeEqual(ab, bb);
}
