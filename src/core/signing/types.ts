/** A signing scheme described as data, so a custom provider needs no code. */

/** HMAC digests, named by their hash. */
export const HMAC_ALGORITHMS = ['sha256', 'sha1', 'sha512'] as const;
export type HmacAlgorithm = (typeof HMAC_ALGORITHMS)[number];
/** Public-key signatures: signed with a private key, verified with the public one. */
export const ASYMMETRIC_ALGORITHMS = ['ed25519', 'ecdsa-p256-sha256', 'jwt-es256'] as const;
export type AsymmetricAlgorithm = (typeof ASYMMETRIC_ALGORITHMS)[number];
/**
 * No signature at all: the shared secret itself travels (Okta's `Authorization` header value,
 * Microsoft Graph's `clientState`), compared in constant time. It binds nothing of the body.
 */
export const TOKEN_ALGORITHM = 'token';
/**
 * HTTP Basic authentication: the secret is `user:password`, and it travels as `Basic <base64 of it>`
 * in Authorization (Chargebee, Postmark). Like a token it binds nothing of the body.
 */
export const BASIC_ALGORITHM = 'basic';
/**
 * A JSON Web Token is the signature: HS256 keyed by the secret (LiveKit, Upstash QStash) or ES256 by a
 * P-256 key pair (Plaid), its claims binding the body by its SHA-256 and dating the delivery (`iat`).
 */
export const JWT_ALGORITHMS = ['jwt-hs256', 'jwt-es256'] as const;
export type JwtAlgorithm = (typeof JWT_ALGORITHMS)[number];
export const ALGORITHMS = [...HMAC_ALGORITHMS, ...ASYMMETRIC_ALGORITHMS, TOKEN_ALGORITHM, BASIC_ALGORITHM, 'jwt-hs256'] as const;
export type Algorithm = (typeof ALGORITHMS)[number];
export const ENCODINGS = ['hex', 'base64', 'base64url'] as const;
export type Encoding = (typeof ENCODINGS)[number];
export const KEY_ENCODINGS = ['hex', 'base64', 'der'] as const;

/**
 * How a provider writes the key pair of an asymmetric scheme (PEM is accepted too, whatever this says).
 * - `hex` / `base64`: raw Ed25519 bytes; the public key is 32 bytes, the private key 64 (seed then public
 *   key, as NaCl and libsodium keep it) or, only when a private prefix tells it apart, the 32-byte seed.
 * - `der`: base64 DER, SPKI for the public key and PKCS#8 for the private one (SendGrid's dashboard format).
 */
export interface KeySpec {
  encoding: (typeof KEY_ENCODINGS)[number];
  /** `whsk_` for Standard Webhooks. */
  privatePrefix?: string;
  /** `whpk_` for Standard Webhooks. */
  publicPrefix?: string;
}

/** How the secret the user holds becomes the HMAC key. */
export interface SecretSpec {
  /** `utf8`: the string's bytes as shown (prefix included). `base64` / `hex`: strip `prefix`, then decode. */
  encoding: 'utf8' | 'base64' | 'hex';
  prefix?: string;
}

/**
 * How signatures appear in their header.
 * - `prefixed`: `sha256=<sig>`, or a list like `v1,<a> v1,<b>` when `separator` is set.
 * - `kv`: `t=<ts>,v1=<a>,v1=<b>` (Stripe) or `ts=<ts>;h1=<a>` (Paddle).
 */
export type SignatureFormat =
  | { style: 'prefixed'; prefix: string; separator?: string }
  | {
      style: 'kv';
      separator: string;
      timestampKey: string;
      signatureKey: string;
      /** Set when each signature travels in its own `t=…,v1=…` group, groups joined by this (Persona: a space). */
      groupSeparator?: string;
    };

export interface SignatureSpec {
  /** The header that carries it; with `field`, the name messages call it by (`clientState`). */
  header: string;
  /** The dotted path of the JSON body field that carries it instead of a header (`value.0.clientState`). */
  field?: string;
  algorithm: Algorithm;
  /** How the signature bytes are written (an ECDSA signature is DER, then this encoding). */
  encoding: Encoding;
  format: SignatureFormat;
  /** The key pair's format, for asymmetric algorithms (HMAC uses the scheme's `secret`). */
  key?: KeySpec;
  /** The claims of a JWT signature (`jwt-hs256`, `jwt-es256`). */
  jwt?: JwtSpec;
}

