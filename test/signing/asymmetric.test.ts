/**
 * Ed25519 (Standard Webhooks v1a, Discord), ECDSA P-256 (SendGrid) and Twilio's URL-signed HMAC-SHA1,
 * judged both ways by the providers' own libraries where they exist and node:crypto otherwise.
 */
import { createPublicKey, generateKeyPairSync, sign as edSign, verify as edVerify } from 'node:crypto';
import { EventWebhook } from '@sendgrid/eventwebhook';
import { verifyKey } from 'discord-interactions';
import { Webhook as StandardWebhook } from 'standardwebhooks';
// @sendgrid/eventwebhook's own ECDSA library (its dependency): the one library here that can sign ECDSA.
import ecdsa from 'starkbank-ecdsa';
import { prime256v1 } from 'starkbank-ecdsa/ellipticcurve/curve.js';
import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { discord, DISCORD_DEV_KEYS } from '../../src/core/providers/builtin/discord.js';
import { sendgrid, SENDGRID_DEV_KEYS } from '../../src/core/providers/builtin/sendgrid.js';
import { standardWebhooks, STANDARD_WEBHOOKS_DEV_KEYS } from '../../src/core/providers/builtin/standard-webhooks.js';
import { twilio as twilioProfile } from '../../src/core/providers/builtin/twilio.js';
import { generateKeys, keyRole, publicKeyOf } from '../../src/core/signing/keys.js';
import { signWithScheme } from '../../src/core/signing/sign.js';
import { verifyUsable } from '../../src/core/signing/verify-usable.js';
import { verifyWithScheme } from '../../src/core/signing/verify-scheme.js';

const now = 1_700_000_000_000;
const timestamp = now / 1000;
const body = Buffer.from('{"type":1,"id":"evt_1","note":"café"}');
const spki = (raw: Buffer) => createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), raw]), format: 'der', type: 'spki' });

describe('Standard Webhooks v1a (Ed25519)', () => {
  const { privateKey, publicKey } = STANDARD_WEBHOOKS_DEV_KEYS;
  const secret = standardWebhooks.devSecret;

  it('signs v1a,<base64> over {id}.{timestamp}.{body}, which node:crypto verifies with the whpk_ key', () => {
    const signed = signWithScheme(standardWebhooks.scheme, { secret: privateKey, body, id: 'msg_1', timestamp, now });
    const sig = signed.headers['webhook-signature'] as string;
    expect(sig).toMatch(/^v1a,[A-Za-z0-9+/]{86}==$/);
    const content = Buffer.concat([Buffer.from(`msg_1.${timestamp}.`), body]);
    expect(edVerify(null, content, spki(Buffer.from(publicKey.slice(5), 'base64')), Buffer.from(sig.slice(4), 'base64'))).toBe(true);
    expect(verifyWithScheme(standardWebhooks.scheme, 'sw', { secrets: publicKey, headers: signed.headers, body, now })).toMatchObject({ ok: true });
  });

  it('verifies a v1a signature made by node:crypto', () => {
    const pair = generateKeyPairSync('ed25519');
    const sig = edSign(null, Buffer.concat([Buffer.from(`msg_2.${timestamp}.`), body]), pair.privateKey).toString('base64');
    const whpk = `whpk_${Buffer.from(pair.publicKey.export({ format: 'jwk' }).x as string, 'base64url').toString('base64')}`;
    const headers = { 'webhook-id': 'msg_2', 'webhook-timestamp': String(timestamp), 'webhook-signature': `v1a,${sig}` };
    expect(verifyWithScheme(standardWebhooks.scheme, 'sw', { secrets: whpk, headers, body, now })).toMatchObject({ ok: true });
  });

  it("signs v1 and v1a side by side when given a whsec_ secret and a whsk_ key (rotation between them, as the spec's example header)", () => {
    const signed = signWithScheme(standardWebhooks.scheme, { secret: [secret, privateKey], body, id: 'msg_3', now });
    expect(signed.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}= v1a,[A-Za-z0-9+/]{86}==$/);
    for (const key of [secret, publicKey]) expect(verifyWithScheme(standardWebhooks.scheme, 'sw', { secrets: key, headers: signed.headers, body, now })).toMatchObject({ ok: true });
  });

  it('the standardwebhooks package (1.1.x) verifies only v1: it accepts the v1 entry of a mixed header and cannot verify v1a alone', () => {
    const wh = new StandardWebhook(secret);
    const mixed = signWithScheme(standardWebhooks.scheme, { secret: [secret, privateKey], body, id: 'msg_4' });
    expect(() => wh.verify(body.toString(), mixed.headers)).not.toThrow();
    const v1aOnly = signWithScheme(standardWebhooks.scheme, { secret: privateKey, body, id: 'msg_4' });
    expect(() => wh.verify(body.toString(), v1aOnly.headers)).toThrow(/No matching signature/);
  });

  it("the spec's example header parses into a v1 and a well-formed v1a entry (its keys are unpublished: no match, not malformed)", () => {
    const headers = {
      'webhook-id': 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W',
      'webhook-timestamp': '1674087231',
      'webhook-signature': 'v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4= v1a,hnO3f9T8Ytu9HwrXslvumlUpqtNVqkhqw/enGzPCXe5BdqzCInXqYXFymVJaA7AZdpXwVLPo3mNl8EM+m7TBAg==',
    };
    const r = verifyWithScheme(standardWebhooks.scheme, 'sw', { secrets: publicKey, headers, body, now: 1674087231000 });
    expect(r).toMatchObject({ ok: false, reason: 'no-match', detail: expect.stringMatching(/^2 signatures/) });
  });

  it('a v1a header with only a whsec_ secret to check it is no match; a whsk_ given to verify is diagnosed as a private key', () => {
    const signed = signWithScheme(standardWebhooks.scheme, { secret: privateKey, body, id: 'msg_5', now });
    expect(verifyWithScheme(standardWebhooks.scheme, 'sw', { secrets: secret, headers: signed.headers, body, now })).toMatchObject({ ok: false, reason: 'no-match' });
    expect(verifyUsable(standardWebhooks, [privateKey], { headers: signed.headers, body, now })).toMatchObject({
      ok: false,
      reason: 'bad-secret',
      detail: expect.stringMatching(/private key was given where the Ed25519 public key belongs/),
    });
  });
});

