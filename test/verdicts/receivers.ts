import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express, { type Request, type Response } from 'express';
import Stripe from 'stripe';

/**
 * Receivers as people write them with Express, for the verdicts a CI job relies on:
 * - `raw`: verifies the bytes it was sent (express.raw), as the providers' docs say;
 * - `restringify`: the commonest bug in the field (stripe-node#341, stripe-php#884): express.json(), then
 *   the signature checked over JSON.stringify(req.body). Otherwise careful: freshness checked, lengths too.
 */
export type BodyHandling = 'raw' | 'restringify';

export const STRIPE_SECRET = 'whsec_verdicts_stripe';
export const TRANSCODELY_SECRET = 'whsec_verdicts_transcodely';
const stripe = new Stripe('sk_test_hookctl');

export interface Receiver {
  url: string;
  close(): Promise<void>;
}

function bodyOf(req: Request, handling: BodyHandling): string | Buffer {
  return handling === 'raw' ? (req.body as Buffer) : JSON.stringify(req.body);
}

function stripeRoute(handling: BodyHandling, secret: string) {
  return (req: Request, res: Response) => {
    try {
      const event = stripe.webhooks.constructEvent(bodyOf(req, handling), String(req.headers['stripe-signature'] ?? ''), secret);
      res.json({ received: event.type });
    } catch (err) {
      res.status(400).send(`Webhook Error: ${(err as Error).message}`);
    }
  };
}

function transcodelyRoute(handling: BodyHandling, secret: string) {
  return (req: Request, res: Response) => {
    const signature = String(req.headers['x-transcodely-signature'] ?? '');
    const timestamp = String(req.headers['x-transcodely-timestamp'] ?? '');
    if (!/^\d+$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) {
      res.status(401).send('stale');
      return;
    }
    const body = bodyOf(req, handling);
    const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex')}`;
    const ok = expected.length === signature.length && timingSafeEqual(Buffer.from(expected), Buffer.from(signature));
    if (!ok) {
      res.status(401).send('invalid signature');
      return;
    }
    res.json({ received: true });
  };
}

/** An Express app with one webhook route per provider at its default path; every other path is Express's 404. */
export async function startExpressReceiver(handling: BodyHandling, secrets = { stripe: STRIPE_SECRET, transcodely: TRANSCODELY_SECRET }): Promise<Receiver> {
  const app = express();
  const parse = handling === 'raw' ? express.raw({ type: 'application/json' }) : express.json();
  app.post('/webhooks/stripe', parse, stripeRoute(handling, secrets.stripe));
  app.post('/webhooks/transcodely', parse, transcodelyRoute(handling, secrets.transcodely));
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
