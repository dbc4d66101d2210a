import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/core/diagnose/index.js';
import { splitJoined } from '../../src/core/diagnose/copies.js';
import { BUILTIN_PROVIDERS, getProvider } from '../../src/core/providers/registry.js';
import type { ProviderProfile } from '../../src/core/providers/types.js';
import { signWithScheme, verifyWithScheme, type Headers, type Scheme, type VerifyFailure } from '../../src/core/signing/index.js';

const NOW = 1_764_000_000_000;
const NOW_S = NOW / 1000;
const BODY = '{"job_id":"job_1","state":"done","name":"Zoë"}';

interface Case {
  provider: string;
  /** What we hold and verify with. */
  secrets: string[];
  headers: Headers | [string, string][];
  body: Buffer | string;
  toleranceSec?: number;
}

function run(c: Case) {
  const profile = getProvider(c.provider);
  const body = Buffer.isBuffer(c.body) ? c.body : Buffer.from(c.body);
  const headers = Array.isArray(c.headers) ? pairs(c.headers) : c.headers;
  const result = verifyWithScheme(profile.scheme, profile.id, { secrets: c.secrets, headers, body, now: NOW, toleranceSec: c.toleranceSec });
  expect(result.ok).toBe(false);
  return diagnose({ profile, secrets: c.secrets, headers: c.headers, body, now: NOW, toleranceSec: c.toleranceSec, result: result as VerifyFailure, providers: BUILTIN_PROVIDERS });
}
const pairs = (list: [string, string][]): Headers => {
  const out: Record<string, string[]> = {};
  for (const [k, v] of list) out[k] = [...(out[k] ?? []), v];
  return out;
};
const codes = (c: Case) => run(c).map((f) => f.code);

/** Sign as a (possibly broken) sender would: the provider's scheme with one thing changed. */
function sender(provider: string, change: (s: Scheme) => Scheme, secret: string, body: string | Buffer, timestamp = NOW_S) {
  const p: ProviderProfile = getProvider(provider);
  return signWithScheme(change(p.scheme), { secret, body, timestamp, id: 'msg_1' });
}
const same = (s: Scheme) => s;
const S = 'test_secret';