describe('Discord (Ed25519, hex)', () => {
  const { privateKey, publicKey } = DISCORD_DEV_KEYS;

  it('discord-interactions verifyKey accepts what hookctl signs, and rejects it for another body or key', async () => {
    const signed = signWithScheme(discord.scheme, { secret: privateKey, body, timestamp, now });
    const sig = signed.headers['X-Signature-Ed25519'] as string;
    const ts = signed.headers['X-Signature-Timestamp'] as string;
    expect(sig).toMatch(/^[0-9a-f]{128}$/);
    expect(await verifyKey(body, sig, ts, publicKey)).toBe(true);
    expect(await verifyKey(Buffer.concat([body, Buffer.from(' ')]), sig, ts, publicKey)).toBe(false);
    expect(await verifyKey(body, sig, ts, generateKeys({ encoding: 'hex' }, 'ed25519').publicKey)).toBe(false);
  });

  it('verifies a signature node:crypto made over timestamp + body (discord-interactions cannot sign)', () => {
    const pair = generateKeyPairSync('ed25519');
    const sig = edSign(null, Buffer.concat([Buffer.from(String(timestamp)), body]), pair.privateKey).toString('hex');
    const pub = Buffer.from(pair.publicKey.export({ format: 'jwk' }).x as string, 'base64url').toString('hex');
    const headers = { 'X-Signature-Ed25519': sig, 'X-Signature-Timestamp': String(timestamp) };
    expect(verifyWithScheme(discord.scheme, 'discord', { secrets: pub, headers, body, now })).toMatchObject({ ok: true });
  });

  it('keys: 128 hex is the private key, 64 hex the public one; the dev pair belongs together; signing with the public key says so', () => {
    expect(keyRole(privateKey, { encoding: 'hex' }, 'ed25519')).toBe('private');
    expect(keyRole(publicKey, { encoding: 'hex' }, 'ed25519')).toBe('public');
    expect(publicKeyOf(privateKey, { encoding: 'hex' }, 'ed25519')).toBe(publicKey);
    expect(() => signWithScheme(discord.scheme, { secret: publicKey, body })).toThrow(/public key was given where the Ed25519 private key belongs/);
  });
});

