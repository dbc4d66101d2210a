import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/** Why a request to the inspector is refused, as a status and one line; undefined when allowed. */
export interface Refusal {
  status: number;
  message: string;
}

/**
 * The Host header names this server: `localhost` or an IP literal, on the port the request came in
 * on. A DNS name pointing here (DNS rebinding) is refused, so a page on another site cannot reach
 * the inspector through its own domain.
 */
export function hostAllowed(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d+))?$/i.exec(host.trim());
  if (!m) return false;
  const name = (m[1] as string).replace(/^\[|\]$/g, '').toLowerCase();
  if (Number(m[2] ?? 80) !== port) return false;
  return name === 'localhost' || isIP(name) !== 0;
}

/** Constant-time: the token's length and value do not leak through timing. */
export function tokenMatches(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(token));
}

/**
 * Host always; a cross-site request (Origin or Sec-Fetch-Site saying another site) never; a
 * mutating request only from this origin and with the token in a header (which a form or an
 * <img> on another page cannot add); reads with the token in the header or the query (EventSource
 * and downloads cannot set headers).
 */
export function guard(req: IncomingMessage, token: string, needsToken: boolean): Refusal | undefined {
  const port = req.socket.localPort ?? 0;
  const host = req.headers.host;
  if (!hostAllowed(host, port)) return { status: 403, message: 'Host not allowed: open the inspector at localhost or 127.0.0.1 (DNS rebinding protection)' };
  const origin = req.headers.origin;
  const sameOrigin = origin === `http://${host}`;
  if (origin !== undefined && !sameOrigin) return { status: 403, message: 'cross-origin request refused' };
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return { status: 403, message: 'cross-site request refused' };
  const mutating = req.method !== 'GET' && req.method !== 'HEAD';
  if (mutating && !sameOrigin) return { status: 403, message: 'a mutating request must come from the inspector page (Origin missing)' };
  if (!needsToken) return undefined;
  const header = req.headers['x-hookctl-token'];
  const fromHeader = typeof header === 'string' ? header : undefined;
  const fromQuery = mutating ? undefined : (new URL(req.url ?? '/', 'http://x').searchParams.get('token') ?? undefined);
  if (!tokenMatches(fromHeader ?? fromQuery, token)) {
    return { status: 401, message: 'missing or wrong token: open the URL hookctl printed (it carries ?token=...)' };
  }
  return undefined;
}
