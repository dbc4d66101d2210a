import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { Webhook } from 'standardwebhooks';
import { startServer, type Received, type TestServer } from '../support/server.js';

/** Receivers for the conformance suite: one correct, and one per bug that real receivers ship with. */
export type Flaw = 'none' | 'crash-on-short-signature' | 'accepts-any-signature' | 'ignores-timestamp' | 'not-idempotent' | 'slow';

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
    const valid = flaw === 'accepts-any-signature' || (provider === 'transcodely' ? transcodelyValid(r, flaw) : standardWebhooksValid(r));
    if (!valid) { res.statusCode = 401; res.end('invalid signature'); return; }
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
