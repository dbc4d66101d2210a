/** A raw HTTP/1.1 request as text or bytes (`hookctl verify -`, saved .http files): byte-exact body. Pure. */
import { UsageError } from '../errors.js';

export interface RawRequest {
  method: string;
  /** The request target exactly as written (path and query). */
  target: string;
  httpVersion: string;
  /** Header pairs in order, names as written; obs-folded lines joined with one space. */
  headers: [string, string][];
  /** The body after de-chunking; never re-encoded. */
  body: Buffer;
  /** How the body's end was found. */
  framing: 'content-length' | 'chunked' | 'none';
  /** Bytes after the framed body (a second request, or an editor's newline); not part of the body. */
  trailing: number;
}

const REQUEST_LINE = /^([A-Za-z]+) (\S+) HTTP\/(\d\.\d)$/;
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Parse one request. Anything that is not a well-formed request is a UsageError naming what is wrong. */
export function parseRawRequest(input: Buffer, source = 'the input'): RawRequest {
  const bad = (what: string, hint = 'give a raw HTTP/1.1 request: request line, headers, blank line, body') => new UsageError(`${source} is not an HTTP request: ${what}`, hint);
  let start = 0;
  while (input[start] === 0x0d || input[start] === 0x0a) start++;
  const head = headEnd(input, start);
  const headText = input.subarray(start, head.end).toString('latin1');
  const lines = headText.split(/\r?\n/);
  const requestLine = lines.shift() ?? '';
  const m = REQUEST_LINE.exec(requestLine);
  // What the file holds is never quoted: a file that is not a request (/etc/shadow, a key) may be secret.
  if (!m) throw bad(requestLine ? 'its first line is not a request line like "POST /webhooks HTTP/1.1"' : 'it is empty');
  // No blank line and no final newline: the request stops mid-header (a cut file), not a bodiless request.
  if (head.bodyStart === input.length && input.length > start && input[input.length - 1] !== 0x0a) {
    throw bad('it stops in the middle of its headers (no blank line after them)', 'save the whole request (hookctl captures show <id> --raw)');
  }

  const headers: [string, string][] = [];
  for (const [i, line] of lines.entries()) {
    if (/^[ \t]/.test(line) && headers.length > 0) {
      const last = headers[headers.length - 1] as [string, string];
      last[1] = `${last[1]} ${line.trim()}`.trim();
      continue;
    }
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon) : '';
    if (!TOKEN.test(name)) throw bad(`line ${i + 2} is not a header line "Name: value"`);
    headers.push([name, line.slice(colon + 1).trim()]);
  }

  const rest = input.subarray(head.bodyStart);
  const values = (name: string) => headers.filter(([k]) => k.toLowerCase() === name).map(([, v]) => v);
  const te = values('transfer-encoding').join(',').toLowerCase();
  const req = { method: m[1] as string, target: m[2] as string, httpVersion: m[3] as string, headers };
  if (
    te
      .split(',')
      .map((s) => s.trim())
      .pop() === 'chunked'
  ) {
    const { body, used } = dechunk(rest, bad);
    return { ...req, body, framing: 'chunked', trailing: rest.length - used };
  }
  const lengths = [
    ...new Set(
      values('content-length')
        .flatMap((v) => v.split(','))
        .map((v) => v.trim()),
    ),
  ];
  if (lengths.length > 1) throw bad('it has conflicting Content-Length values');
  if (lengths.length === 1) {
    const text = lengths[0] as string;
    if (!/^\d{1,15}$/.test(text)) throw bad('its Content-Length is not a number');
    const n = Number(text);
    if (rest.length < n) throw bad(`the body is truncated: Content-Length says ${n} bytes, ${rest.length} arrived`, 'save the whole request, or fix Content-Length');
    return { ...req, body: Buffer.from(rest.subarray(0, n)), framing: 'content-length', trailing: rest.length - n };
  }
  return { ...req, body: Buffer.from(rest), framing: 'none', trailing: 0 };
}

/** Where the head ends: the first blank line (CRLF CRLF, or LF LF for hand-written requests). */
function headEnd(buf: Buffer, from: number): { end: number; bodyStart: number } {
  for (let i = from; i < buf.length; i++) {
    if (buf[i] !== 0x0a) continue;
    const next = buf[i + 1] === 0x0d ? i + 2 : i + 1;
    if (buf[next] === 0x0a) return { end: buf[i - 1] === 0x0d ? i - 1 : i, bodyStart: next + 1 };
  }
  let end = buf.length;
  while (end > from && (buf[end - 1] === 0x0a || buf[end - 1] === 0x0d)) end--;
  return { end, bodyStart: buf.length };
}

function dechunk(buf: Buffer, bad: (what: string, hint?: string) => UsageError): { body: Buffer; used: number } {
  const parts: Buffer[] = [];
  let pos = 0;
  const line = (): string => {
    const nl = buf.indexOf(0x0a, pos);
    if (nl < 0) throw bad('the chunked body is truncated', 'save the whole request');
    const text = buf.subarray(pos, nl).toString('latin1').replace(/\r$/, '');
    pos = nl + 1;
    return text;
  };
  for (;;) {
    const sizeLine = line();
    const size = /^([0-9a-fA-F]{1,8})(?:[ \t]*;.*)?$/.exec(sizeLine.trim());
    if (!size) throw bad('a chunk size line is not hexadecimal');
    const n = parseInt(size[1] as string, 16);
    if (n === 0) break;
    if (pos + n > buf.length) throw bad('the chunked body is truncated', 'save the whole request');
    parts.push(buf.subarray(pos, pos + n));
    pos += n;
    if (line() !== '') throw bad('a chunk is longer than its size line says');
  }
  // Trailer fields, if any, up to the blank line (a missing final CRLF is forgiven).
  while (pos < buf.length && line() !== '');
  return { body: Buffer.concat(parts), used: pos };
}
