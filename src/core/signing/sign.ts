import { randomBytes } from 'node:crypto';
import { signedContent, placeholders } from './content.js';
import { encode, hmac, secretKey } from './crypto.js';
import { formatSignatureHeader } from './signature-header.js';
import type { Scheme } from './types.js';
import { SigningError } from './errors.js';

export interface SignInput {
  secret: string | string[];
  body: Buffer | string;
  /** Unix seconds; defaults to `now`. */
  timestamp?: number;
  /** Message id for schemes that sign one; defaults to a fresh `msg_...`. */
  id?: string;
  /** Clock in ms, injected; defaults to Date.now(). */
  now?: number;
}

export interface Signed {
  /** Only the headers the scheme defines (signature, timestamp, id), in the spec's casing. */
  headers: Record<string, string>;
  /** Exactly the bytes that were signed. */
  body: Buffer;
  /** The primary signature header's value. */
  signature: string;
  timestamp?: number;
  id?: string;
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
    tsText = String(ts.unit === 'ms' ? timestamp * 1000 : timestamp);
    if (ts.source === 'header' && ts.header) headers[ts.header] = tsText;
  } else if (used.has('timestamp')) {
    throw new SigningError('the scheme signs {timestamp} but has no timestamp header');
  }

  let id: string | undefined;
  if (scheme.id) {
    id = input.id ?? `${scheme.id.prefix ?? 'msg_'}${randomBytes(12).toString('base64url')}`;
    headers[scheme.id.header] = id;
  } else if (used.has('id')) {
    throw new SigningError('the scheme signs {id} but names no id header');
  }

  const content = signedContent(scheme.content, { body, timestamp: tsText, id });
  let primary = '';
  scheme.signatures.forEach((spec, n) => {
    const sigs = secrets.map((s) => encode(hmac(spec.algorithm, secretKey(s, scheme.secret), content), spec.encoding));
    // A single-valued header can carry one signature only: the first secret's.
    const multi = spec.format.style === 'kv' || spec.format.separator !== undefined;
    const value = formatSignatureHeader(spec.format, multi ? sigs : sigs.slice(0, 1), tsText);
    headers[spec.header] = value;
    if (n === 0) primary = value;
  });
  return { headers, body, signature: primary, timestamp, id };
}
