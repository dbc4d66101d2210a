import { createHash, createHmac, sign as signAsymmetric, timingSafeEqual, verify as verifyAsymmetric } from 'node:crypto';
import { SigningError } from './errors.js';
import { keySpecOf, parseKey } from './keys.js';
import { checkTolerance, effectiveTolerance } from './timestamp.js';
import type { JwtAlgorithm, JwtSpec, Scheme, SignatureSpec, VerifyFailure, VerifyResult } from './types.js';

/** The JOSE `alg` each algorithm signs with; a token naming another (`none`, HS256 for ES256) is refused unread. */
const JOSE: Record<JwtAlgorithm, string> = { 'jwt-hs256': 'HS256', 'jwt-es256': 'ES256' };
const B64URL = /^[A-Za-z0-9_-]+$/;
/** A token longer than this is no signature header a provider sends. */
const MAX_TOKEN = 8192;

export const isJwt = (algorithm: string): algorithm is JwtAlgorithm => algorithm === 'jwt-hs256' || algorithm === 'jwt-es256';

const part = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

/** The key id and HMAC secret of `<key id>:<secret>` (LiveKit), or the whole secret when no claim names a key. */
function splitKey(jwt: JwtSpec, secret: string): { keyId?: string; key: string } {
  if (!jwt.keyIdClaim) return { key: secret };
  const at = secret.indexOf(':');
  if (at <= 0 || at === secret.length - 1)
    throw new SigningError(`this scheme's secret is <key id>:<secret> (its ${jwt.keyIdClaim} claim names the key), and this has no ":"`, 'give the API key and its secret as key:secret');
  return { keyId: secret.slice(0, at), key: secret.slice(at + 1) };
}

function bodyHash(jwt: JwtSpec, body: Buffer): string {
  return createHash('sha256').update(body).digest(jwt.bodyEncoding);
}

function signature(spec: SignatureSpec, key: string, input: string): string {
  if (spec.algorithm === 'jwt-hs256') return createHmac('sha256', Buffer.from(key, 'utf8')).update(input).digest('base64url');
  const privateKey = parseKey(key, keySpecOf(spec), 'jwt-es256', 'private');
  return signAsymmetric('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url');
}

/** A compact JWT over the body's hash, dated `timestamp` (Unix seconds), for the request at `url`. */
export function signJwt(spec: SignatureSpec, scheme: Scheme, secret: string, parts: { body: Buffer; timestamp: number; url?: string }): string {
  const jwt = spec.jwt;
  if (!jwt || !isJwt(spec.algorithm)) throw new SigningError('a JWT signature needs its claims (jwt) in the scheme');
  const { keyId, key } = splitKey(jwt, secret);
  const header = { alg: JOSE[spec.algorithm], typ: 'JWT', ...(jwt.kid ? { kid: jwt.kid } : {}) };
  const claims: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(jwt.claims ?? {})) claims[name] = value.replaceAll('{url}', parts.url ?? '');
  if (jwt.keyIdClaim) claims[jwt.keyIdClaim] = keyId;
  const iat = scheme.timestamp?.field ?? 'iat';
  claims[iat] = parts.timestamp;
  if (jwt.notBefore) claims.nbf = parts.timestamp;
  if (jwt.expiresInSec !== undefined) claims.exp = parts.timestamp + jwt.expiresInSec;
  claims[jwt.bodyClaim] = bodyHash(jwt, parts.body);
  const input = `${part(header)}.${part(claims)}`;
  return `${input}.${signature(spec, key, input)}`;
}

type Decoded = { header: Record<string, unknown>; claims: Record<string, unknown>; input: string; sig: string };

