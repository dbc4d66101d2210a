import { createHmac } from 'node:crypto';
import type { HandshakeRequest, HandshakeValue, ValueSource } from '../providers/handshake-spec.js';
import type { Headers } from '../signing/index.js';

/** A received request (its path with the query, node's headers, the body) as the parts a handshake is read from. */
export function arrivedRequest(path: string, headers: Headers, body: Buffer): HandshakeRequest {
  const pairs = Object.entries(headers).flatMap(([n, v]) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x): [string, string] => [n, x])));
  return { query: new URL(path, 'http://listen.invalid').searchParams, headers: pairs, body };
}

/** A value of the request: a query parameter, a header, or a field of its JSON body. */
export function readSource(req: HandshakeRequest, src: ValueSource): string | undefined {
  if (src.from === 'query') return req.query.get(src.path) ?? undefined;
  if (src.from === 'header') return req.headers.find(([n]) => n.toLowerCase() === src.path.toLowerCase())?.[1];
  const json = parseJson(req.body);
  const v = src.path.split('.').reduce<unknown>((n, k) => (n && typeof n === 'object' ? (n as Record<string, unknown>)[k] : undefined), json);
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
}

/** The value an answer must carry, computed from the request (and the secret, for an HMAC). */
export function expectedValue(req: HandshakeRequest, value: HandshakeValue, secret: string): string | number | undefined {
  if ('literal' in value) return value.literal;
  if ('hmacSha256Hex' in value) {
    const input = readSource(req, value.hmacSha256Hex);
    return input === undefined ? undefined : createHmac('sha256', secret).update(input).digest('hex');
  }
  return readSource(req, value);
}

export function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}