describe('diagnose: the body changed between the signer and the verifier', () => {
  it('body-reserialized-compact: signed compact, verified pretty-printed', () => {
    const signed = sender('changethisfile', same, S, BODY);
    const findings = run({ provider: 'changethisfile', secrets: [S], headers: signed.headers, body: JSON.stringify(JSON.parse(BODY), null, 2) });
    expect(findings[0]).toEqual({
      code: 'body-reserialized-compact',
      message: 'the signature matches the body re-serialized as compact JSON: something between the wire and your verifier parsed and re-stringified it',
      hint: expect.any(String),
    });
  });

  it('body-reserialized-pretty: signed pretty, verified after express.json + JSON.stringify', () => {
    const pretty = JSON.stringify(JSON.parse(BODY), null, 2);
    const signed = sender('transcodely', same, S, pretty);
    expect(codes({ provider: 'transcodely', secrets: [S], headers: signed.headers, body: BODY })).toEqual(['body-reserialized-pretty']);
  });

  it('body-reserialized-spaced: the Standard Webhooks spec vector body, verified compact', () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const headers = { 'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek', 'webhook-timestamp': String(NOW_S), 'webhook-signature': '' };
    headers['webhook-signature'] = signWithScheme(getProvider('standard-webhooks').scheme, { secret, body: '{"test": 2432232314}', id: headers['webhook-id'], timestamp: NOW_S }).signature;
    expect(codes({ provider: 'standard-webhooks', secrets: [secret], headers, body: '{"test":2432232314}' })).toEqual(['body-reserialized-spaced']);
  });

  it('body-key-order: the sender signed sorted keys', () => {
    const signed = sender('github', same, S, '{"a":1,"b":2}');
    expect(codes({ provider: 'github', secrets: [S], headers: signed.headers, body: '{"b":2,"a":1}' })).toEqual(['body-key-order']);
  });

  it('body-unicode-escaped: the sender escaped non-ASCII characters', () => {
    const signed = sender('changethisfile', same, S, BODY.replace('ë', '\\u00eb'));
    expect(codes({ provider: 'changethisfile', secrets: [S], headers: signed.headers, body: BODY })).toEqual(['body-unicode-escaped']);
  });

  it('body-trailing-newline: a newline was appended after signing', () => {
    const signed = sender('mediaconvert', same, S, BODY);
    expect(codes({ provider: 'mediaconvert', secrets: [S], headers: signed.headers, body: `${BODY}\n` })).toEqual(['body-trailing-newline']);
  });

  it('body-crlf: LF turned into CRLF', () => {
    const text = 'line one\nline two\n';
    const signed = sender('changethisfile', same, S, text);
    expect(codes({ provider: 'changethisfile', secrets: [S], headers: signed.headers, body: text.replace(/\n/g, '\r\n') })).toEqual(['body-crlf']);
  });

  it('body-latin1: the sender signed Latin-1 bytes', () => {
    const signed = sender('changethisfile', same, S, Buffer.from(BODY, 'latin1'));
    expect(codes({ provider: 'changethisfile', secrets: [S], headers: signed.headers, body: BODY })).toEqual(['body-latin1']);
  });

  it('body-base64-encoded: a gateway handed over the body base64-encoded', () => {
    const signed = sender('changethisfile', same, S, BODY);
    expect(codes({ provider: 'changethisfile', secrets: [S], headers: signed.headers, body: Buffer.from(BODY).toString('base64') })).toEqual(['body-base64-encoded']);
  });

  it('form-reencoded: %20 written as + by a body parser', () => {
    const signed = sender('changethisfile', same, S, 'text=hello%20world&n=1');
    const headers = { ...signed.headers, 'Content-Type': 'application/x-www-form-urlencoded' };
    expect(codes({ provider: 'changethisfile', secrets: [S], headers, body: 'text=hello+world&n=1' })).toEqual(['form-reencoded']);
  });

  it('body-empty: a parser that did not match the Content-Type left {}', () => {
    const signed = sender('changethisfile', same, S, BODY);
    expect(codes({ provider: 'changethisfile', secrets: [S], headers: signed.headers, body: '{}' })).toContain('body-empty');
  });
});

describe('diagnose: the secret was turned into a key differently', () => {
  it('secret-base64-decoded: a Transcodely whsec_ secret decoded Standard Webhooks style', () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const signed = sender('transcodely', (s) => ({ ...s, secret: { encoding: 'base64', prefix: 'whsec_' } }), secret, BODY);
    const [f] = run({ provider: 'transcodely', secrets: [secret], headers: signed.headers, body: BODY });
    expect(f).toMatchObject({ code: 'secret-base64-decoded', message: 'the signature matches when the whsec_ secret is base64-decoded (Standard Webhooks style); this provider uses it literally' });
  });

  it('secret-literal: a Standard Webhooks secret used as UTF-8 text', () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const signed = sender('standard-webhooks', (s) => ({ ...s, secret: { encoding: 'utf8' } }), secret, BODY);
    expect(codes({ provider: 'standard-webhooks', secrets: [secret], headers: signed.headers, body: BODY })).toEqual(['secret-literal']);
  });

  it("secret-trailing-whitespace: the verifier's secret came from echo with a newline", () => {
    const signed = sender('stripe', same, 'whsec_abc', BODY);
    const [f] = run({ provider: 'stripe', secrets: ['whsec_abc\n'], headers: signed.headers, body: BODY });
    expect(f).toMatchObject({ code: 'secret-trailing-whitespace', message: 'the signature matches with the trailing newline removed from the secret' });
  });

  it("secret-trailing-whitespace: the sender's secret had the newline", () => {
    const signed = sender('github', same, `${S}\n`, BODY);
    expect(codes({ provider: 'github', secrets: [S], headers: signed.headers, body: BODY })).toEqual(['secret-trailing-whitespace']);
  });

  it('secret-hex-decoded: a Slack secret that looks like hex was decoded', () => {
    const secret = '8f742231b10e8888abcd99aaa0bb85a5';
    const signed = sender('slack', (s) => ({ ...s, secret: { encoding: 'base64' } }), Buffer.from(secret, 'hex').toString('base64'), BODY);
    expect(codes({ provider: 'slack', secrets: [secret], headers: signed.headers, body: BODY })).toEqual(['secret-hex-decoded']);
  });

  it('secret-prefix: the sender signed without the whsec_ prefix', () => {
    const signed = sender('transcodely', same, 'abc123', BODY);
    expect(codes({ provider: 'transcodely', secrets: ['whsec_abc123'], headers: signed.headers, body: BODY })).toEqual(['secret-prefix']);
  });

  it('names the secret that matched when several are given', () => {
    const signed = sender('github', same, 'second', BODY);
    const [f] = run({ provider: 'github', secrets: ['first', 'second\n'], headers: signed.headers, body: BODY });
    expect(f?.message).toContain('(with secret #2)');
  });
});

