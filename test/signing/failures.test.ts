import { describe, expect, it } from 'vitest';
import { BUILTIN_PROVIDERS, sign, verify, SigningError } from '../../src/index.js';
import { isTokenScheme } from '../../src/core/signing/index.js';
import { generateKeys, keySpecOf } from '../../src/core/signing/keys.js';
import type { AsymmetricAlgorithm } from '../../src/core/signing/types.js';

const NOW = 1_764_000_000_000;
const body = Buffer.from('{"id":"evt_1","amount":100}');
/** A secret in the provider's form: base64 after its prefix where its scheme decodes one, else any text. */
const secretFor = (id: string) => {
  const spec = BUILTIN_PROVIDERS.find((p) => p.id === id)?.scheme.secret;
  if (spec?.encoding === 'base64') return `${spec.prefix ?? ''}MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw`;
  if (spec?.encoding === 'hex') return '3fa9c0d2e4b6a8f0';
  // Basic credentials and a JWT that names its key (LiveKit) take user:password / key:secret.
  const paired = BUILTIN_PROVIDERS.find((p) => p.id === id)?.scheme.signatures.some((s) => s.algorithm === 'basic' || s.jwt?.keyIdClaim);
  return paired ? 'key_a:secret_a' : 'secret_a';
};
const signedBody = (id: string) => (id === 'linear' ? Buffer.from(JSON.stringify({ id: 1, webhookTimestamp: NOW })) : body);

describe('verify returns a reason for every way a delivery is wrong, for every provider that signs', () => {
  // Okta's and Graph's secret travels as a token, which binds no body: their own describe below.
  // Adyen and Mailgun sign fields of their own envelope, in the body: test/catalogue/field-signers.test.ts.
  for (const p of BUILTIN_PROVIDERS.filter((x) => !isTokenScheme(x.scheme) && !x.scheme.signatures.some((s) => s.field))) {
    // Key-pair providers sign with the private key and verify with the public one; Twilio signs a URL.
    const pair = p.devKeyPair && p.devSecret === p.devKeyPair.privateKey ? p.devKeyPair : undefined;
    const b = signedBody(p.id);
    const signed = sign({ provider: p.id, secret: pair?.privateKey ?? secretFor(p.id), body: b, now: NOW, ...(p.scheme.content.includes('{url}') ? { url: 'https://example.com/hook' } : {}) });
    const secret = pair?.publicKey ?? secretFor(p.id);
    const at = signed.url ? { url: signed.url } : {};
    const sigHeader = p.scheme.signatures[0]!.header;
    const spec = p.scheme.signatures[0]!;

    it(`${p.id}: the untouched delivery verifies`, () => {
      expect(verify({ provider: p.id, secrets: secret, headers: signed.headers, body: b, now: NOW, ...at })).toMatchObject({ ok: true, secretIndex: 0 });
    });

    it(`${p.id}: one changed body byte gives no-match (or a body-hash mismatch)`, () => {
      const tampered = Buffer.from(b);
      tampered[tampered.length - 2]! ^= 1;
      const r = verify({ provider: p.id, secrets: secret, headers: signed.headers, body: tampered, now: NOW, ...at });
      // Linear's timestamp lives in the body, so flipping a byte there may break the timestamp instead.
      expect(r.ok).toBe(false);
      // Twilio binds a JSON body by its hash in the signed URL, a JWT in a claim: the signature holds, the hash does not.
      const byHash = p.scheme.bodyHashParam || p.scheme.signatures[0]?.jwt;
      if (p.id !== 'linear') expect(r).toMatchObject({ reason: byHash ? 'body-hash-mismatch' : 'no-match' });
    });

    it(`${p.id}: one changed signature character gives no-match`, () => {
      const value = signed.headers[sigHeader]!;
      // Before base64 padding: the last character before `==` carries bits the decoder drops.
      const i = value.endsWith('==') ? value.length - 5 : value.length - 3;
      const swapped = value.slice(0, i) + (value[i] === 'a' ? 'b' : 'a') + value.slice(i + 1);
      const headers = { ...signed.headers, [sigHeader]: swapped };
      for (const s of p.scheme.signatures.slice(1)) if (s.header !== sigHeader) delete headers[s.header];
      expect(verify({ provider: p.id, secrets: secret, headers, body: b, now: NOW, ...at })).toMatchObject({ ok: false, reason: 'no-match' });
    });

    it(`${p.id}: a missing signature header gives missing-signature`, () => {
      const headers = { ...signed.headers };
      for (const s of p.scheme.signatures) delete headers[s.header];
      expect(verify({ provider: p.id, secrets: secret, headers, body: b, now: NOW, ...at })).toMatchObject({ ok: false, reason: 'missing-signature' });
    });

    it(`${p.id}: garbage and short signatures give malformed-signature without throwing`, () => {
      for (const junk of ['', 'garbage', '\u0000\u00ff', 'sha256=abc', 'v1,abc', 't=1,v1=abc', 'ts=1;h1=abc', 'v0=abc']) {
        const headers: Record<string, string> = { ...signed.headers, [sigHeader]: junk };
        for (const s of p.scheme.signatures.slice(1)) if (s.header !== sigHeader) delete headers[s.header];
        const r = verify({ provider: p.id, secrets: secret, headers, body: b, now: NOW, ...at });
        expect(r.ok).toBe(false);
        expect(['malformed-signature', 'missing-timestamp', 'malformed-timestamp']).toContain((r as { reason: string }).reason);
      }
    });

    it(`${p.id}: the wrong secret gives no-match and a rotated-in secret is reported by index`, () => {
      const other = pair
        ? generateKeys(keySpecOf(spec), spec.algorithm as AsymmetricAlgorithm).publicKey
        : secret.startsWith('whsec_')
          ? 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD'
          : secret.includes(':')
            ? 'key_b:secret_b'
            : 'secret_b';
      expect(verify({ provider: p.id, secrets: other, headers: signed.headers, body: b, now: NOW, ...at })).toMatchObject({ ok: false, reason: 'no-match' });
      expect(verify({ provider: p.id, secrets: [other, secret], headers: signed.headers, body: b, now: NOW, ...at })).toMatchObject({ ok: true, secretIndex: 1 });
    });
  }
});

