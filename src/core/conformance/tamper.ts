import { formatSignatureHeader, parseSignatureHeader, readBodyField, type Scheme, type SignatureSpec, signWithScheme, writeBodyField } from '../signing/index.js';
import type { Delivery, HeaderPair } from '../delivery/types.js';
import { headerOf } from '../http/headers.js';

/**
 * Rewrite every signature header the scheme sends (GitHub sends a sha256 and a legacy sha1 one):
 * a probe that broke one and left another valid would fail a correct receiver that checks the
 * other. `value` returning undefined drops that header. Other headers untouched, order kept.
 */
export function withSignatureHeaders(d: Delivery, scheme: Scheme, value: (spec: SignatureSpec, old: string) => string | undefined): Delivery {
  const bySig = new Map(scheme.signatures.map((s) => [s.header.toLowerCase(), s]));
  const headers: HeaderPair[] = [];
  for (const [name, v] of d.headers) {
    const spec = bySig.get(name.toLowerCase());
    if (!spec) {
      headers.push([name, v]);
      continue;
    }
    const next = value(spec, v);
    if (next !== undefined) headers.push([name, next]);
  }
  // A signature carried in the body (Adyen's hmacSignature, Mailgun's signature.signature) is rewritten there.
  let { body } = d;
  for (const spec of scheme.signatures) {
    const old = spec.field ? readBodyField(body, spec.field) : undefined;
    if (spec.field && old !== undefined) body = writeBodyField(body, spec.field, value(spec, old) ?? '');
  }
  return { ...d, headers, body };
}

/** The same digests in the other encoding (hex ↔ base64), in the provider's own format. */
export function swapEncoding(spec: SignatureSpec, header: string): string {
  const parsed = parseSignatureHeader(spec.format, header);
  const from = spec.encoding === 'hex' ? 'hex' : 'base64';
  const to = spec.encoding === 'hex' ? 'base64' : 'hex';
  return formatSignatureHeader(
    spec.format,
    parsed.signatures.map((s) => Buffer.from(s, from).toString(to)),
    parsed.timestamp,
  );
}

/** The signatures without their prefix (`sha256=`, `v1,`), or undefined when the format has none. */
export function stripPrefix(spec: SignatureSpec, header: string): string | undefined {
  if (spec.format.style !== 'prefixed' || spec.format.prefix === '') return undefined;
  const parsed = parseSignatureHeader(spec.format, header);
  return parsed.signatures.join(spec.format.separator ?? '');
}

/** A kv header (`t=..,v1=..`) without its timestamp entry. */
export function dropKvTimestamp(spec: SignatureSpec, header: string): string {
  if (spec.format.style !== 'kv') return header;
  const { timestampKey, separator, groupSeparator } = spec.format;
  const drop = (group: string) =>
    group
      .split(separator)
      .filter((p) => !p.trim().startsWith(`${timestampKey}=`))
      .join(separator);
  return groupSeparator ? header.split(groupSeparator).map(drop).join(groupSeparator) : drop(header);
}

/**
 * What a receiver signs in place of a timestamp it never got: `${undefined}` in JS, `""` from a
 * header getter with a default (Go's Header.Get, Ruby, PHP), `f"{None}"` in Python, `+ null` in Java.
 */
export const MISSING_TIMESTAMP_STAND_INS = [
  { label: 'undefined', text: 'undefined' },
  { label: 'empty', text: '' },
  { label: 'None', text: 'None' },
  { label: 'null', text: 'null' },
] as const;

/** The scheme's signed content with the timestamp replaced by `standIn`, as shown to a reader (`undefined.{body}`). */
export function contentWithout(scheme: Scheme, standIn: string): string {
  return scheme.content.replaceAll('{timestamp}', standIn);
}

/**
 * A delivery with no timestamp at all (no timestamp header, no `t=`/`ts=` entry), re-signed the way a
 * naive receiver recomputes it: over the content with the timestamp replaced by `standIn`. The signing
 * module signs it (a scheme whose content carries the stand-in literally and that has no timestamp),
 * so this is the same HMAC, key derivation and header format as every other delivery.
 */
