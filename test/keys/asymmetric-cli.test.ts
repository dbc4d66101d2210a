/**
 * Keys round-trip between `hookctl keys generate`, the config and receivers built on the providers'
 * own libraries; listen and verify check with the public key and explain a private key given instead;
 * a Twilio capture replayed to another host is diagnosed as a URL mismatch naming where it was signed for.
 */
import { createPublicKey, verify as edVerify } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { EventWebhook } from '@sendgrid/eventwebhook';
import { verifyKey } from 'discord-interactions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../captures/helpers.js';
import { startListen, type Listener } from '../listen/support.js';
import { runCli } from '../support/cli.js';
import { startServer, type Received } from '../support/server.js';

type Pair = { privateKey: string; publicKey: string; config: { secrets: Record<string, Pair> } };
const header = (req: Received, name: string) => req.headers[name.toLowerCase()] as string;

/** A receiver that answers 200 when `check` accepts the request, 401 otherwise. */
async function receiver(check: (req: Received) => boolean | Promise<boolean>) {
  return startServer(async (req, res) => { res.statusCode = (await check(req)) ? 200 : 401; res.end(); });
}

let cwd: string;
beforeAll(() => { cwd = tempDir(); });
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

async function generate(provider: string): Promise<Pair> {
  const r = await runCli(['keys', 'generate', '--provider', provider, '--json'], { cwd });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Pair;
}

describe('keys generate -> config -> a receiver on the provider\'s library', () => {
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
