import { isUtf8 } from 'node:buffer';
import { UsageError } from '../errors.js';
import type { Delivery } from './types.js';

/** POSIX single quotes: everything literal, a quote written as '\''. */
function shellQuote(text: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
}

/**
 * A curl command that puts the same request on the wire: method, URL, every header in order,
 * and the body byte for byte. curl's own extras are suppressed (`Accept:`, `User-Agent:`, the form
 * `Content-Type:` --data-binary implies, and `Expect:` which older curl adds above 1 KiB); only
 * Host and Content-Length remain, as with any client. A header curl cannot send as it is (a line
 * break would become extra header lines) is a UsageError, not a different request.
 */
export function toCurl(delivery: Delivery, url: URL | string): string {
  const has = (name: string) => delivery.headers.some(([n]) => n.toLowerCase() === name);
  const lines = [`curl -sS${delivery.method === 'POST' ? '' : ` -X ${delivery.method}`} ${shellQuote(String(url))}`];
  for (const [name, value] of delivery.headers) lines.push(`-H ${headerArg(name, value)}`);
  if (!has('accept')) lines.push("-H 'Accept:'");
  if (!has('user-agent')) lines.push("-H 'User-Agent:'");
  // A GET with no body (Meta's ?hub.challenge= check) is sent with none: no --data, so no Content-Type to suppress.
  const bodyless = delivery.body.length === 0 && delivery.method !== 'POST';
  if (!has('content-type') && !bodyless) lines.push("-H 'Content-Type:'");
  if (!has('expect') && delivery.body.length > 1024) lines.push("-H 'Expect:'");
  if (!bodyless) lines.push(`--data-binary ${quoteBody(delivery.body)}`);
  return lines.join(' \\\n  ');
}

/**
 * One `-H` argument. Header strings hold one character per byte (Node reads them as latin1), so
 * bytes outside printable ASCII go through $'\xNN' escapes: written as text they would leave as
 * UTF-8, two bytes each. An empty value is `Name;` (curl reads `Name:` as "remove this header").
 */
function headerArg(name: string, value: string): string {
  const text = value === '' ? `${name};` : `${name}: ${value}`;
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code === 0x0d || code === 0x0a) throw new UsageError(`header ${name} holds a line break: curl would send it as separate header lines`);
    if (code === 0) throw new UsageError(`header ${name} holds a NUL byte, which curl cannot send`);
    if (code > 0xff) throw new UsageError(`header ${name} holds a character that is not one byte (U+${code.toString(16).toUpperCase().padStart(4, '0')}), which has no exact form on the wire`);
  }
  // eslint-disable-next-line no-control-regex
  if (!/[^\x20-\x7e\t]/.test(text)) return shellQuote(text);
  return `$'${escapeBytes(Buffer.from(text, 'latin1'), (b) => `\\x${b.toString(16).padStart(2, '0')}`)}'`;
}

/**
 * Text bodies go in single quotes as they are. Bytes a terminal or argv cannot carry (control
 * characters, invalid UTF-8) go through bash's $'...' escapes, and NUL bytes through printf.
 */
export function quoteBody(body: Buffer): string {
  // eslint-disable-next-line no-control-regex
  if (isUtf8(body) && !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(body.toString('utf8'))) return `'${body.toString('utf8').replaceAll("'", "'\\''")}'`;
  if (!body.includes(0)) return `$'${escapeBytes(body, (b) => `\\x${b.toString(16).padStart(2, '0')}`)}'`;
  // printf's format sits in plain single quotes: a quote byte must be an escape too, and % doubled.
  return `@<(printf '${escapeBytes(body, (b) => `\\${b.toString(8).padStart(3, '0')}`, true).replaceAll('%', '%%')}')`;
}

function escapeBytes(body: Buffer, escapeByte: (byte: number) => string, quoteAsEscape = false): string {
  let out = '';
  for (const b of body) {
    if (b === 0x5c) out += '\\\\';
    else if (b === 0x27) out += quoteAsEscape ? escapeByte(b) : "\\'";
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
    else out += escapeByte(b);
  }
  return out;
}