export function signedWithoutTimestamp(d: Delivery, scheme: Scheme, secret: string, standIn: string): Delivery {
  const naive: Scheme = { ...scheme, content: contentWithout(scheme, standIn), timestamp: undefined };
  const signed = signWithScheme(naive, { secret, body: d.body, id: d.messageId, url: String(d.url), method: d.method });
  const tsHeader = scheme.timestamp?.source === 'header' ? scheme.timestamp.header?.toLowerCase() : undefined;
  const bySig = new Map(scheme.signatures.map((s) => [s.header.toLowerCase(), s]));
  const headers: HeaderPair[] = [];
  for (const [name, v] of d.headers) {
    const lower = name.toLowerCase();
    if (lower === tsHeader) continue;
    const spec = bySig.get(lower);
    if (!spec) {
      headers.push([name, v]);
      continue;
    }
    headers.push([name, dropKvTimestamp(spec, signed.headers[spec.header] as string)]);
  }
  const primary = scheme.signatures[0];
  const signature = primary && headerOf(headers, primary.header);
  return { ...d, headers, signature, timestamp: undefined };
}

/** Timestamps that are present but not a number of seconds: what a receiver must refuse without crashing. */
export const MALFORMED_TIMESTAMPS = ['abc', '1e3', '12.5'] as const;

/**
 * A delivery whose timestamp is `text` wherever the scheme carries it (its header, or the `t=` entry),
 * signed over `text` too: so only a check that the timestamp is a number of seconds refuses it, and a
 * receiver whose freshness check turns `abc` into NaN (never "too old") is caught.
 */
export function withTimestampText(d: Delivery, scheme: Scheme, secret: string, text: string): Delivery {
  const naive: Scheme = { ...scheme, content: contentWithout(scheme, text), timestamp: undefined };
  const signed = signWithScheme(naive, { secret, body: d.body, id: d.messageId, url: String(d.url), method: d.method });
  const ts = scheme.timestamp;
  const tsHeader = ts?.source === 'header' ? ts.header?.toLowerCase() : undefined;
  const rewritten = withSignatureHeaders(d, scheme, (spec) => {
    const value = signed.headers[spec.header] as string;
    return spec.format.style === 'kv' ? formatSignatureHeader(spec.format, parseSignatureHeader(spec.format, value).signatures, text) : value;
  });
  const headers = rewritten.headers.map(([name, v]): HeaderPair => [name, name.toLowerCase() === tsHeader ? text : v]);
  const primary = scheme.signatures[0];
  return { ...rewritten, headers, signature: primary && headerOf(headers, primary.header), timestamp: undefined };
}

/** One byte changed inside the first JSON string value, so the body stays valid JSON. */
export function flipOneByte(body: Buffer): Buffer {
  const out = Buffer.from(body);
  const text = out.toString('latin1');
  const start = text.indexOf('":"');
  let i = start >= 0 ? start + 3 : 0;
  while (i < out.length && !/[A-Za-z0-9]/.test(text[i] as string)) i++;
  if (i >= out.length) i = Math.max(0, out.length - 1);
  const c = out[i] as number;
  out[i] = c === 0x61 ? 0x62 : /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? (c === 0x30 ? 0x31 : 0x61) : c ^ 1;
  return out;
}

/**
 * The body changed by one byte where the scheme's signature binds it: anywhere for a scheme that signs
 * the body, inside the first signed string field for one that signs fields (Adyen's pspReference).
 */
export function tamperSigned(body: Buffer, scheme: Scheme): Buffer {
  if (scheme.content.includes('{body}')) return flipOneByte(body);
  for (const [, path] of scheme.content.matchAll(/\{field:([^}]+)\}/g)) {
    const value = path ? readBodyField(body, path) : undefined;
    if (path && value) return writeBodyField(body, path, `${value.startsWith('a') ? 'b' : 'a'}${value.slice(1)}`);
  }
  return flipOneByte(body);
}
