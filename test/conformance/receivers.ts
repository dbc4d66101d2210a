import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { Webhook } from 'standardwebhooks';
import { startServer, type Received, type TestServer } from '../support/server.js';

/** Receivers for the conformance suite: one correct, and one per bug that real receivers ship with. */
export type Flaw = 'none' | 'crash-on-short-signature' | 'accepts-any-signature' | 'ignores-timestamp' | 'no-timestamp-check-when-missing' | 'not-idempotent' | 'slow';

export const TRANSCODELY_SECRET = 'whsec_transcodely_conformance';
export const SW_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

/** Transcodely's documented TypeScript verifier, with the length check it forgot unless the flaw is kept. */
function transcodelyValid(r: Received, flaw: Flaw): boolean {
  const signature = String(r.headers['x-transcodely-signature'] ?? '');
  const timestamp = String(r.headers['x-transcodely-timestamp'] ?? '');
  if (!signature) return false;
  if (flaw !== 'ignores-timestamp') {
    if (!/^\d+$/.test(timestamp)) return false;
    if (Math.abs(Date.now() / 1000 - parseInt(timestamp, 10)) > 300) return false;
  }
  const expected = `sha256=${createHmac('sha256', TRANSCODELY_SECRET).update(`${timestamp}.${r.body.toString()}`).digest('hex')}`;
  if (flaw === 'crash-on-short-signature') return timingSafeEqual(Buffer.from(expected), Buffer.from(signature)); // throws on length mismatch
  return expected.length === signature.length && timingSafeEqual(Buffer.from(expected), Buffer.from(signature));
}

/**
 * Transcodely's JS sample as written (length check added so nothing else fails): the freshness check runs
 * only when the header is there (`parseInt(undefined)` is NaN, and `NaN > 300` is false, so the sample's
 * unguarded line behaves the same), and the HMAC is over the template literal, `undefined.{body}`.
 */
function transcodelyNaive(r: Received): boolean {
  const signature = r.headers['x-transcodely-signature'];
  const ts = r.headers['x-transcodely-timestamp'] as string | undefined;
  if (typeof signature !== 'string') return false;
  if (ts && Math.abs(Date.now() / 1000 - parseInt(ts, 10)) > 300) return false;
  const expected = `sha256=${createHmac('sha256', TRANSCODELY_SECRET).update(`${ts}.${r.body.toString()}`).digest('hex')}`;
  return expected.length === signature.length && timingSafeEqual(Buffer.from(expected), Buffer.from(signature));
}

/** A hand-written Standard Webhooks verifier with the same bug: `${id}.${undefined}.${body}` when webhook-timestamp is missing. */
function standardWebhooksNaive(r: Received): boolean {
  const id = r.headers['webhook-id'] as string | undefined;
  const ts = r.headers['webhook-timestamp'] as string | undefined;
  const signatures = String(r.headers['webhook-signature'] ?? '').split(' ');
  if (ts && Math.abs(Date.now() / 1000 - parseInt(ts, 10)) > 300) return false;
  const key = Buffer.from(SW_SECRET.slice('whsec_'.length), 'base64');
  const expected = `v1,${createHmac('sha256', key).update(`${id}.${ts}.${r.body.toString()}`).digest('base64')}`;
  return signatures.some((s) => s.length === expected.length && timingSafeEqual(Buffer.from(expected), Buffer.from(s)));
}

/** The Standard Webhooks library itself (its flaws here are only the ones around it: any, idempotency, speed). */
function standardWebhooksValid(r: Received): boolean {
  try {
    const headers = Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k, String(v)]));
    new Webhook(SW_SECRET).verify(r.body.toString(), headers);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startReceiver(provider: 'transcodely' | 'standard-webhooks', flaw: Flaw, slowMs = 400): Promise<TestServer> {
  const seen = new Set<string>();
  return startServer(async (r: Received, res: ServerResponse) => {
    if (flaw === 'slow') await sleep(slowMs);
    const valid =
      flaw === 'accepts-any-signature' ||
      (flaw === 'no-timestamp-check-when-missing'
        ? provider === 'transcodely'
          ? transcodelyNaive(r)
          : standardWebhooksNaive(r)
        : provider === 'transcodely'
          ? transcodelyValid(r, flaw)
          : standardWebhooksValid(r));
    if (!valid) {
      res.statusCode = 401;
      res.end('invalid signature');
      return;
    }
    const id = String(r.headers['x-transcodely-delivery-id'] ?? r.headers['webhook-id'] ?? '');
    if (seen.has(id)) {
      res.statusCode = flaw === 'not-idempotent' ? 500 : 200;
      res.end(flaw === 'not-idempotent' ? 'duplicate key value violates unique constraint' : 'already processed');
      return;
    }
    seen.add(id);
    res.end('ok');
  });
}
