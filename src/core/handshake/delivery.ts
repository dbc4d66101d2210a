import type { Delivery } from '../delivery/types.js';
import type { HttpResponse } from '../http/client.js';
import type { EventSpec } from '../providers/types.js';
import { judgeHandshake } from './judge.js';
import type { HandshakeRequest, HandshakeVerdict } from '../providers/handshake-spec.js';

/** The parts of a sent delivery a handshake answer is computed from. */
export function handshakeRequestOf(d: Pick<Delivery, 'url' | 'headers' | 'body'>): HandshakeRequest {
  return { query: d.url?.searchParams ?? new URLSearchParams(), headers: d.headers, body: d.body };
}

/**
 * The verdict on a receiver's answer to a handshake delivery (undefined for ordinary events, and for
 * a broken signature sent on purpose: that one must be refused, which the marks already judge).
 */
export function judgeDelivery(event: EventSpec, providerName: string, d: Delivery, res: HttpResponse, secret: string): HandshakeVerdict | undefined {
  if (!event.handshake || d.mode !== 'valid') return undefined;
  return judgeHandshake(event.handshake, providerName, handshakeRequestOf(d), { status: res.status, headers: res.headers, body: res.body, elapsedMs: res.timings.totalMs }, secret);
}