describe('a token that travels as it is (Okta in a header, Microsoft Graph in the body)', () => {
  const graphBody = Buffer.from(JSON.stringify({ value: [{ subscriptionId: 's1', changeType: 'created' }] }));

  it('okta: verifies, whatever the body; a changed, empty or missing token fails with its reason; rotation is reported', () => {
    const signed = sign({ provider: 'okta', secret: 'token_a', body });
    expect(signed.headers).toEqual({ Authorization: 'token_a' });
    const check = (headers: Record<string, string>, secrets: string | string[] = 'token_a') => verify({ provider: 'okta', secrets, headers, body: 'anything at all' });
    expect(check(signed.headers)).toMatchObject({ ok: true, secretIndex: 0 });
    expect(check({ Authorization: 'token_b' })).toMatchObject({ ok: false, reason: 'no-match' });
    expect(check({ Authorization: '' })).toMatchObject({ ok: false, reason: 'malformed-signature' });
    expect(check({})).toMatchObject({ ok: false, reason: 'missing-signature', detail: 'no Authorization header' });
    expect(check(signed.headers, ['token_b', 'token_a'])).toMatchObject({ ok: true, secretIndex: 1 });
  });

  it('msgraph: the clientState is written into the body sent, and read from it', () => {
    const signed = sign({ provider: 'msgraph', secret: 'state_a', body: graphBody });
    expect(signed.headers).toEqual({});
    expect(JSON.parse(signed.body.toString('utf8'))).toEqual({ value: [{ subscriptionId: 's1', changeType: 'created', clientState: 'state_a' }] });
    const check = (b: Buffer | string, secrets = 'state_a') => verify({ provider: 'msgraph', secrets, headers: {}, body: b });
    expect(check(signed.body)).toMatchObject({ ok: true });
    expect(check(signed.body, 'state_b')).toMatchObject({ ok: false, reason: 'no-match' });
    expect(check(graphBody)).toMatchObject({ ok: false, reason: 'missing-signature', detail: 'no value.0.clientState in the body' });
    expect(check('not json')).toMatchObject({ ok: false, reason: 'missing-signature' });
    expect(() => sign({ provider: 'msgraph', secret: 'state_a', body })).toThrow(SigningError);
  });

  it('msgraph: an indented body keeps its indentation when the field is written', () => {
    const pretty = Buffer.from(`${JSON.stringify({ value: [{ id: 1 }] }, null, 2)}\n`);
    const signed = sign({ provider: 'msgraph', secret: 'state_a', body: pretty });
    expect(signed.body.toString('utf8')).toBe(`${JSON.stringify({ value: [{ id: 1, clientState: 'state_a' }] }, null, 2)}\n`);
  });
});