describe('diagnose: the clock', () => {
  it('timestamp-stale: valid signature, 412 s old', () => {
    const signed = sender('transcodely', same, S, BODY, NOW_S - 412);
    const [f] = run({ provider: 'transcodely', secrets: [S], headers: signed.headers, body: BODY });
    expect(f).toMatchObject({ code: 'timestamp-stale', message: 'valid signature, but the timestamp is 412 s old (tolerance 300 s)' });
    expect(f?.hint).toContain('--resign');
  });

  it('timestamp-stale with a wrong secret says the signature does not match either', () => {
    const signed = sender('transcodely', same, 'other', BODY, NOW_S - 412);
    const findings = run({ provider: 'transcodely', secrets: [S], headers: signed.headers, body: BODY });
    expect(findings).toEqual([expect.objectContaining({ code: 'timestamp-stale', message: 'the timestamp is 412 s old (tolerance 300 s), and the signature does not match the secret either' })]);
  });

  it('timestamp-stale and a re-serialized body: both named', () => {
    const signed = sender('transcodely', same, S, BODY, NOW_S - 412);
    expect(codes({ provider: 'transcodely', secrets: [S], headers: signed.headers, body: `${BODY}\n` })).toEqual(['timestamp-stale', 'body-trailing-newline']);
  });

  it('timestamp-stale honours --tolerance', () => {
    const signed = sender('stripe', same, S, BODY, NOW_S - 90);
    expect(run({ provider: 'stripe', secrets: [S], headers: signed.headers, body: BODY, toleranceSec: 60 })[0]?.message).toBe('valid signature, but the timestamp is 90 s old (tolerance 60 s)');
  });

  it("timestamp-future: the sender's clock runs ahead", () => {
    const signed = sender('standard-webhooks', same, 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', BODY, NOW_S + 3600);
    expect(codes({ provider: 'standard-webhooks', secrets: ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'], headers: signed.headers, body: BODY })).toEqual(['timestamp-future']);
  });

  it('timestamp-milliseconds: Date.now() sent where Unix seconds are expected', () => {
    const signed = sender('transcodely', (s) => ({ ...s, timestamp: { ...s.timestamp!, unit: 'ms' } }), S, BODY);
    expect(signed.headers['X-Transcodely-Timestamp']).toBe(String(NOW));
    expect(codes({ provider: 'transcodely', secrets: [S], headers: signed.headers, body: BODY })).toEqual(['timestamp-milliseconds']);
  });

  it("timestamp-seconds: Linear's webhookTimestamp written in seconds", () => {
    const body = JSON.stringify({ action: 'create', webhookTimestamp: NOW_S });
    const signed = sender('linear', same, S, body);
    expect(codes({ provider: 'linear', secrets: [S], headers: signed.headers, body })).toEqual(['timestamp-seconds']);
  });
});

describe('diagnose: the signature header is written differently', () => {
  it('encoding-base64-vs-hex: base64 digest where hex is expected', () => {
    const signed = sender('changethisfile', (s) => ({ ...s, signatures: [{ ...s.signatures[0]!, encoding: 'base64' }] }), S, BODY);
    const [f] = run({ provider: 'changethisfile', secrets: [S], headers: signed.headers, body: BODY });
    expect(f).toMatchObject({ code: 'encoding-base64-vs-hex', message: 'signature is base64, the scheme expects hex' });
  });

  it('encoding-hex-vs-base64: hex digest where base64 is expected (Shopify)', () => {
    const signed = sender('shopify', (s) => ({ ...s, signatures: [{ ...s.signatures[0]!, encoding: 'hex' }] }), S, BODY);
    expect(codes({ provider: 'shopify', secrets: [S], headers: signed.headers, body: BODY })).toEqual(['encoding-hex-vs-base64']);
  });

  it('uppercase-hex', () => {
    const signed = sender('github', same, S, BODY);
    const headers = { 'X-Hub-Signature-256': `sha256=${signed.headers['X-Hub-Signature-256']!.slice(7).toUpperCase()}` };
    expect(codes({ provider: 'github', secrets: [S], headers, body: BODY })).toEqual(['uppercase-hex']);
  });

  it('missing-prefix: a bare digest where sha256=<hex> is expected', () => {
    const signed = sender('changethisfile', same, S, BODY);
    const headers = { 'X-CTF-Signature': signed.headers['X-CTF-Signature']!.replace('sha256=', '') };
    const [f] = run({ provider: 'changethisfile', secrets: [S], headers, body: BODY });
    expect(f).toMatchObject({ code: 'missing-prefix', message: 'the header has no `sha256=` prefix; the signature itself is right' });
  });

  it('missing-prefix is named even when the signature does not match either', () => {
    const headers = { 'X-CTF-Signature': 'ab'.repeat(32) };
    expect(run({ provider: 'changethisfile', secrets: [S], headers, body: BODY })).toContainEqual(expect.objectContaining({ code: 'missing-prefix', message: 'the header has no `sha256=` prefix' }));
  });

  it('wrong-separator: v1= where Standard Webhooks writes v1,', () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const signed = sender('standard-webhooks', same, secret, BODY);
    const headers = { ...signed.headers, 'webhook-signature': signed.signature.replace('v1,', 'v1=') };
    const [f] = run({ provider: 'standard-webhooks', secrets: [secret], headers, body: BODY });
    expect(f?.code).toBe('wrong-separator');
    expect(f?.message).toContain('`v1=` where the scheme expects `v1,`');
  });

  it('wrong-algorithm: HMAC-SHA1 in a SHA-256 header', () => {
    const signed = sender('changethisfile', (s) => ({ ...s, signatures: [{ ...s.signatures[0]!, algorithm: 'sha1' }] }), S, BODY);
    expect(codes({ provider: 'changethisfile', secrets: [S], headers: signed.headers, body: BODY })).toEqual(['wrong-algorithm']);
  });

  it('duplicate-header: the signature header sent twice', () => {
    const signed = sender('changethisfile', same, S, BODY);
    const headers: [string, string][] = [
      ['X-CTF-Signature', `sha256=${'0'.repeat(64)}`],
      ['X-CTF-Signature', signed.signature],
    ];
    expect(codes({ provider: 'changethisfile', secrets: [S], headers, body: BODY })).toEqual(['duplicate-header']);
  });

  it('signed-content: Transcodely signed over the raw body only, as its prose says', () => {
    const signed = sender('transcodely', (s) => ({ ...s, content: '{body}' }), S, BODY);
    const [f] = run({ provider: 'transcodely', secrets: [S], headers: signed.headers, body: BODY });
    expect(f).toMatchObject({ code: 'signed-content', message: 'the signature covers `{body}`, not `{timestamp}.{body}` as this scheme signs' });
  });

  it('two causes at once: a re-serialized body signed with a decoded secret', () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const signed = sender('transcodely', (s) => ({ ...s, secret: { encoding: 'base64', prefix: 'whsec_' } }), secret, BODY);
    expect(codes({ provider: 'transcodely', secrets: [secret], headers: signed.headers, body: JSON.stringify(JSON.parse(BODY), null, 2) })).toEqual([
      'secret-base64-decoded',
      'body-reserialized-compact',
    ]);
  });
});

describe('diagnose: the wrong provider', () => {
  it('other-provider: a Stripe delivery verified as GitHub', () => {
    const signed = sender('stripe', same, S, BODY);
    const [f] = run({ provider: 'github', secrets: [S], headers: signed.headers, body: BODY });
    expect(f).toMatchObject({ code: 'other-provider', hint: 'pass --provider stripe' });
    expect(f?.message).toContain('Stripe (stripe)');
  });
});

describe('diagnose: nothing known explains it', () => {
  it('a plainly wrong secret yields no finding', () => {
    const signed = sender('changethisfile', same, 'the-real-secret', BODY);
    expect(run({ provider: 'changethisfile', secrets: ['another-secret'], headers: signed.headers, body: BODY })).toEqual([]);
  });
});

describe('diagnose: duplicate-header, the signature header sent more than once', () => {
  const SW = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const HINT = /req\.rawHeaders.*headersDistinct.*proxy/;
  /** A second signature over the same content with another secret: well-formed, just not ours. */
  const otherSig = (provider: string, secret: string, at = NOW_S) => sender(provider, same, secret, BODY, at).signature;
  const verified = (provider: string, secrets: string[], headers: Headers | [string, string][]) => {
    const profile = getProvider(provider);
    const hs = Array.isArray(headers) ? pairs(headers) : headers;
    const result = verifyWithScheme(profile.scheme, profile.id, { secrets, headers: hs, body: Buffer.from(BODY), now: NOW });
    return { result, findings: diagnose({ profile, secrets, headers, body: Buffer.from(BODY), now: NOW, result, providers: BUILTIN_PROVIDERS }) };
  };

  it('a Transcodely header Node joined with ", ": which copy is the valid one, and a hint', () => {
    const signed = sender('transcodely', same, S, BODY);
    const headers = { ...signed.headers, 'X-Transcodely-Signature': `${signed.signature}, ${otherSig('transcodely', 'other')}` };
    const findings = run({ provider: 'transcodely', secrets: [S], headers, body: BODY });
    expect(findings).toEqual([{ code: 'duplicate-header', message: expect.stringMatching(/comma-joined copies.*the 1st copy is the valid signature/), hint: expect.stringMatching(HINT) }]);
    const second = run({ provider: 'transcodely', secrets: [S], headers: { ...headers, 'X-Transcodely-Signature': `${otherSig('transcodely', 'other')}, ${signed.signature}` }, body: BODY });
    expect(second.map((f) => [f.code, /the 2nd copy is the valid signature/.test(f.message)])).toEqual([['duplicate-header', true]]);
    // Neither copy is ours: the join is still named, since it alone breaks the receiver's parsing.
    const neither = run({ provider: 'transcodely', secrets: ['not-the-secret'], headers, body: BODY });
    expect(neither).toContainEqual(
      expect.objectContaining({
        code: 'duplicate-header',
        message: expect.stringContaining('2 comma-joined copies of the header (Node\'s req.headers joins a repeated header with ", "), and no copy alone matches the secret either'),
      }),
    );
  });

  it('identical copies (a proxy repeating the header): both named, one finding', () => {
    const signed = sender('github', same, S, BODY);
    const headers = { ...signed.headers, 'X-Hub-Signature-256': `${signed.headers['X-Hub-Signature-256']}, ${signed.headers['X-Hub-Signature-256']}` };
    const findings = run({ provider: 'github', secrets: [S], headers, body: BODY });
    expect(findings).toEqual([expect.objectContaining({ code: 'duplicate-header', message: expect.stringContaining('the 1st and 2nd copies are each the valid signature') })]);
  });

  it('Stripe: `t=..,v1=.., t=..,v1=..` is two joined copies', () => {
    const signed = sender('stripe', same, S, BODY);
    const headers = { 'Stripe-Signature': `${signed.signature}, ${otherSig('stripe', 'other', NOW_S + 5)}` };
    const [f, ...rest] = run({ provider: 'stripe', secrets: [S], headers, body: BODY });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ code: 'duplicate-header', message: expect.stringContaining('the 1st copy is the valid signature'), hint: expect.stringMatching(HINT) });
  });

  it('Stripe: one header with several v1 entries (its own comma list) is no duplicate', () => {
    const v1 = (s: string) => otherSig('stripe', s).split(',v1=')[1];
    const headers = { 'Stripe-Signature': `t=${NOW_S},v1=${v1('a')},v1=${v1('b')}` };
    expect(codes({ provider: 'stripe', secrets: [S], headers, body: BODY })).not.toContain('duplicate-header');
    expect(verified('stripe', ['a'], headers).findings).toEqual([]);
  });

  it('Standard Webhooks: `v1,a, v1,b` is two joined copies; `v1,a v1,b` (its own list) is not', () => {
    const signed = sender('standard-webhooks', same, SW, BODY);
    const other = otherSig('standard-webhooks', 'whsec_b3RoZXItc2VjcmV0LW90aGVyLXNlY3JldA==');
    const joined = { ...signed.headers, 'webhook-signature': `${signed.signature}, ${other}` };
    expect(run({ provider: 'standard-webhooks', secrets: [SW], headers: joined, body: BODY })).toEqual([
      { code: 'duplicate-header', message: expect.stringContaining('the 1st copy is the valid signature'), hint: expect.stringMatching(HINT) },
    ]);
    const list = { ...signed.headers, 'webhook-signature': `${other} ${other}` };
    expect(codes({ provider: 'standard-webhooks', secrets: [SW], headers: list, body: BODY })).not.toContain('duplicate-header');
  });

  it('a verification that passed still reports the signature header arriving twice, and which copy is valid', () => {
    const signed = sender('standard-webhooks', same, SW, BODY);
    const other = otherSig('standard-webhooks', 'whsec_b3RoZXItc2VjcmV0LW90aGVyLXNlY3JldA==');
    // Two header lines, as a capture keeps them: the joined value still verifies (the 2nd entry matches).
    const lines: [string, string][] = [...Object.entries(signed.headers).filter(([k]) => k !== 'webhook-signature'), ['webhook-signature', other], ['webhook-signature', signed.signature]];
    const { result, findings } = verified('standard-webhooks', [SW], lines);
    expect(result.ok).toBe(true);
    expect(findings).toEqual([
      {
        code: 'duplicate-header',
        message: expect.stringMatching(
          /^the signature verifies as read here, but webhook-signature arrives 2 times .*: the 2nd copy is the valid signature, and a receiver that parses the joined value strictly rejects it$/,
        ),
        hint: expect.stringMatching(HINT),
      },
    ]);
    // The same copies as Node's joined value.
    const joined = verified('stripe', [S], { 'Stripe-Signature': `${otherSig('stripe', 'other', NOW_S - 5)}, ${sender('stripe', same, S, BODY).signature}` });
    expect(joined.result.ok).toBe(true);
    expect(joined.findings).toEqual([expect.objectContaining({ code: 'duplicate-header', message: expect.stringContaining('2 comma-joined copies') })]);
    // Sent once: nothing to say about a valid request.
    expect(verified('standard-webhooks', [SW], signed.headers).findings).toEqual([]);
  });

  it("splitJoined tells a join from the format's own list", () => {
    expect(splitJoined({ style: 'prefixed', prefix: 'sha256=' }, 'sha256=a, sha256=b')).toEqual(['sha256=a', 'sha256=b']);
    expect(splitJoined({ style: 'prefixed', prefix: 'sha256=' }, 'sha256=a')).toBeUndefined();
    expect(splitJoined({ style: 'prefixed', prefix: 'v1,', separator: ' ' }, 'v1,a v1,b, v1,c')).toEqual(['v1,a v1,b', 'v1,c']);
    expect(splitJoined({ style: 'prefixed', prefix: 'v1,', separator: ' ' }, 'v1,a v1,b')).toBeUndefined();
    const stripe = { style: 'kv', separator: ',', timestampKey: 't', signatureKey: 'v1' } as const;
    expect(splitJoined(stripe, 't=1,v1=a, t=2,v1=b')).toEqual(['t=1,v1=a', 't=2,v1=b']);
    expect(splitJoined(stripe, 't=1,v1=a,v1=b')).toBeUndefined();
    expect(splitJoined(stripe, 't=1, v1=a, v1=b')).toBeUndefined();
    expect(splitJoined({ style: 'kv', separator: ';', timestampKey: 'ts', signatureKey: 'h1' }, 'ts=1;h1=a, ts=2;h1=b')).toEqual(['ts=1;h1=a', 'ts=2;h1=b']);
    // A custom format that lists its entries with commas: a join cannot be told from the list.
    expect(splitJoined({ style: 'prefixed', prefix: 'sha256=', separator: ',' }, 'sha256=a, sha256=b')).toBeUndefined();
  });
});