/** What a JWT signature claims: the body's hash, the time, and fixed claims of the provider's. */
export interface JwtSpec {
  /** The claim holding the SHA-256 of the raw body (`request_body_sha256`, `body`, `sha256`), and its encoding. */
  bodyClaim: string;
  bodyEncoding: Encoding;
  /** Claims every token carries (QStash's `iss: "Upstash"`); `{url}` in a value is the request URL. */
  claims?: Record<string, string>;
  /** `exp` this many seconds after `iat`. */
  expiresInSec?: number;
  /** `nbf` equal to `iat`. */
  notBefore?: boolean;
  /** A claim naming the signing key (LiveKit's `iss`, its API key): the secret is then `<key id>:<secret>`. */
  keyIdClaim?: string;
  /** The token header's `kid` (Plaid names the key a receiver fetches). */
  kid?: string;
}

export interface Tolerance {
  /** Seconds a timestamp may lie in the past; null = unbounded. */
  pastSec: number | null;
  /** Seconds a timestamp may lie in the future; null = unbounded. */
  futureSec: number | null;
}

export interface TimestampSpec {
  /** Where the timestamp travels: its own header, inside the signature header (kv), a body field, or a JWT signature's claim (`field`). */
  source: 'header' | 'signature' | 'body' | 'jwt';
  header?: string;
  /** Dotted path of the body field when source is `body`. */
  field?: string;
  /** Unix seconds, Unix milliseconds, or an RFC 3339 date-time in UTC (Twitch's `2026-02-28T10:35:42.000000000Z`). */
  unit: 's' | 'ms' | 'iso';
  /** Fraction digits an `iso` timestamp is written with (default 3, as `toISOString`; Twitch writes nanoseconds: 9). */
  digits?: number;
  tolerance: Tolerance;
}

export interface Scheme {
  /**
   * What is signed: `{body}`, `{timestamp}.{body}`, `{id}.{timestamp}.{body}`, `v0:{timestamp}:{body}`...
   * `{url}` is the full request URL and `{params}` the form parameters sorted by name, each name then
   * its value (Twilio: `{url}{params}`; empty when the body is not a form). `{method}` is the request
   * method (HubSpot v3); `{field:a.0.b}` a JSON body field's value, empty when absent (Adyen, Mailgun).
   */
  content: string;
  /**
   * The first is primary; the rest are emitted too (GitHub's legacy sha1) and checked when the primary is absent.
   * Specs sharing one header (Standard Webhooks' `v1,` HMAC and `v1a,` Ed25519) sign with the keys each can use.
   */
  signatures: SignatureSpec[];
  secret: SecretSpec;
  timestamp?: TimestampSpec;
  /** The message id that `{id}` stands for: `prefix` and random characters, or a UUID (Twitch's message id). */
  id?: { header: string; prefix?: string; uuid?: boolean };
  /** Alternative header names accepted on verification (Svix's `svix-*` for `webhook-*`). */
  headerAliases?: Record<string, string>[];
  /**
   * For URL-signed schemes: a body that is not a form is bound by its hex SHA-256 in this query
   * parameter of the signed URL (Twilio's `bodySHA256`).
   */
  bodyHashParam?: string;
}

export type Headers = Record<string, string | string[] | undefined>;

export type FailureReason =
  | 'missing-signature'
  | 'malformed-signature'
  | 'missing-timestamp'
  | 'malformed-timestamp'
  | 'timestamp-too-old'
  | 'timestamp-too-new'
  | 'missing-id'
  | 'missing-url'
  | 'body-hash-mismatch'
  | 'no-match'
  /** No secret given can be turned into a key for this scheme (a `whsec_` literal where base64 is expected). */
  | 'bad-secret';

export interface VerifyOk {
  ok: true;
  scheme: string;
  /** Index into the secrets given: which one matched (rotation). */
  secretIndex: number;
  /** The header whose signature matched. */
  header: string;
  timestamp?: number;
  /** Seconds between the signed timestamp and `now` (negative: in the future). */
  ageSec?: number;
}

export interface VerifyFailure {
  ok: false;
  scheme: string;
  reason: FailureReason;
  detail: string;
  /** For timestamp failures: whether the signature itself matched. */
  signatureMatched?: boolean;
  secretIndex?: number;
  timestamp?: number;
  ageSec?: number;
}

export type VerifyResult = VerifyOk | VerifyFailure;
