import { createHmac } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver } from '@slack/bolt';
import { InteractionResponseType, verifyKeyMiddleware } from 'discord-interactions';
import express from 'express';
import { request } from 'undici';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DISCORD_DEV_KEYS } from '../../src/core/providers/builtin/discord.js';
import { captureServer } from '../hardening/server.js';
import { startListen } from '../listen/support.js';
import { type Answer, documentedAnswer } from '../send/receivers-handshake.js';
import { type Received, startServer, type TestServer } from '../support/server.js';
import { runInProcess } from '../support/inproc.js';

const SLACK_SECRET = 'slack-handshake-secret';
const stops: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

/** A Bolt app: Slack's own library answers url_verification. */
async function boltApp(): Promise<string> {
  const receiver = new HTTPReceiver({ signingSecret: SLACK_SECRET, endpoints: '/slack/events' });
  const app = new App({ receiver, token: 'xoxb-hookctl-test', botId: 'B06KXJ3M7RT', botUserId: 'U06KXJ3L5QW', tokenVerificationEnabled: false });
  const server = (await app.start(0)) as import('node:http').Server;
  stops.push(() => app.stop());
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** discord-interactions' own middleware: answers PING with PONG after checking the signature. */
async function discordApp(): Promise<string> {
  const app = express();
  app.post('/interactions', verifyKeyMiddleware(DISCORD_DEV_KEYS.publicKey), (_req, res) => void res.send({ type: InteractionResponseType.CHANNEL_MESSAGE_WITH_SOURCE, data: { content: 'hi' } }));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  stops.push(() => new Promise((r) => server.close(r)));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function server(handle: Parameters<typeof startServer>[0]): Promise<TestServer> {
  const s = await startServer(handle);
  stops.push(() => s.close());
  return s;
}

describe('handshakes: sent as the provider sends them, judged as the provider judges the answer', () => {
  it("send: a Bolt app answers Slack's url_verification; a receiver that acknowledges it like an event fails, and says why", async () => {
    const bolt = await boltApp();
    const ok = await runInProcess(['send', 'slack/url_verification', '--to', `${bolt}/slack/events`, '--secret', SLACK_SECRET]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/✔ Slack url_verification: answered correctly in \d+ ms \(Slack waits 3 s\)/);

    const acks = await server((_r, res) => void res.setHeader('content-type', 'application/json').end('{"ok":true}'));
    const bad = await runInProcess(['send', 'slack/url_verification', '--to', `${acks.url}/slack/events`, '--secret', SLACK_SECRET]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('✘ Slack url_verification: answered "{\\"ok\\":true}", not the challenge');
    expect(bad.stderr).toContain('slack/url_verification: the receiver failed the handshake');
  });

  it("send: the right answer after Zoom's 3 s fails as late, timed by the injected clock", async () => {
    const clock = lateClock();
    const late = await documented('zoom', 'zoom-secret', (_req, right) => {
      clock.skip(4200);
      return right;
    });
    const r = await runInProcess(['send', 'zoom/endpoint.url_validation', '--to', late.url, '--secret', 'zoom-secret'], { monotonic: clock.now });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✘ Zoom endpoint.url_validation: answered in 4\.2 s, Zoom waits 3 s/);
  });

  it('test: the handshakes run first; discord-interactions passes PING, a 200 to the Webhook Events PING fails', async () => {
    const app = await discordApp();
    const r = await runInProcess(['test', '--to', `${app}/interactions`, '--provider', 'discord', '--only', 'handshakes', '--json']);
    const rows = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .filter((x) => x.type === 'scenario');
    expect(rows.map((x) => [x.id, x.status])).toEqual([
      ['handshake:ping', 'pass'],
      ['handshake:event_ping', 'fail'],
    ]);
    expect(rows[1].message).toContain('answered 200, Discord needs 204');
    expect(r.code).toBe(1);
  });

  it('listen answers the handshake itself, and judges the app behind --forward-to', async () => {
    const direct = await startListen([]);
    stops.push(() => direct.stop());
    const sent = await runInProcess(['send', 'slack/url_verification', '--to', direct.url]);
    expect(sent.code, sent.stderr).toBe(0);
    const [line] = await direct.deliveries(1);
    expect(line?.handshake).toEqual({ name: 'url_verification', answered: true });

    const wrong = await server((_r, res) => void res.end('ok'));
    const relay = await startListen(['--forward-to', wrong.url]);
    stops.push(() => relay.stop());
    await runInProcess(['send', 'slack/url_verification', '--to', relay.url]);
    const [judged] = await relay.deliveries(1);
    expect(judged?.handshake).toMatchObject({ name: 'url_verification', answered: false, verdict: { ok: false, mistake: 'wrong-value' } });
  });

  it('listen --forward-to judges an app that answers after the deadline as late', async () => {
    const clock = lateClock();
    const app = await documented('zoom', 's3cret', (_req, right) => {
      clock.skip(3500);
      return right;
    });
    const relay = await captureServer({ forwardTo: new URL(app.url), monotonic: clock.now });
    stops.push(() => relay.close());
    // send times the answer by its own clock (on time); listen's clock saw the app take 3.5 s.
    await runInProcess(['send', 'zoom/endpoint.url_validation', '--to', relay.url, '--secret', 's3cret']);
    await vi.waitFor(() => expect(relay.delivered[0]?.handshake).toMatchObject({ answered: false, verdict: { ok: false, mistake: 'late', message: 'answered in 3.5 s, Zoom waits 3 s' } }));
  });
});

/** A receiver answering every check as its provider documents (test/send/receivers-handshake.ts), with one mistake when asked. */
async function documented(provider: string, secret: string, mistake?: (req: Received, right: Answer) => Answer) {
  return server((req, res) => {
    const right = documentedAnswer(provider, secret, req) ?? { status: 200, body: '{}' };
    const a = mistake ? mistake(req, right) : right;
    res.writeHead(a.status, a.headers);
    res.end(a.body);
  });
}

async function handshakeRows(provider: string, url: string, secret: string, monotonic?: () => number) {
  // Discord signs with Ed25519: the suite signs with its development key pair.
  const keys = provider === 'discord' ? [] : ['--secret', secret];
  const r = await runInProcess(['test', '--to', url, '--provider', provider, ...keys, '--only', 'handshakes', '--json'], { monotonic });
  return r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l))
    .filter((x) => x.type === 'scenario') as { id: string; status: string; message?: string }[];
}

