import type { ProviderProfile } from '../providers/types.js';
import type { Headers, Scheme, VerifyResult } from '../signing/index.js';

/** Stable codes: scripts match on these (docs/commands/verify.md, "Diagnosis"); messages may be reworded. */
export type DiagnosisCode =
  | 'body-reserialized-compact'
  | 'body-reserialized-pretty'
  | 'body-reserialized-spaced'
  | 'body-key-order'
  | 'body-unicode-escaped'
  | 'body-trailing-newline'
  | 'body-crlf'
  | 'body-latin1'
  | 'body-base64-encoded'
  | 'body-empty'
  | 'body-too-deep'
  | 'form-reencoded'
  | 'secret-base64-decoded'
  | 'secret-hex-decoded'
  | 'secret-literal'
  | 'secret-trailing-whitespace'
  | 'secret-prefix'
  | 'timestamp-stale'
  | 'timestamp-future'
  | 'timestamp-milliseconds'
  | 'timestamp-seconds'
  | 'encoding-base64-vs-hex'
  | 'encoding-hex-vs-base64'
  | 'encoding-base64url-vs-hex'
  | 'encoding-base64url-vs-base64'
  | 'encoding-base64-vs-base64url'
  | 'encoding-hex-vs-base64url'
  | 'uppercase-hex'
  | 'wrong-algorithm'
  | 'missing-prefix'
  | 'wrong-separator'
  | 'duplicate-header'
  | 'signed-content'
  | 'other-provider'
  | 'key-private-for-public'
  | 'url-mismatch'
  | 'body-hash-mismatch';

export interface Finding {
  code: DiagnosisCode;
  /** One plain-language sentence. */
  message: string;
  /** What to do about it, when there is something to do. */
  hint?: string;
}

/** Header pairs as captured (arrival order, duplicates kept) or a header record. */
export type HeaderInput = Headers | readonly (readonly [string, string])[];

export interface DiagnoseInput {
  profile: ProviderProfile;
  secrets: readonly string[];
  headers: HeaderInput;
  body: Buffer;
  /** Clock in ms. */
  now: number;
  toleranceSec?: number;
  /**
   * The failed verification being explained. A passed one yields only `duplicate-header`, when the
   * signature header arrived more than once (what the receiver will still see).
   */
  result: VerifyResult;
  /** Other providers to try (`other-provider`); none when omitted. */
  providers?: readonly ProviderProfile[];
  /** Secrets to try for another provider; the same secrets when omitted. */
  secretsFor?: (profile: ProviderProfile) => readonly string[];
  /** The URL the request was received at, for URL-signed schemes (Twilio). */
  url?: string;
  /** Other URLs the request is known to have been sent to (where a replayed capture first arrived). */
  urls?: readonly string[];
}

/** One way of re-checking the delivery: the scheme, headers, body and secrets handed to the signing module. */
export interface Recheck {
  scheme: Scheme;
  headers: Headers;
  body: Buffer;
  secrets: readonly string[];
  url?: string;
}

export type VariantGroup = 'body' | 'secret' | 'signature' | 'content' | 'url';

/** A single hypothesis about what changed between the signer and the verifier. */
export interface Variant {
  group: VariantGroup;
  code: DiagnosisCode;
  /** Message when this variant reproduces the signature; with several secrets, ` (with secret #n)` is appended. */
  message: string;
  hint?: string;
  apply(a: Recheck): Recheck | undefined;
  /** Worth reporting even when no re-computation matched (the header plainly has the defect). */
  evident?: string;
}