describe('timestamps', () => {
  const secret = 'secret_a';
  const signed = sign({ provider: 'transcodely', secret, body, timestamp: 1764000000 });

  it('a changed timestamp byte gives no-match while inside the window', () => {
    const headers = { ...signed.headers, 'X-Transcodely-Timestamp': '1764000001' };
    expect(verify({ provider: 'transcodely', secrets: secret, headers, body, now: NOW })).toMatchObject({ ok: false, reason: 'no-match' });
  });

  it('a timestamp moved out of the window gives timestamp-too-old even though the bytes differ', () => {
    const headers = { ...signed.headers, 'X-Transcodely-Timestamp': '1704000000' };
    expect(verify({ provider: 'transcodely', secrets: secret, headers, body, now: NOW })).toMatchObject({ ok: false, reason: 'timestamp-too-old', signatureMatched: false });
  });

  it('missing and non-numeric timestamps give missing-timestamp and malformed-timestamp', () => {
    const { 'X-Transcodely-Timestamp': _, ...without } = signed.headers;
    expect(verify({ provider: 'transcodely', secrets: secret, headers: without, body, now: NOW })).toMatchObject({ reason: 'missing-timestamp' });
    expect(verify({ provider: 'transcodely', secrets: secret, headers: { ...signed.headers, 'X-Transcodely-Timestamp': 'NaN' }, body, now: NOW })).toMatchObject({ reason: 'malformed-timestamp' });
  });

  it('reports too-new for a future timestamp beyond a both-ways tolerance', () => {
    const future = sign({ provider: 'transcodely', secret, body, timestamp: NOW / 1000 + 301 });
    expect(verify({ provider: 'transcodely', secrets: secret, headers: future.headers, body, now: NOW })).toMatchObject({ ok: false, reason: 'timestamp-too-new', ageSec: -301 });
  });

  it('toleranceSec overrides the window and 0 turns the check off', () => {
    const old = sign({ provider: 'transcodely', secret, body, timestamp: NOW / 1000 - 1000 });
    expect(verify({ provider: 'transcodely', secrets: secret, headers: old.headers, body, now: NOW, toleranceSec: 2000 }).ok).toBe(true);
    expect(verify({ provider: 'transcodely', secrets: secret, headers: old.headers, body, now: NOW, toleranceSec: 0 }).ok).toBe(true);
  });

  it('a standard-webhooks delivery without webhook-id gives missing-id', () => {
    const s = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const sw = sign({ provider: 'standard-webhooks', secret: s, body, now: NOW });
    const { 'webhook-id': _, ...headers } = sw.headers;
    expect(verify({ provider: 'standard-webhooks', secrets: s, headers, body, now: NOW })).toMatchObject({ ok: false, reason: 'missing-id' });
  });
});

describe('header handling', () => {
  it('finds headers case-insensitively and accepts Node-style arrays', () => {
    const signed = sign({ provider: 'github', secret: 's', body });
    const headers = { 'X-HUB-SIGNATURE-256': [signed.headers['X-Hub-Signature-256']!] };
    expect(verify({ provider: 'github', secrets: 's', headers, body }).ok).toBe(true);
  });

  it('a standard-webhooks secret that is not base64 is misuse: it throws SigningError', () => {
    expect(() => sign({ provider: 'standard-webhooks', secret: 'whsec_not base64!', body })).toThrow(SigningError);
  });

  it('a non-UTF-8 body signs and verifies byte for byte', () => {
    const binary = Buffer.from([0xff, 0xfe, 0x00, 0x80, 0x7b]);
    const signed = sign({ provider: 'changethisfile', secret: 's', body: binary });
    expect(signed.body.equals(binary)).toBe(true);
    expect(verify({ provider: 'changethisfile', secrets: 's', headers: signed.headers, body: binary }).ok).toBe(true);
    expect(verify({ provider: 'changethisfile', secrets: 's', headers: signed.headers, body: binary.toString('latin1') }).ok).toBe(false);
  });
});