describe("listen as Meta's endpoint", () => {
  it('answers the unsigned hub.challenge GET for its own verify token only, with --provider meta too', async () => {
    for (const args of [[], ['--provider', 'meta']]) {
      const l = await startListen(args);
      stops.push(() => l.stop());
      const ok = await runInProcess(['send', 'meta/subscribe', '--to', l.url]);
      expect(ok.code, ok.stderr).toBe(0);
      const wrong = await request(`${l.url}/webhooks/meta?hub.mode=subscribe&hub.challenge=42&hub.verify_token=nope`);
      expect(wrong.statusCode).toBe(403);
      await wrong.body.dump();
      const lines = await l.deliveries(2);
      expect(lines.map((x) => [x.event, x.response.status, x.handshake?.refused !== undefined])).toEqual([
        ['subscribe', 200, false],
        ['subscribe', 403, true],
      ]);
      // The verify token is the secret: never printed.
      expect(lines[0]?.path).toContain('hub.verify_token=***');
    }
  });

  it('a separate verify token (verifyTokens.meta, HOOKCTL_VERIFY_TOKEN_META) is sent, answered and tested instead of the secret', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'hookctl-verify-token-'));
    writeFileSync(join(cwd, '.hookctlrc.json'), JSON.stringify({ verifyTokens: { meta: 'my-verify-token' } }));
    const dry = await runInProcess(['send', 'meta/subscribe', '--to', 'localhost:3000', '--curl'], { cwd });
    expect(dry.stdout).toContain('hub.verify_token=my-verify-token');
    const l = await startListen([], { cwd: mkdtempSync(join(tmpdir(), 'hookctl-verify-token-')), env: { HOOKCTL_VERIFY_TOKEN_META: 'my-verify-token' } });
    stops.push(() => l.stop());
    expect((await runInProcess(['send', 'meta/subscribe', '--to', l.url], { cwd })).code).toBe(0);
    // The secret is no longer the token: a check carrying it is refused.
    const secret = await runInProcess(['send', 'meta/subscribe', '--to', l.url]);
    expect(secret.code).toBe(1);
    const lines = await l.deliveries(2);
    expect(lines.map((x) => x.response.status)).toEqual([200, 403]);
    // A receiver that holds the verify token passes the suite run with the same config.
    const s = await documented('meta', 'my-verify-token');
    const r = await runInProcess(['test', '--to', s.url, '--provider', 'meta', '--only', 'handshakes', '--json'], { cwd });
    expect(r.code, r.stdout).toBe(0);
  });

  it('--reject-invalid lets only the checks the provider sends unsigned through without a signature', async () => {
    const l = await startListen(['--reject-invalid']);
    stops.push(() => l.stop());
    const meta = await runInProcess(['send', 'meta/subscribe', '--to', l.url]);
    expect(meta.code, meta.stderr).toBe(0);
    // Zoom signs its url_validation: one with the signature stripped is refused like any delivery.
    const zoom = await runInProcess(['send', 'zoom/endpoint.url_validation', '--to', l.url, '--signature', 'missing']);
    expect(zoom.stdout).toMatch(/401/);
    const lines = await l.deliveries(2);
    expect(lines.map((x) => [x.event, x.response.status])).toEqual([
      ['subscribe', 200],
      ['endpoint.url_validation', 401],
    ]);
  });
});