function decode(token: string): Decoded | string {
  if (token.length > MAX_TOKEN) return `a token of ${token.length} characters`;
  const segments = token.split('.');
  if (segments.length !== 3 || !segments.every((s) => B64URL.test(s))) return 'not a compact JWT (three base64url parts joined by dots)';
  try {
    const [h, p, sig] = segments as [string, string, string];
    const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as unknown;
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as unknown;
    if (!isObject(header) || !isObject(claims)) return 'a JWT whose header or claims are not JSON objects';
    return { header, claims, input: `${h}.${p}`, sig };
  } catch {
    return 'a JWT whose header or claims are not JSON';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function matches(spec: SignatureSpec, key: string, t: Decoded): boolean {
  if (spec.algorithm === 'jwt-hs256') {
    const expected = Buffer.from(signature(spec, splitKey(spec.jwt as JwtSpec, key).key, t.input));
    const got = Buffer.from(t.sig);
    return expected.length === got.length && timingSafeEqual(expected, got);
  }
  const publicKey = parseKey(key, keySpecOf(spec), 'jwt-es256', 'public');
  return verifyAsymmetric('sha256', Buffer.from(t.input), { key: publicKey, dsaEncoding: 'ieee-p1363' }, Buffer.from(t.sig, 'base64url'));
}

export interface JwtCheck {
  token: string;
  header: string;
  secrets: readonly string[];
  body: Buffer;
  now: number;
  toleranceSec?: number;
}

/**
 * Judge a JWT signature as verifyWithScheme judges any other: its form, its date, the key, then the body's
 * hash. The token's own `alg` is never trusted: a token that names another is malformed.
 */
export function verifyJwt(scheme: Scheme, spec: SignatureSpec, name: string, c: JwtCheck): VerifyResult {
  const fail = (reason: VerifyFailure['reason'], detail: string, extra: Partial<VerifyFailure> = {}): VerifyFailure => ({ ok: false, scheme: name, reason, detail, ...extra });
  const jwt = spec.jwt as JwtSpec;
  const t = decode(c.token.trim());
  if (typeof t === 'string') return fail('malformed-signature', `${c.header} holds ${t}`);
  const want = JOSE[spec.algorithm as JwtAlgorithm];
  if (t.header.alg !== want) return fail('malformed-signature', `${c.header} is a JWT signed with ${JSON.stringify(t.header.alg)}, not ${want}`);
  const field = scheme.timestamp?.field ?? 'iat';
  const iat = t.claims[field];
  if (iat === undefined) return fail('missing-timestamp', `the JWT has no ${field} claim`);
  if (typeof iat !== 'number' || !Number.isInteger(iat)) return fail('malformed-timestamp', `the JWT's ${field} claim ${JSON.stringify(iat).slice(0, 40)} is not whole Unix seconds`);
  const index = c.secrets.findIndex((k) => matches(spec, k, t));
  const matched = index >= 0;
  if (scheme.timestamp) {
    const check = checkTolerance(iat, c.now, effectiveTolerance(scheme.timestamp.tolerance, c.toleranceSec));
    if (!check.ok)
      return fail(check.reason, `${check.detail}${matched ? '; the signature itself matches' : ''}`, {
        signatureMatched: matched,
        timestamp: iat,
        ageSec: check.ageSec,
        ...(matched ? { secretIndex: index } : {}),
      });
  }
  if (!matched) return fail('no-match', `the JWT in ${c.header} was not signed by ${c.secrets.length === 1 ? 'the key' : `any of ${c.secrets.length} keys`}`);
  if (t.claims[jwt.bodyClaim] !== bodyHash(jwt, c.body)) {
    return fail('body-hash-mismatch', `the JWT is genuine, but its ${jwt.bodyClaim} claim is not the body's SHA-256: the body changed after signing`, { signatureMatched: true, secretIndex: index });
  }
  return { ok: true, scheme: name, secretIndex: index, header: c.header, timestamp: iat, ageSec: Math.round(c.now / 1000 - iat) };
}

/** Why a key cannot sign or verify this JWT scheme, thrown as the SigningError the caller reports. */
export function checkJwtKey(spec: SignatureSpec, key: string, role: 'private' | 'public'): void {
  if (spec.algorithm === 'jwt-es256') parseKey(key, keySpecOf(spec), 'jwt-es256', role);
  else if (spec.jwt) splitKey(spec.jwt, key);
  if (key.length === 0) throw new SigningError('the JWT secret is empty');
}
