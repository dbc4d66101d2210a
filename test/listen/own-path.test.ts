import { describe, expect, it } from 'vitest';
import { createDeliveryBuilder } from '../../src/core/delivery/build.js';
import { BUILTIN_PROVIDERS, getProvider } from '../../src/core/providers/registry.js';
import { seededRandom } from '../../src/core/random.js';
import { checkArrival } from '../../src/core/server/arrival.js';

const NOW = Date.parse('2026-12-07T12:00:00.000Z');
const headersOf = (pairs: readonly (readonly [string, string])[]) => Object.fromEntries(pairs.map(([n, v]) => [n.toLowerCase(), v]));

describe('listen names a provider by the path it was sent to when several sign alike', () => {
  const svix = getProvider('svix');
  const d = createDeliveryBuilder({ profile: svix, event: 'user.created', secrets: [svix.devSecret] }).build({ now: NOW, random: seededRandom(3) });
  const arrive = (path: string) => checkArrival({ providers: BUILTIN_PROVIDERS, secretsFor: (p) => [p.devSecret] }, headersOf(d.headers), d.body, NOW, path);

  it("Svix's headers name Svix, unless the path is another alike provider's own", () => {
    expect(arrive('/hooks').provider?.id).toBe('svix');
    // Standard Webhooks reads svix-* headers too (its aliases) and signs the same content.
    expect(arrive('/api/webhooks/standard-webhooks')).toMatchObject({ provider: { id: 'standard-webhooks' }, verification: { ok: true } });
  });

  it('a path naming a provider that signs otherwise changes nothing', () => {
    expect(arrive('/webhooks/stripe').provider?.id).toBe('svix');
  });

  it('a token provider (Okta) is named by its own path, since its Authorization header names nobody', () => {
    const okta = getProvider('okta');
    const o = createDeliveryBuilder({ profile: okta, event: 'user.lifecycle.create', secrets: [okta.devSecret] }).build({ now: NOW, random: seededRandom(3) });
    const at = (path: string) => checkArrival({ providers: BUILTIN_PROVIDERS, secretsFor: (p) => [p.devSecret] }, headersOf(o.headers), o.body, NOW, path);
    expect(at('/webhooks/okta')).toMatchObject({ provider: { id: 'okta' }, verification: { ok: true }, event: 'user.lifecycle.create' });
    expect(at('/somewhere').provider).toBeUndefined();
  });
});