describe("each provider's check: a receiver written from its documentation passes, each common mistake fails by name", () => {
  const secret = 'handshake-test-secret';
  for (const provider of ['zoom', 'meta', 'twitch', 'asana', 'dropbox', 'notion', 'okta', 'msgraph']) {
    it(`${provider}: passes when answered as documented`, async () => {
      const s = await documented(provider, secret);
      const rows = await handshakeRows(provider, s.url, secret);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.filter((r) => r.status !== 'pass')).toEqual([]);
    });
  }

  const mistakes: [string, string, (req: Received, right: Answer) => Answer, RegExp][] = [
    [
      'zoom',
      'the HMAC of the whole body',
      (req, right) => ({ ...right, body: JSON.stringify({ ...JSON.parse(right.body!), encryptedToken: createHmac('sha256', secret).update(req.body).digest('hex') }) }),
      /encryptedToken is the HMAC of the whole body, not of payload.plainToken/,
    ],
    [
      'twitch',
      'the JSON object echoed',
      (req) => ({ status: 200, headers: { 'content-type': 'application/json' }, body: req.body.toString() }),
      /echoed the JSON object, Twitch EventSub expects the raw challenge as text\/plain/,
    ],
    [
      'meta',
      'any verify token accepted',
      (req) => ({ status: 200, body: new URL(req.url, 'http://x').searchParams.get('hub.challenge') ?? '' }),
      /answered 200 to a wrong hub.verify_token, .* expects 403/,
    ],
    ['asana', 'the X-Hook-Secret header forgotten', () => ({ status: 200 }), /no X-Hook-Secret header in the answer/],
    ['dropbox', 'text/html', (_req, right) => ({ ...right, headers: { 'content-type': 'text/html' } }), /came back as text\/html, Dropbox expects text\/plain/],
    [
      'okta',
      'the challenge as text',
      (_req, right) => ({ status: 200, body: JSON.parse(right.body!).verification }),
      /answered the value as text, Okta Event Hooks expects JSON \{"verification":"…"\}/,
    ],
    [
      'msgraph',
      'the token still URL-encoded',
      (req, right) => ({ ...right, body: /validationToken=([^&]*)/.exec(req.url)?.[1] ?? '' }),
      /answered "Validation%3A\+Testing.*", not the challenge "Validation: Testing/,
    ],
  ];
  for (const [provider, what, mistake, message] of mistakes) {
    it(`${provider}: ${what} fails, saying so`, async () => {
      const s = await documented(provider, secret, mistake);
      const [row] = (await handshakeRows(provider, s.url, secret)).filter((r) => r.status === 'fail');
      expect(row?.message).toMatch(message);
    });
  }

  // Late without waiting: the receiver moves the run's clock past the deadline before it answers.
  const DEADLINE_S: Record<string, number> = { slack: 3, discord: 3, zoom: 3, meta: 10, twitch: 10, asana: 10, dropbox: 10, notion: 10, okta: 3, msgraph: 10 };
  for (const provider of Object.keys(DEADLINE_S)) {
    it(`${provider}: a right answer after the deadline fails as late`, async () => {
      const clock = lateClock();
      const s = await documented(provider, secret, (_req, right) => {
        clock.skip(((DEADLINE_S[provider] as number) + 1.2) * 1000);
        return right;
      });
      const [row] = (await handshakeRows(provider, s.url, secret, clock.now)).filter((r) => r.status === 'fail');
      expect(row?.message).toMatch(new RegExp(`answered in ${(DEADLINE_S[provider] as number) + 1}\\.[0-9] s, .* waits ${DEADLINE_S[provider]} s`));
    });
  }
});

/** A monotonic clock a receiver can move on, so an answer is late by the clock the run reads, not by a sleep. */
function lateClock() {
  let skew = 0;
  return {
    now: () => performance.now() + skew,
    skip(ms: number) {
      skew += ms;
    },
  };
}
