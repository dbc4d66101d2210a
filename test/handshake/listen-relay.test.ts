import { afterEach, describe, expect, it, vi } from 'vitest';
import { listEvents } from '../../src/core/catalogue/list-events.js';
import { DISCORD_DEV_KEYS } from '../../src/core/providers/builtin/discord.js';
import { BUILTIN_PROVIDERS } from '../../src/core/providers/registry.js';
import type { ProviderProfile } from '../../src/core/providers/types.js';
import { captureServer } from '../hardening/server.js';
import { documentedAnswer } from '../send/receivers-handshake.js';
import { runInProcess } from '../support/inproc.js';
import { startServer } from '../support/server.js';

const SECRET = 'handshake-relay-secret';
const stops: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

/** Discord signs with Ed25519: listen verifies with the dev public key, send signs with the dev private key. */
const keys = (p: ProviderProfile) => (p.id === 'discord' ? { verify: DISCORD_DEV_KEYS.publicKey, sign: [] } : { verify: SECRET, sign: ['--secret', SECRET] });

const cases = BUILTIN_PROVIDERS.flatMap((p) => listEvents(p).flatMap((e) => (e.handshake ? [[p, e.name] as const] : [])));

async function relay(p: ProviderProfile, forwardTo?: string) {
  const s = await captureServer({ inspect: { providers: BUILTIN_PROVIDERS, secretsFor: () => [keys(p).verify] }, ...(forwardTo ? { forwardTo: new URL(forwardTo) } : {}) });
  stops.push(() => s.close());
  return s;
}

describe('every handshake: listen answers it as the provider expects, and judges the app behind --forward-to', () => {
  it('covers each provider with a check', () => {
    expect(new Set(cases.map(([p]) => p.id))).toEqual(new Set(['slack', 'discord', 'zoom', 'meta', 'twitch', 'asana', 'dropbox', 'notion', 'okta', 'msgraph']));
  });

  for (const [p, event] of cases) {
    it(`${p.id}/${event}`, async () => {
      // listen as the endpoint: send judges listen's own answer the way the provider would.
      const direct = await relay(p);
      const answered = await runInProcess(['send', `${p.id}/${event}`, '--to', direct.url, ...keys(p).sign]);
      expect(answered.code, answered.stdout + answered.stderr).toBe(0);
      await vi.waitFor(() => expect(direct.delivered[0]?.handshake).toMatchObject({ answered: true }));
      expect(direct.delivered[0]?.handshake).not.toHaveProperty('refused');

      // Behind --forward-to: an app answering as documented passes, one answering 500 fails by name.
      const app = await startServer((req, res) => {
        const a = documentedAnswer(p.id, keys(p).verify, req) ?? { status: 200, body: '{}' };
        res.writeHead(a.status, a.headers);
        res.end(a.body);
      });
      stops.push(() => app.close());
      const good = await relay(p, app.url);
      await runInProcess(['send', `${p.id}/${event}`, '--to', good.url, ...keys(p).sign]);
      await vi.waitFor(() => expect(good.delivered[0]?.handshake).toMatchObject({ answered: false, verdict: { ok: true } }));

      const broken = await startServer((_req, res) => void res.writeHead(500).end());
      stops.push(() => broken.close());
      const bad = await relay(p, broken.url);
      await runInProcess(['send', `${p.id}/${event}`, '--to', bad.url, ...keys(p).sign]);
      await vi.waitFor(() => expect(bad.delivered[0]?.handshake).toMatchObject({ answered: false, verdict: { ok: false, mistake: 'status' } }));
    });
  }

  it('listen refuses a signed check whose signature fails (Discord sends such PINGs while registering a URL)', async () => {
    for (const event of ['slack/url_verification', 'discord/ping', 'zoom/endpoint.url_validation', 'okta/verification']) {
      const p = BUILTIN_PROVIDERS.find((x) => x.id === event.split('/')[0]) as ProviderProfile;
      const s = await relay(p);
      const r = await runInProcess(['send', event, '--to', s.url, '--signature', 'wrong-secret', ...keys(p).sign]);
      expect(r.stdout, event).toMatch(/401/);
      await vi.waitFor(() => expect(s.delivered[0]?.handshake, event).toMatchObject({ answered: true, refused: expect.stringMatching(/signature does not verify/) }));
    }
  });
});
