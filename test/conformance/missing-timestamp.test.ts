import { createHmac } from 'node:crypto';
import { BATCH_PROVIDERS } from '../../src/core/providers/builtin/batches.js';
import { describe, expect, it } from 'vitest';
import { listEvents } from '../../src/core/catalogue/list-events.js';
import { type JudgeContext, judgeAll } from '../../src/core/conformance/judge.js';
import { NEGATIVE_SCENARIOS } from '../../src/core/conformance/scenarios.js';
import type { Exchange, Probe, ScenarioTools } from '../../src/core/conformance/types.js';
import { createDeliveryBuilder } from '../../src/core/delivery/build.js';
import type { Delivery } from '../../src/core/delivery/types.js';
import { BUILTIN_PROVIDERS, getProvider } from '../../src/core/providers/registry.js';
import type { ProviderProfile } from '../../src/core/providers/types.js';
import { seededRandom } from '../../src/core/random.js';
import { verify } from '../../src/provider-api.js';

const NOW = 1_760_000_000_000;
const scenario = NEGATIVE_SCENARIOS.find((s) => s.id === 'missing-timestamp')!;

function probes(profile: ProviderProfile): Probe[] {
  const secrets = [profile.devSecret];
  const random = seededRandom(7);
  const first = listEvents(profile)[0]!;
  const tools: ScenarioTools = {
    profile,
    events: listEvents(profile),
    event: first,
    secrets,
    builder: (mode = 'valid', event = first, overrides) => createDeliveryBuilder({ profile, event, secrets, mode, overrides }),
    world: () => ({ now: NOW, random }),
  };
  return scenario.probes(tools);
}

const header = (d: Delivery, name: string) => d.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
const headerObject = (d: Delivery) => Object.fromEntries(d.headers.map(([n, v]) => [n.toLowerCase(), v]));

/** An independent HMAC of the content a naive receiver builds, in the provider's header format. */
function naiveSignature(profile: ProviderProfile, content: string): string {
  const key = profile.scheme.secret.encoding === 'base64' ? Buffer.from(profile.devSecret.replace(/^whsec_/, ''), 'base64') : Buffer.from(profile.devSecret, 'utf8');
  const spec = profile.scheme.signatures[0]!;
  const digest = createHmac(spec.algorithm, key).update(content).digest(spec.encoding);
  return spec.format.style === 'kv' ? `${spec.format.signatureKey}=${digest}` : `${spec.format.prefix}${digest}`;
}

