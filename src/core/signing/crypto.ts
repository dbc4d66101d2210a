import { createHmac, createSecretKey, sign as signAsymmetric, timingSafeEqual, verify as verifyAsymmetric, type KeyObject } from 'node:crypto';
import { ASYMMETRIC_ALGORITHMS, type Algorithm, type AsymmetricAlgorithm, type Encoding, type HmacAlgorithm, type SecretSpec, type SignatureSpec } from './types.js';
import { SigningError } from './errors.js';
import { checkJwtKey } from './jwt.js';
import { keySpecOf, parseKey } from './keys.js';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

// Bursts sign, and listen verifies, thousands of deliveries with one secret: derive its key once.
// Keyed by the spec object, then by the secret itself (no composite string to build and hash per call).
const keyCache = new WeakMap<SecretSpec, Map<string, KeyObject>>();
/** Secrets remembered per spec: a few serve a whole run; a bound keeps a long one flat. */
const CACHED_SECRETS = 64;

/** The HMAC key for a secret, as the provider derives it (cached: a few secrets serve a whole run). */
export function secretKey(secret: string, spec: SecretSpec): KeyObject {
  let keys = keyCache.get(spec);
  if (!keys) {
    keys = new Map();
    keyCache.set(spec, keys);
  }
  let key = keys.get(secret);
  if (!key) {
    key = createSecretKey(deriveKey(secret, spec));
    remember(keys, secret, key);
  }
  return key;
}

function remember<V>(map: Map<string, V>, key: string, value: V): void {
  if (map.size >= CACHED_SECRETS) map.delete(map.keys().next().value as string);
  map.set(key, value);
}

function deriveKey(secret: string, spec: SecretSpec): Buffer {
  if (spec.encoding === 'utf8') return Buffer.from(secret, 'utf8');
  const raw = spec.prefix && secret.startsWith(spec.prefix) ? secret.slice(spec.prefix.length) : secret;
  if (spec.encoding === 'hex') {
    // Adyen's HMAC key is hex, decoded to its bytes: its text as UTF-8 would sign with another key.
    if (raw.length === 0 || raw.length % 2 === 1 || !/^[0-9a-fA-F]+$/.test(raw)) {
      throw new SigningError('secret is not a hex string', "this scheme hex-decodes its secret: copy the HMAC key (hex characters only) from the provider's dashboard");
    }
    return Buffer.from(raw, 'hex');
  }
  if (raw.length === 0 || raw.length % 4 === 1 || !BASE64.test(raw)) {
    throw new SigningError(
      `secret is not valid base64${spec.prefix ? ` after the ${spec.prefix} prefix` : ''}`,
      `this scheme base64-decodes its secret: use the ${spec.prefix ?? ''}... value from the provider's dashboard`,
    );
  }
  return Buffer.from(raw, 'base64');
}

export function hmac(algorithm: HmacAlgorithm, key: KeyObject, content: Buffer): Buffer {
  return createHmac(algorithm, key).update(content).digest();
}

/** A scheme whose every "signature" is the shared token itself: it binds nothing of the body. */
export function isTokenScheme(scheme: { signatures: readonly SignatureSpec[] }): boolean {
  return scheme.signatures.length > 0 && scheme.signatures.every((s) => s.algorithm === 'token' || s.algorithm === 'basic');
}

export function isAsymmetric(algorithm: Algorithm): algorithm is AsymmetricAlgorithm {
  return (ASYMMETRIC_ALGORITHMS as readonly string[]).includes(algorithm);
}

/** Node's digest argument: Ed25519 hashes internally, ECDSA P-256 signs a SHA-256 digest (DER-encoded signature). */
const DIGEST: Record<AsymmetricAlgorithm, string | null> = { ed25519: null, 'ecdsa-p256-sha256': 'sha256', 'jwt-es256': 'sha256' };

/** One signature over `content`, encoded: an HMAC with the secret, or a private key's signature. */
export function signatureFor(spec: SignatureSpec, secret: SecretSpec, key: string, content: Buffer): string {
  if (spec.algorithm === 'token') return key;
  if (spec.algorithm === 'jwt-hs256' || spec.algorithm === 'jwt-es256') throw new SigningError('a JWT signature is made by signJwt, over its claims');
  if (spec.algorithm === 'basic') return basicCredentials(userPassword(key));
  if (!isAsymmetric(spec.algorithm)) return encode(hmac(spec.algorithm, secretKey(key, secret), content), spec.encoding);
  const privateKey = parseKey(key, keySpecOf(spec), spec.algorithm, 'private');
  return encode(signAsymmetric(DIGEST[spec.algorithm], content, privateKey), spec.encoding);
}

/** Whether any candidate is a valid signature of `content` under the key; every candidate is checked (no early exit). */
export function signatureMatches(spec: SignatureSpec, secret: SecretSpec, key: string, content: Buffer, candidates: readonly string[]): boolean {
  let hit = false;
  if (spec.algorithm === 'token' || spec.algorithm === 'basic') {
    const expected = spec.algorithm === 'basic' ? basicCredentials(userPassword(key)) : key;
    for (const c of candidates) hit = safeEqual(expected, c) || hit;
    return hit;
  }
  if (!isAsymmetric(spec.algorithm)) {
    const expected = signatureFor(spec, secret, key, content);
    for (const c of candidates) hit = safeEqual(expected, c) || hit;
    return hit;
  }
  const publicKey = parseKey(key, keySpecOf(spec), spec.algorithm, 'public');
  for (const c of candidates) {
    try {
      hit = verifyAsymmetric(DIGEST[spec.algorithm], content, publicKey, Buffer.from(c, spec.encoding)) || hit;
    } catch {
      // An undecodable DER signature is simply not a match.
    }
  }
  return hit;
}

