/** A signing scheme described as data, so a custom provider needs no code. */

export const ALGORITHMS = ['sha256', 'sha1', 'sha512'] as const;
export type Algorithm = (typeof ALGORITHMS)[number];
export const ENCODINGS = ['hex', 'base64', 'base64url'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** How the secret the user holds becomes the HMAC key. */
export interface SecretSpec {
  /** `utf8`: the string's bytes as shown (prefix included). `base64`: strip `prefix`, then decode. */
  encoding: 'utf8' | 'base64';
  prefix?: string;
}

/**
 * How signatures appear in their header.
 * - `prefixed`: `sha256=<sig>`, or a list like `v1,<a> v1,<b>` when `separator` is set.
 * - `kv`: `t=<ts>,v1=<a>,v1=<b>` (Stripe) or `ts=<ts>;h1=<a>` (Paddle).
 */
export type SignatureFormat =
  | { style: 'prefixed'; prefix: string; separator?: string }
  | { style: 'kv'; separator: string; timestampKey: string; signatureKey: string };

export interface SignatureSpec {
  header: string;
  algorithm: Algorithm;
  encoding: Encoding;
  format: SignatureFormat;
}

export interface Tolerance {
  /** Seconds a timestamp may lie in the past; null = unbounded. */
  pastSec: number | null;
  /** Seconds a timestamp may lie in the future; null = unbounded. */
  futureSec: number | null;
}

export interface TimestampSpec {
  /** Where the timestamp travels: its own header, inside the signature header (kv), or a body field. */
  source: 'header' | 'signature' | 'body';
  header?: string;
  /** Dotted path of the body field when source is `body`. */
  field?: string;
  unit: 's' | 'ms';
  tolerance: Tolerance;
}

export interface Scheme {
  /** What is signed: `{body}`, `{timestamp}.{body}`, `{id}.{timestamp}.{body}`, `v0:{timestamp}:{body}`... */
  content: string;
  /** The first is primary; the rest are emitted too (GitHub's legacy sha1) and checked when the primary is absent. */
  signatures: SignatureSpec[];
  secret: SecretSpec;
  timestamp?: TimestampSpec;
  /** The message id that `{id}` stands for. */
  id?: { header: string; prefix?: string };
  /** Alternative header names accepted on verification (Svix's `svix-*` for `webhook-*`). */
  headerAliases?: Record<string, string>[];
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
