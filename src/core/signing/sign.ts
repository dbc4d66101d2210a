import { randomBytes, randomUUID } from 'node:crypto';
import { signedContent, placeholders } from './content.js';
import { signatureFor, usableKey } from './crypto.js';
import { formatSignatureHeader } from './signature-header.js';
import type { Scheme, SignatureSpec } from './types.js';
import { SigningError } from './errors.js';
import { writeBodyField } from './body-field.js';
import { isJwt, signJwt } from './jwt.js';
import { formatTimestamp } from './timestamp.js';
import { bodyHash, isFormType, sortedParams, withQueryParam } from './url.js';

export interface SignInput {
  /** HMAC secrets, or private keys for asymmetric schemes; a scheme with several specs signs with each key one can use. */
  secret: string | string[];
  body: Buffer | string;
  /** Unix seconds; defaults to `now`. */
  timestamp?: number;
  /** Message id for schemes that sign one; defaults to a fresh `msg_...`. */
  id?: string;
  /** Clock in ms, injected; defaults to Date.now(). */
  now?: number;
  /** The full target URL, for schemes that sign `{url}`. */
  url?: string;
  /** The body's Content-Type: a form body is signed by its parameters (`{params}`), any other by its hash. */
  contentType?: string;
  /** The request method, for schemes that sign `{method}`; defaults to POST. */
  method?: string;
  /** Bytes appended to the signed content only: an invalid signature for a scheme that writes its signature into the body. */
  tamper?: Buffer;
}

export interface Signed {
  /** Only the headers the scheme defines (signature, timestamp, id), in the spec's casing. */
  headers: Record<string, string>;
  /** Exactly the bytes that were signed, with any signature the scheme carries in the body written in. */
  body: Buffer;
  /** The primary signature header's value. */
  signature: string;
  timestamp?: number;
  id?: string;
  /** The URL that was signed, for URL-signed schemes: send the request there (it may carry a body hash). */
  url?: string;
}

export function signWithScheme(scheme: Scheme, input: SignInput): Signed {
  const body = typeof input.body === 'string' ? Buffer.from(input.body, 'utf8') : input.body;
  const secrets = Array.isArray(input.secret) ? input.secret : [input.secret];
  if (secrets.length === 0) throw new SigningError('no secret to sign with');
  const used = placeholders(scheme.content);
  const headers: Record<string, string> = {};

  let timestamp: number | undefined;
  let tsText: string | undefined;
  const ts = scheme.timestamp;
  if (ts && ts.source !== 'body') {
    timestamp = input.timestamp ?? Math.floor((input.now ?? Date.now()) / 1000);
    tsText = formatTimestamp(ts, timestamp);
    if (ts.source === 'header' && ts.header) headers[ts.header] = tsText;
  } else if (used.has('timestamp')) {
    throw new SigningError('the scheme signs {timestamp} but has no timestamp header');
  }

  let id: string | undefined;
  if (scheme.id) {
    id = input.id ?? (scheme.id.uuid ? randomUUID() : `${scheme.id.prefix ?? 'msg_'}${randomBytes(12).toString('base64url')}`);
    headers[scheme.id.header] = id;
  } else if (used.has('id')) {
    throw new SigningError('the scheme signs {id} but names no id header');
  }

  const { url, params } = urlParts(scheme, used, body, input);
  const signed = signedContent(scheme.content, { body, timestamp: tsText, id, url, params, method: input.method ?? 'POST' });
  const content = input.tamper ? Buffer.concat([signed, input.tamper]) : signed;
  let primary = '';
  let out = body;
  const byHeader = new Map<string, string[]>();
  for (const [spec, keys] of keysPerSpec(scheme, secrets)) {
    // A JWT is signed over its own claims: the body's hash, the time and the URL, not the content template.
    const sigs = isJwt(spec.algorithm)
      ? keys.map((k) => signJwt(spec, scheme, k, { body, timestamp: timestamp ?? Math.floor((input.now ?? Date.now()) / 1000), url: input.url }))
      : keys.map((k) => signatureFor(spec, scheme.secret, k, content));
    if (spec.field) {
      // Carried in the body (Graph's clientState): the body sent is the one with the field written.
      out = writeBodyField(out, spec.field, sigs[0] as string);
      primary ||= sigs[0] as string;
      continue;
    }
    // A single-valued header can carry one signature only: the first secret's.
    const multi = spec.format.style === 'kv' || spec.format.separator !== undefined;
    const value = formatSignatureHeader(spec.format, multi ? sigs : sigs.slice(0, 1), tsText);
    // Specs sharing a header (v1 and v1a) list their entries side by side.
    const entries = byHeader.get(spec.header) ?? [];
    entries.push(value);
    byHeader.set(spec.header, entries);
    headers[spec.header] = entries.join(spec.format.separator ?? '');
    if (!primary) primary = headers[spec.header] as string;
  }
  primary = headers[scheme.signatures[0]?.header ?? ''] ?? primary;
  return { headers, body: out, signature: primary, timestamp, id, ...(url === undefined ? {} : { url }) };
}

/**
 * Which keys each signature spec signs with. A scheme whose specs share a header (Standard Webhooks'
 * HMAC `v1` and Ed25519 `v1a`) tells them apart by the key's format; a key no spec can use is an error.
 */
function keysPerSpec(scheme: Scheme, secrets: readonly string[]): [SignatureSpec, string[]][] {
  const specs = scheme.signatures;
  const shared = specs.length > 1 && specs.every((s) => s.header === specs[0]?.header);
  if (!shared) return specs.map((s) => [s, [...secrets]]);
  const out: [SignatureSpec, string[]][] = specs.map((s) => [s, secrets.filter((k) => usableKey(s, scheme.secret, k, 'private'))]);
  const unusable = secrets.find((k) => !out.some(([, keys]) => keys.includes(k)));
  // Signing with the first spec alone raises its own error, which says what the key should look like.
  if (unusable !== undefined) signatureFor(specs[0] as SignatureSpec, scheme.secret, unusable, Buffer.alloc(0));
  return out.filter(([, keys]) => keys.length > 0);
}

function urlParts(scheme: Scheme, used: Set<string>, body: Buffer, input: SignInput): { url?: string; params?: string } {
  if (!used.has('url')) return {};
  if (input.url === undefined) throw new SigningError('the scheme signs the request URL but none was given', 'give the full URL the receiver is reached at (send --to)');
  const form = isFormType(input.contentType);
  const url = scheme.bodyHashParam && !form ? withQueryParam(input.url, scheme.bodyHashParam, bodyHash(body)) : input.url;
  return { url, params: used.has('params') && form ? sortedParams(body) : '' };
}
