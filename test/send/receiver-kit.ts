/**
 * What every test receiver is made of: the verdict it gives, and the small helpers each family's
 * receivers share (a header as the receiver reads it, a failure, a timestamp's age).
 */
import type { Received } from '../support/server.js';

export type Reason = 'missing' | 'malformed' | 'mismatch' | 'stale' | 'future';
export type Verdict = { ok: true } | { ok: false; reason: Reason; detail?: string };
export type Verifier = (req: Received) => Verdict | Promise<Verdict>;
/** A provider's receivers by id, each made from the secret (or public key) its endpoint holds. */
export type ReceiverFamily = Record<string, (secret: string) => Verifier>;

export const ok: Verdict = { ok: true };
export const fail = (reason: Reason, detail?: string): Verdict => ({ ok: false, reason, detail });

/** A request header by name, repeated ones joined as Node joins them. */
export function header(req: Received, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v.join(', ') : v;
}

/** Seconds since a Unix-seconds timestamp (negative: in the future). */
export const age = (ts: number): number => Math.floor(Date.now() / 1000) - ts;

/** The URL the receiver was reached at, as a framework rebuilds it from the Host header. */
export const reachedAt = (req: Received): string => `http://${header(req, 'host')}${req.url}`;

/** A library's thrown verdict as a reason: its message says stale, future, or a mismatch. */
export function thrown(err: unknown): Verdict {
  const m = err instanceof Error ? err.message : String(err);
  if (/too old|expired|stale|tolerance|outside/i.test(m)) return fail('stale', m);
  if (/too new|future/i.test(m)) return fail('future', m);
  return fail('mismatch', m);
}
