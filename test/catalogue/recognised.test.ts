import { describe, expect, it } from 'vitest';
import { BATCH_PROVIDERS } from '../../src/core/providers/builtin/batches.js';
import { BUILTIN_PROVIDERS, getProvider } from '../../src/core/providers/registry.js';
import { checkArrival } from '../../src/core/server/arrival.js';
import { everyDelivery } from './deliveries.js';

const secret = 'recognised-test-secret';

/** The providers whose catalogues were completed from their published sources, and those that start with a handshake. */
const COMPLETED = ['slack', 'shopify', 'paddle', 'linear', 'discord', 'sendgrid', 'twilio', 'zoom', 'meta', 'twitch', 'asana', 'dropbox', 'notion', ...BATCH_PROVIDERS.map((p) => p.id)];

describe('listen names every catalogue event as itself', () => {
  for (const id of COMPLETED) {
    it(`${id}: each delivery is detected, verified and named by its header or its declared match`, () => {
      const profile = getProvider(id);
      // A key pair signs with its private half; a secret in a provider's own form (whsec_ + base64, user:password) is its dev secret.
      const ownForm = profile.devKeyPair || profile.scheme.secret.encoding !== 'utf8' || profile.scheme.signatures.some((s) => s.algorithm === 'basic' || s.jwt?.keyIdClaim);
      const key = ownForm ? profile.devSecret : secret;
      const verifyWith = profile.devKeyPair ? profile.devKeyPair.publicKey : key;
      const url = new URL(`http://127.0.0.1:3000${profile.request.path}`);
      const wrong: string[] = [];
      for (const { name, delivery } of everyDelivery(id, key, Date.now(), url)) {
        const headers = Object.fromEntries(delivery.headers.map(([n, v]) => [n.toLowerCase(), v]));
        // Twilio signs the URL: the delivery's own, with the bodySHA256 a JSON body adds.
        const at = delivery.url ?? url;
        const r = checkArrival({ providers: BUILTIN_PROVIDERS, secretsFor: () => [verifyWith] }, { ...headers, host: at.host }, delivery.body, Date.now(), at.pathname + at.search);
        // An unsigned endpoint check (Meta's hub.challenge GET) is named by its own parts; it carries no signature to verify.
        const unsigned = profile.events.find((e) => e.name === name)?.request?.unsigned === true;
        const verified = unsigned ? r.verification.reason === 'missing-signature' : r.verification.ok;
        if (r.provider?.id !== id || !verified || r.event !== name) wrong.push(`${name}: ${r.provider?.id} ${JSON.stringify(r.verification)} as ${r.event}`);
      }
      expect(wrong).toEqual([]);
    });
  }
});
