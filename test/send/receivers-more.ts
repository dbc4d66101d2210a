import { Webhook as SvixWebhook } from 'svix';
import { fail, header, type ReceiverFamily } from './receiver-kit.js';

export const MORE_RECEIVERS: ReceiverFamily = {
  // Brex delivers through Svix (developer.brex.com/docs/webhooks): its own receivers use the svix
  // library, which reads the Webhook-* headers Brex names as well as svix-*.
  brex: (secret) => (req) => {
    const sig = header(req, 'webhook-signature');
    if (!sig) return fail('missing');
    if (!/^(v1,[A-Za-z0-9+/]{43}=)( v1,[A-Za-z0-9+/]{43}=)*$/.test(sig)) return fail('malformed', sig);
    try {
      new SvixWebhook(secret).verify(req.body.toString('utf8'), req.headers as Record<string, string>);
      return { ok: true };
    } catch (err) {
      const m = (err as Error).message;
      if (/too old/i.test(m)) return fail('stale', m);
      if (/too new/i.test(m)) return fail('future', m);
      return fail('mismatch', m);
    }
  },
};

export const MORE_SECRETS: Record<string, string> = {
  // The svix library base64-decodes the part after whsec_.
  brex: `whsec_${Buffer.from('hookctl test secret for brex').toString('base64')}`,
};
