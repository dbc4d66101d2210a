import { Webhook as SvixWebhook } from 'svix';
import type { ReceiverFamily } from './receiver-kit.js';
import { judged } from './receivers-svix.js';

export const MORE_RECEIVERS: ReceiverFamily = {
  // Brex delivers through Svix (developer.brex.com/docs/webhooks): its own receivers use the svix
  // library, which reads the Webhook-* headers Brex names as well as svix-*.
  brex: (secret) => judged('webhook', (req) => new SvixWebhook(secret).verify(req.body.toString('utf8'), req.headers as Record<string, string>)),
};

export const MORE_SECRETS: Record<string, string> = {
  // The svix library base64-decodes the part after whsec_.
  brex: `whsec_${Buffer.from('hookctl test secret for brex').toString('base64')}`,
};
