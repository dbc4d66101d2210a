/**
 * Keys round-trip between `hookctl keys generate`, the config and receivers built on the providers'
 * own libraries; listen and verify check with the public key and explain a private key given instead;
 * a Twilio capture replayed to another host is diagnosed as a URL mismatch naming where it was signed for.
 */
import { createPublicKey, generateKeyPairSync, sign as edSign, verify as edVerify } from 'node:crypto';
import ecdsa from 'starkbank-ecdsa';
import { prime256v1 } from 'starkbank-ecdsa/ellipticcurve/curve.js';
import twilio from 'twilio';
import { rmSync, writeFileSync } from 'node:fs';
import { EventWebhook } from '@sendgrid/eventwebhook';
import { verifyKey } from 'discord-interactions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../captures/helpers.js';
import { post, startListen, type Listener } from '../listen/support.js';
import { runCli } from '../support/cli.js';
import { startServer, type Received } from '../support/server.js';

type Pair = { privateKey: string; publicKey: string; config: { secrets: Record<string, Pair> } };
const header = (req: Received, name: string) => req.headers[name.toLowerCase()] as string;

/** A receiver that answers 200 when `check` accepts the request, 401 otherwise. */
async function receiver(check: (req: Received) => boolean | Promise<boolean>) {
  return startServer(async (req, res) => {
    const ok = await check(req);
    // Discord checks an endpoint with PINGs before anything else: PONG to an interaction PING, 204 to a Webhook Events one.
    let body: Record<string, unknown> | undefined;
    try {
      body = ok ? JSON.parse(req.body.toString()) : undefined;
    } catch {}
    if (body?.type === 0 && body.version === 1) res.statusCode = 204;
    else if (body?.type === 1 && body.token && !body.data && !body.event) res.setHeader('content-type', 'application/json').end('{"type":1}');
    else res.statusCode = ok ? 200 : 401;
    if (!res.writableEnded) res.end();
  });
}

let cwd: string;
beforeAll(() => {
  cwd = tempDir();
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

async function generate(provider: string): Promise<Pair> {
  const r = await runCli(['keys', 'generate', '--provider', provider, '--json'], { cwd });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Pair;
}

describe("keys generate -> config -> a receiver on the provider's library", () => {
  const receivers: Record<string, (pair: Pair) => (req: Received) => boolean | Promise<boolean>> = {
    discord: (pair) => (req) => verifyKey(req.body, header(req, 'x-signature-ed25519'), header(req, 'x-signature-timestamp'), pair.publicKey),
    sendgrid: (pair) => (req) => {
      const ew = new EventWebhook();
      return ew.verifySignature(ew.convertPublicKeyToECDSA(pair.publicKey), req.body, header(req, 'x-twilio-email-event-webhook-signature'), header(req, 'x-twilio-email-event-webhook-timestamp'));
    },
    'standard-webhooks': (pair) => (req) => {
      const key = createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(pair.publicKey.slice(5), 'base64')]), format: 'der', type: 'spki' });
      const content = Buffer.concat([Buffer.from(`${header(req, 'webhook-id')}.${header(req, 'webhook-timestamp')}.`), req.body]);
      return /^v1a,/.test(header(req, 'webhook-signature')) && edVerify(null, content, key, Buffer.from(header(req, 'webhook-signature').slice(4), 'base64'));
    },
  };

  it.each(Object.keys(receivers))('%s: the generated pair signs in send, verifies in listen and verify, and the library accepts it', async (provider) => {
    const pair = await generate(provider);
    expect(pair.config).toEqual({ secrets: { [provider]: { privateKey: pair.privateKey, publicKey: pair.publicKey } } });
    const dir = tempDir();
    writeFileSync(`${dir}/.hookctlrc.json`, JSON.stringify({ ...pair.config, store: 'captures' }));
    const server = await receiver(receivers[provider]!(pair));
    let listen: Listener | undefined;
    try {
      const sent = await runCli(['send', '--all', '--provider', provider, '--to', server.url, '--expect', '2xx'], { cwd: dir });
      expect(sent.code, sent.stderr).toBe(0);
      expect(sent.stderr).toBe('');
      listen = await startListen(['--reject-invalid'], { cwd: dir });
      const toListen = await runCli(['send', '--all', '--provider', provider, '--to', listen.url, '--expect', '2xx'], { cwd: dir });
      expect(toListen.code, toListen.stderr).toBe(0);
      const verified = await runCli(['verify', 'last', '--json'], { cwd: dir });
      expect(verified.code, verified.stdout).toBe(0);
      expect(JSON.parse(verified.stdout)).toMatchObject({ provider, ok: true, secretSource: 'config' });
    } finally {
      await listen?.stop();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a provider that signs with a shared secret has no key pair to generate (exit 2, naming those that do)', async () => {
    const r = await runCli(['keys', 'generate', '--provider', 'stripe'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/stripe signs with a shared secret.*\n.*discord, sendgrid/);
  });
});