describe('missing-timestamp signs as a receiver that never got the timestamp would', () => {
  // What a naive receiver HMACs when the timestamp is missing, per scheme: `${undefined}`, '', None, null.
  const CONTENT: Record<string, (stand: string, id: string | undefined) => string> = {
    transcodely: (s) => `${s}.`,
    'standard-webhooks': (s, id) => `${id}.${s}.`,
    svix: (s, id) => `${id}.${s}.`,
    slack: (s) => `v0:${s}:`,
    stripe: (s) => `${s}.`,
    paddle: (s) => `${s}:`,
    zoom: (s) => `v0:${s}:`,
    twitch: (s, id) => `${id}${s}`,
    // The providers added by family: what their documented receivers concatenate, read off the signed content.
    ...Object.fromEntries(
      // HubSpot signs the method and URL around the body: test/providers/batch-conformance.test.ts runs its probes.
      BATCH_PROVIDERS.filter(
        (p) => !p.scheme.content.includes('{url}') && p.scheme.timestamp && p.scheme.timestamp.source !== 'body' && p.scheme.timestamp.source !== 'jwt' && p.devSecret !== p.devKeyPair?.privateKey,
      ).map((p) => [p.id, (s: string, id: string | undefined) => p.scheme.content.replace('{timestamp}', s).replace('{id}', String(id)).replace('{body}', '')]),
    ),
  };

  it.each(Object.keys(CONTENT))('%s: the plain probe, then undefined, empty, None and null', (id) => {
    const profile = getProvider(id);
    const ts = profile.scheme.timestamp!;
    const spec = profile.scheme.signatures[0]!;
    const all = probes(profile);
    expect(all.map((p) => p.label)).toEqual(['no timestamp', 'no timestamp (undefined)', 'no timestamp (empty)', 'no timestamp (None)', 'no timestamp (null)']);
    for (const [n, stand] of [
      [1, 'undefined'],
      [2, ''],
      [3, 'None'],
      [4, 'null'],
    ] as const) {
      const p = all[n]!;
      const d = p.delivery;
      expect(p.demand).toBe('reject');
      if (ts.source === 'header') expect(header(d, ts.header!)).toBeUndefined();
      const sig = header(d, spec.header)!;
      if (spec.format.style === 'kv') {
        const { separator, timestampKey } = spec.format;
        expect(sig.split(separator).some((x) => x.startsWith(`${timestampKey}=`))).toBe(false);
      }
      const content = CONTENT[id]!(stand, d.messageId) + d.body.toString('utf8');
      expect(sig).toBe(naiveSignature(profile, content));
      expect(d.signature).toBe(sig);
      // The other headers (id, event, delivery id) are the valid delivery's.
      if (profile.scheme.id) expect(header(d, profile.scheme.id.header)).toBe(d.messageId);
      // A correct verifier (hookctl's own) rejects it for the missing timestamp.
      const v = verify({ provider: profile, secrets: profile.devSecret, headers: headerObject(d), body: d.body, now: NOW });
      expect(v).toMatchObject({ ok: false, reason: 'missing-timestamp' });
      const shown = profile.scheme.content.replaceAll('{timestamp}', stand);
      expect(p.ifAccepted).toContain(`accepted a delivery with no timestamp, signed over \`${shown}\`: the receiver skips the freshness check when `);
      expect(p.ifAccepted).toMatch(/; reject a missing timestamp$/);
    }
  });

  it('names where the timestamp was missing: the header, or the t=/ts= entry', () => {
    expect(probes(getProvider('transcodely'))[1]!.ifAccepted).toBe(
      'accepted a delivery with no timestamp, signed over `undefined.{body}`: the receiver skips the freshness check when the X-Transcodely-Timestamp header is missing; reject a missing timestamp',
    );
    expect(probes(getProvider('stripe'))[1]!.ifAccepted).toBe(
      'accepted a delivery with no timestamp, signed over `undefined.{body}`: the receiver skips the freshness check when Stripe-Signature has no t= entry; reject a missing timestamp',
    );
    expect(probes(getProvider('paddle'))[2]!.ifAccepted).toBe(
      'accepted a delivery with no timestamp, signed over `:{body}`: the receiver skips the freshness check when Paddle-Signature has no ts= entry; reject a missing timestamp',
    );
  });

  it('covers every built-in provider whose timestamp travels outside the body', () => {
    // Key-pair schemes (Discord, SendGrid) cannot be re-signed with a naive HMAC here: test/conformance/asymmetric.test.ts runs them against their libraries.
    const asymmetric = (p: (typeof BUILTIN_PROVIDERS)[number]) => p.devSecret === p.devKeyPair?.privateKey;
    const urlSigned = (p: (typeof BUILTIN_PROVIDERS)[number]) => p.scheme.content.includes('{url}');
    const covered = BUILTIN_PROVIDERS.filter((p) => !urlSigned(p) && p.scheme.timestamp && p.scheme.timestamp.source !== 'body' && p.scheme.timestamp.source !== 'jwt' && !asymmetric(p)).map(
      (p) => p.id,
    );
    expect(covered.sort()).toEqual(Object.keys(CONTENT).sort());
    for (const p of BUILTIN_PROVIDERS.filter((x) => !covered.includes(x.id) && !asymmetric(x) && !urlSigned(x))) expect(scenario.skip?.(p)).toBeTruthy();
  });
});

describe('judging the missing-timestamp probes', () => {
  const CTX: JudgeContext = { method: 'POST', url: new URL('http://127.0.0.1:3000/webhooks/transcodely'), route: { provider: 'transcodely', path: '/webhooks/transcodely' }, timeoutMs: 1000 };
  const x = (label: string, status: number, ifAccepted?: string): Exchange => ({ label, demand: 'reject', status, ms: 1, ifAccepted });
  const advice =
    'accepted a delivery with no timestamp, signed over `undefined.{body}`: the receiver skips the freshness check when the X-Transcodely-Timestamp header is missing; reject a missing timestamp';

  it('a 2xx to a naive probe alone names the bug and the fix, with the expected statuses', () => {
    expect(judgeAll([x('no timestamp', 401), x('no timestamp (undefined)', 200, advice), x('no timestamp (empty)', 401, 'other')], undefined, CTX)).toBe(
      `no timestamp (undefined): ${advice} with 4xx`,
    );
    expect(judgeAll([x('no timestamp', 403), x('no timestamp (undefined)', 200, advice)], [403], CTX)).toBe(`no timestamp (undefined): ${advice} with 403`);
  });

  it('a receiver that accepts the plain probe too gets the plain message once, not a diagnosis per probe', () => {
    expect(judgeAll([x('no timestamp', 200), x('no timestamp (undefined)', 200, advice), x('no timestamp (empty)', 200, 'other')], undefined, CTX)).toBe(
      'no timestamp, no timestamp (undefined), no timestamp (empty): accepted it (answered 200); a receiver must reject this with 4xx',
    );
  });

  it('a 5xx to a naive probe is still reported as a crash', () => {
    expect(judgeAll([x('no timestamp', 401), x('no timestamp (undefined)', 500, advice)], undefined, CTX)).toMatch(
      /^no timestamp \(undefined\): answered 500: the receiver failed instead of rejecting/,
    );
  });
});