/**
 * Why the spec cannot use this key (sign: a private key or secret; verify: a public key or secret); undefined when it can.
 * Remembered per spec, role and key: listen asks it of every secret for every delivery, and a key
 * that does not suit a spec (a whsec_ secret for Standard Webhooks' Ed25519 signatures) is a thrown error.
 */
export function keyProblem(spec: SignatureSpec, secret: SecretSpec, key: string, role: 'private' | 'public'): string | undefined {
  let bySecret = problemCache.get(spec);
  if (!bySecret) {
    bySecret = new WeakMap();
    problemCache.set(spec, bySecret);
  }
  let known = bySecret.get(secret);
  if (!known) {
    known = { private: new Map(), public: new Map() };
    bySecret.set(secret, known);
  }
  const cached = known[role].get(key);
  if (cached !== undefined) return cached || undefined;
  const problem = findKeyProblem(spec, secret, key, role);
  remember(known[role], key, problem ?? '');
  return problem;
}
const problemCache = new WeakMap<SignatureSpec, WeakMap<SecretSpec, Record<'private' | 'public', Map<string, string>>>>();

/** Basic credentials as they travel: base64 of `user:password` (RFC 7617), the bytes as UTF-8. */
export function basicCredentials(userPassword: string): string {
  return Buffer.from(userPassword, 'utf8').toString('base64');
}

const NO_COLON = 'Basic credentials are user:password, and this has no ":"';

/** The secret of a Basic scheme, checked: without a ":" it names no user and no password. */
function userPassword(key: string): string {
  if (!key.includes(':')) throw new SigningError(NO_COLON, "give the endpoint's username and password as user:password");
  return key;
}

function findKeyProblem(spec: SignatureSpec, secret: SecretSpec, key: string, role: 'private' | 'public'): string | undefined {
  if (spec.algorithm === 'basic') return key.includes(':') ? undefined : NO_COLON;
  try {
    if (spec.algorithm === 'jwt-hs256' || spec.algorithm === 'jwt-es256') checkJwtKey(spec, key, role);
    else if (isAsymmetric(spec.algorithm)) parseKey(key, keySpecOf(spec), spec.algorithm, role);
    else secretKey(key, secret);
    return undefined;
  } catch (err) {
    if (err instanceof SigningError) return err.message;
    throw err;
  }
}

export function usableKey(spec: SignatureSpec, secret: SecretSpec, key: string, role: 'private' | 'public'): boolean {
  return keyProblem(spec, secret, key, role) === undefined;
}

export function encode(digest: Buffer, encoding: Encoding): string {
  return digest.toString(encoding);
}

/** Signature length in bytes, to tell a malformed signature from a wrong one (ECDSA's DER varies). */
const DIGEST_BYTES: Record<Algorithm, number> = { sha1: 20, sha256: 32, sha512: 64, ed25519: 64, 'ecdsa-p256-sha256': NaN, token: NaN, basic: NaN, 'jwt-hs256': NaN, 'jwt-es256': NaN };
/** A token is any text up to this long: longer is no token a dashboard would hold. */
const MAX_TOKEN = 4096;

const PATTERNS: Record<Encoding, RegExp> = {
  hex: /^[0-9a-fA-F]*$/,
  base64: /^[A-Za-z0-9+/]*={0,2}$/,
  base64url: /^[A-Za-z0-9_-]*$/,
};

/** The exact length an encoded digest must have (NaN: it varies, as ECDSA's DER signatures do). */
export function encodedLength(algorithm: Algorithm, encoding: Encoding): number {
  const bytes = DIGEST_BYTES[algorithm];
  if (encoding === 'hex') return bytes * 2;
  if (encoding === 'base64') return Math.ceil(bytes / 3) * 4;
  return Math.ceil((bytes * 4) / 3);
}

export function isWellFormed(sig: string, algorithm: Algorithm, encoding: Encoding): boolean {
  if (algorithm === 'token') return sig.length > 0 && sig.length <= MAX_TOKEN;
  if (algorithm === 'jwt-hs256' || algorithm === 'jwt-es256') return sig.length > 0 && sig.length <= 8192 && /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(sig);
  if (algorithm === 'basic') return sig.length > 0 && sig.length <= MAX_TOKEN && PATTERNS.base64.test(sig) && sig.length % 4 === 0;
  if (!PATTERNS[encoding].test(sig)) return false;
  if (algorithm !== 'ecdsa-p256-sha256') return sig.length === encodedLength(algorithm, encoding);
  // A DER SEQUENCE of two integers of at most 33 bytes each.
  const der = Buffer.from(sig, encoding);
  return der.length >= 8 && der.length <= 72 && der[0] === 0x30 && der[1] === der.length - 2;
}

/** What a well-formed signature looks like, for messages. */
export function expectedShape(algorithm: Algorithm, encoding: Encoding): string {
  if (algorithm === 'token') return `the shared token (1 to ${MAX_TOKEN} characters)`;
  if (algorithm === 'basic') return 'base64 of user:password';
  if (algorithm === 'jwt-hs256' || algorithm === 'jwt-es256') return 'a compact JWT (three base64url parts joined by dots)';
  if (algorithm === 'ecdsa-p256-sha256') return `a DER-encoded ECDSA signature in ${encoding} (about ${encoding === 'hex' ? 140 : 96} characters)`;
  return `${encodedLength(algorithm, encoding)} ${encoding} characters`;
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