describe('SendGrid (ECDSA P-256, base64 DER)', () => {
  const { privateKey, publicKey } = SENDGRID_DEV_KEYS;
  const ew = new EventWebhook();

  it('@sendgrid/eventwebhook verifySignature accepts what hookctl signs, and rejects a changed body', () => {
    const signed = signWithScheme(sendgrid.scheme, { secret: privateKey, body, timestamp, now });
    const sig = signed.headers['X-Twilio-Email-Event-Webhook-Signature'] as string;
    const ts = signed.headers['X-Twilio-Email-Event-Webhook-Timestamp'] as string;
    expect(ew.verifySignature(ew.convertPublicKeyToECDSA(publicKey), body, sig, ts)).toBe(true);
    expect(ew.verifySignature(ew.convertPublicKeyToECDSA(publicKey), `${body.toString()}\r\n`, sig, ts)).toBe(false);
  });

  it("verifies the library's own test vector (a real SendGrid batch, trailing CRLF included)", () => {
    // From @sendgrid/eventwebhook's eventwebhook.spec.js (MIT).
    const payload = `${JSON.stringify([{ email: 'hello@world.com', event: 'dropped', reason: 'Bounced Address', sg_event_id: 'ZHJvcC0xMDk5NDkxOS1MUnpYbF9OSFN0T0doUTRrb2ZTbV9BLTA', sg_message_id: 'LRzXl_NHStOGhQ4kofSm_A.filterdrecv-p3mdw1-756b745b58-kmzbl-18-5F5FC76C-9.0', 'smtp-id': '<LRzXl_NHStOGhQ4kofSm_A@ismtpd0039p1iad1.sendgrid.net>', timestamp: 1600112492 }])}\r\n`;
    const headers = {
      'X-Twilio-Email-Event-Webhook-Signature': 'MEUCIGHQVtGj+Y3LkG9fLcxf3qfI10QysgDWmMOVmxG0u6ZUAiEAyBiXDWzM+uOe5W0JuG+luQAbPIqHh89M15TluLtEZtM=',
      'X-Twilio-Email-Event-Webhook-Timestamp': '1600112502',
    };
    const key = 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE83T4O/n84iotIvIW4mdBgQ/7dAfSmpqIM8kF9mN1flpVKS3GRqe62gw+2fNNRaINXvVpiglSI8eNEc6wEA3F+g==';
    expect(verifyWithScheme(sendgrid.scheme, 'sendgrid', { secrets: key, headers, body: payload })).toMatchObject({ ok: true });
    expect(verifyWithScheme(sendgrid.scheme, 'sendgrid', { secrets: key, headers, body: payload.trimEnd() })).toMatchObject({ ok: false, reason: 'no-match' });
  });

  it('verifies a signature starkbank-ecdsa (the library under @sendgrid/eventwebhook) made', () => {
    const pk = new ecdsa.PrivateKey(prime256v1);
    const sig = ecdsa.Ecdsa.sign(`${timestamp}${body.toString()}`, pk).toBase64();
    const headers = { 'X-Twilio-Email-Event-Webhook-Signature': sig, 'X-Twilio-Email-Event-Webhook-Timestamp': String(timestamp) };
    const pem = pk.publicKey().toPem();
    expect(verifyWithScheme(sendgrid.scheme, 'sendgrid', { secrets: pem, headers, body, now })).toMatchObject({ ok: true });
  });
});

describe('Twilio (HMAC-SHA1 over the URL and sorted form params)', () => {
  const token = twilioProfile.devSecret;
  const url = 'https://example.ngrok.app/twilio/sms?account=1';
  const form = Buffer.from('To=%2B14155550100&From=%2B14155550123&Body=Hello+caf%C3%A9+%26+cr%C3%AApes&NumMedia=0');
  const params = Object.fromEntries(new URLSearchParams(form.toString()));
  const contentType = 'application/x-www-form-urlencoded';

  it('twilio.validateRequest accepts what hookctl signs for the URL, and not for another URL', () => {
    const signed = signWithScheme(twilioProfile.scheme, { secret: token, body: form, url, contentType });
    const sig = signed.headers['X-Twilio-Signature'] as string;
    expect(sig).toBe(twilio.getExpectedTwilioSignature(token, url, params));
    expect(twilio.validateRequest(token, sig, url, params)).toBe(true);
    expect(twilio.validateRequest(token, sig, url.replace('ngrok.app', 'localhost:3000'), params)).toBe(false);
  });

  it('verifies getExpectedTwilioSignature, for the URL it was received at only', () => {
    const headers = { 'X-Twilio-Signature': twilio.getExpectedTwilioSignature(token, url, params), 'Content-Type': contentType };
    expect(verifyWithScheme(twilioProfile.scheme, 'twilio', { secrets: token, headers, body: form, url })).toMatchObject({ ok: true });
    expect(verifyWithScheme(twilioProfile.scheme, 'twilio', { secrets: token, headers, body: form, url: 'http://localhost:3000/twilio/sms?account=1' })).toMatchObject({
      ok: false,
      reason: 'no-match',
    });
  });

  it('a JSON body is bound by bodySHA256 in the signed URL: validateRequestWithBody accepts it both ways', () => {
    const json = Buffer.from('{"event":"delivered"}');
    const signed = signWithScheme(twilioProfile.scheme, { secret: token, body: json, url, contentType: 'application/json' });
    expect(signed.url).toMatch(/\?account=1&bodySHA256=[0-9a-f]{64}$/);
    const sig = signed.headers['X-Twilio-Signature'] as string;
    expect(twilio.validateRequestWithBody(token, sig, signed.url as string, json.toString())).toBe(true);
    const theirs = twilio.getExpectedTwilioSignature(token, signed.url as string, {});
    const headers = { 'X-Twilio-Signature': theirs, 'Content-Type': 'application/json' };
    expect(verifyWithScheme(twilioProfile.scheme, 'twilio', { secrets: token, headers, body: json, url: signed.url })).toMatchObject({ ok: true });
    expect(verifyWithScheme(twilioProfile.scheme, 'twilio', { secrets: token, headers, body: '{"event":"bounced"}', url: signed.url })).toMatchObject({ ok: false, reason: 'body-hash-mismatch' });
  });
});