describe('verify with the private key where the public key belongs', () => {
  it('fails like the receiver would, and the diagnosis names the public key that verifies', async () => {
    const pair = await generate('discord');
    const dir = tempDir();
    try {
      const listen = await startListen(['--store', 'captures', '--secret', pair.publicKey], { cwd: dir });
      const sent = await runCli(['send', 'discord/ping', '--to', listen.url, '--secret', pair.privateKey], { cwd: dir });
      expect(sent.code, sent.stderr).toBe(0);
      await listen.deliveries(1);
      await listen.stop();
      const r = await runCli(['verify', 'last', '--store', 'captures', '--secret', pair.privateKey, '--json'], { cwd: dir });
      expect(r.code).toBe(1);
      const out = JSON.parse(r.stdout) as { reason: string; diagnosis: { code: string; message: string }[] };
      expect(out.reason).toBe('bad-secret');
      expect(out.diagnosis[0]).toMatchObject({ code: 'key-private-for-public', message: expect.stringContaining(pair.publicKey) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Twilio: a capture replayed to another host', () => {
  it('fails there; replay and verify name the URL its signature was made for', async () => {
    const dir = tempDir();
    const first = await startListen(['--store', 'captures'], { cwd: dir });
    const second = await startListen(['--store', 'captures', '--reject-invalid'], { cwd: dir });
    try {
      const sent = await runCli(['send', 'twilio/message.received', '--to', first.url], { cwd: dir });
      expect(sent.code, sent.stderr).toBe(0);
      const [original] = await first.deliveries(1);
      expect(original).toMatchObject({ provider: 'twilio', event: 'message.received', verification: { ok: true } });
      const signedFor = `${first.url}/twilio/sms`;

      const replayed = await runCli(['replay', original!.id, '--store', 'captures', '--to', second.url, '--json'], { cwd: dir });
      const [copy] = await second.deliveries(1);
      expect(copy).toMatchObject({ provider: 'twilio', verification: { ok: false, reason: 'no-match' } });
      expect(JSON.parse(replayed.stdout)).toMatchObject({ status: 401, hint: expect.stringContaining(`signed for ${signedFor}`) });

      const r = await runCli(['verify', copy!.id, '--store', 'captures', '--json'], { cwd: dir });
      expect(r.code).toBe(1);
      const out = JSON.parse(r.stdout) as { diagnosis: { code: string; message: string }[] };
      expect(out.diagnosis[0]).toMatchObject({ code: 'url-mismatch', message: expect.stringContaining(`made for ${signedFor}, not ${second.url}/twilio/sms`) });

      const resigned = await runCli(['replay', original!.id, '--store', 'captures', '--to', second.url, '--resign', '--expect', '2xx'], { cwd: dir });
      expect(resigned.code, resigned.stderr).toBe(0);
    } finally {
      await first.stop();
      await second.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('deliveries signed by the libraries that can sign verify in listen and with verify', () => {
  it('twilio (form and bodySHA256), starkbank-ecdsa for SendGrid, node:crypto for Discord', async () => {
    const dir = tempDir();
    const token = '0123456789abcdef0123456789abcdef';
    const ed = generateKeyPairSync('ed25519');
    const edPublic = Buffer.from(ed.publicKey.export({ format: 'jwk' }).x as string, 'base64url').toString('hex');
    const ec = new ecdsa.PrivateKey(prime256v1);
    // The dashboard's format: the PEM body, base64 DER on one line.
    const ecPublic = ec
      .publicKey()
      .toPem()
      .split('\n')
      .filter((l: string) => l && !l.startsWith('-----'))
      .join('');
    writeFileSync(`${dir}/.hookctlrc.json`, JSON.stringify({ store: 'captures', secrets: { twilio: token, discord: { publicKey: edPublic }, sendgrid: { publicKey: ecPublic } } }));
    const listen = await startListen(['--reject-invalid'], { cwd: dir });
    try {
      const ts = String(Math.floor(Date.now() / 1000));
      const form = 'From=%2B14155550123&Body=Hello+there&To=%2B14155550100';
      const formUrl = `${listen.url}/twilio/sms`;
      const json = '{"event":"delivered"}';
      const jsonUrl = `${listen.url}/twilio/status?bodySHA256=${twilio.getExpectedBodyHash(json)}`;
      const discordBody = '{"type":1,"id":"1"}';
      const sendgridBody = '[{"event":"delivered","email":"a@example.com"}]';
      const requests: [string, string, Record<string, string>][] = [
        [
          formUrl,
          form,
          { 'content-type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': twilio.getExpectedTwilioSignature(token, formUrl, Object.fromEntries(new URLSearchParams(form))) },
        ],
        [jsonUrl, json, { 'content-type': 'application/json', 'X-Twilio-Signature': twilio.getExpectedTwilioSignature(token, jsonUrl, {}) }],
        [
          `${listen.url}/interactions`,
          discordBody,
          { 'content-type': 'application/json', 'X-Signature-Timestamp': ts, 'X-Signature-Ed25519': edSign(null, Buffer.from(ts + discordBody), ed.privateKey).toString('hex') },
        ],
        [
          `${listen.url}/webhooks/sendgrid`,
          sendgridBody,
          { 'content-type': 'application/json', 'X-Twilio-Email-Event-Webhook-Timestamp': ts, 'X-Twilio-Email-Event-Webhook-Signature': ecdsa.Ecdsa.sign(ts + sendgridBody, ec).toBase64() },
        ],
      ];
      for (const [url, body, headers] of requests) {
        const res = await post(url, body, headers);
        expect(res.status, url).toBe(200);
      }
      const lines = await listen.deliveries(4);
      expect(lines.map((l) => [l.provider, l.verification.ok])).toEqual([
        ['twilio', true],
        ['twilio', true],
        ['discord', true],
        ['sendgrid', true],
      ]);
      for (const l of lines) {
        const r = await runCli(['verify', l.id as string, '--json'], { cwd: dir });
        expect(JSON.parse(r.stdout), l.provider as string).toMatchObject({ ok: true, secretSource: 'config' });
      }
    } finally {
      await listen.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
