import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getProvider } from '../../src/core/providers/registry.js';
import { signWithScheme } from '../../src/core/signing/index.js';
import { tempDir } from '../captures/helpers.js';
import { runInProcess } from '../support/inproc.js';

const BODY = '{"event":"job.completed","job":{"id":"job_1","name":"Zoë"}}';
const SW_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const SW_OTHER = 'whsec_b3RoZXItc2VjcmV0LW90aGVyLXNlY3JldA==';
const SECRET = 'whsec_duplicate_header_secret';
const HINT = /req\.rawHeaders.*headersDistinct.*proxy/;
const json = (s: string) =>
  s
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, any>);

/** What the provider's sender writes for BODY now, with this secret (a second copy uses another secret). */
function sign(provider: string, secret: string, at = Math.floor(Date.now() / 1000)) {
  return signWithScheme(getProvider(provider).scheme, { secret, body: BODY, timestamp: at, id: 'msg_dup_1' });
}
const h = (headers: Record<string, string>) => Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]);

describe('hookctl verify: the signature header Node joined from two copies (duplicate-header)', () => {
  let body: string;
  beforeAll(() => {
    body = join(tempDir(), 'b.json');
    writeFileSync(body, BODY);
  });
  const verify = (provider: string, secret: string, headers: Record<string, string>, ...more: string[]) =>
    runInProcess(['verify', '--provider', provider, '--secret', secret, '--body', body, ...h(headers), ...more]);

  it('transcodely `sha256=<good>, sha256=<other>`: duplicate-header names the valid copy and how to fix it', async () => {
    const good = sign('transcodely', SECRET);
    const other = sign('transcodely', 'another-secret').signature;
    const headers = { ...good.headers, 'X-Transcodely-Signature': `${good.signature}, ${other}` };
    const r = await verify('transcodely', SECRET, headers, '--json');
    expect(r.code).toBe(1);
    const [out] = json(r.stdout);
    expect(out).toMatchObject({ ok: false, reason: 'malformed-signature' });
    expect(out?.diagnosis).toEqual([
      {
        code: 'duplicate-header',
        message: expect.stringMatching(/X-Transcodely-Signature holds 2 comma-joined copies .*; the 1st copy is the valid signature/),
        hint: expect.stringMatching(HINT),
      },
    ]);

    const swapped = await verify('transcodely', SECRET, { ...headers, 'X-Transcodely-Signature': `${other}, ${good.signature}` });
    expect(swapped.code).toBe(1);
    expect(swapped.stdout).toMatch(/why\s+X-Transcodely-Signature holds 2 comma-joined copies .*the 2nd copy is the valid signature \[duplicate-header\]/);
    expect(swapped.stdout).toMatch(/hint: verify each copy from the raw header list \(req\.rawHeaders, or req\.headersDistinct\['x-transcodely-signature'\]\)/);
  });

  it('stripe `t=..,v1=<good>, t=..,v1=<other>` is a joined duplicate; one header with two v1 entries is not', async () => {
    const now = Math.floor(Date.now() / 1000);
    const good = sign('stripe', SECRET, now - 2).signature;
    const other = sign('stripe', 'another-secret', now).signature;
    const joined = await verify('stripe', SECRET, { 'Stripe-Signature': `${good}, ${other}` }, '--json');
    expect(joined.code).toBe(1);
    expect(json(joined.stdout)[0]).toMatchObject({
      ok: false,
      diagnosis: [{ code: 'duplicate-header', message: expect.stringContaining('the 1st copy is the valid signature'), hint: expect.stringMatching(HINT) }],
    });

    // Stripe's own comma list: t=, then one v1= per secret. Valid, nothing to report.
    const v1 = (sig: string) => sig.slice(sig.indexOf(',v1=') + 4);
    const list = `t=${now},v1=${v1(sign('stripe', 'another-secret', now).signature)},v1=${v1(sign('stripe', SECRET, now).signature)}`;
    const ok = await verify('stripe', SECRET, { 'Stripe-Signature': list }, '--json');
    expect(ok.code).toBe(0);
    expect(json(ok.stdout)[0]).toMatchObject({ ok: true, diagnosis: [] });
    const wrong = await verify('stripe', 'yet-another-secret', { 'Stripe-Signature': list }, '--json');
    expect(wrong.code).toBe(1);
    expect(json(wrong.stdout)[0]?.diagnosis.map((f: { code: string }) => f.code)).not.toContain('duplicate-header');
  });

  it('standard-webhooks `v1,<good>, v1,<other>` is a joined duplicate; its space-separated list is not', async () => {
    const good = sign('standard-webhooks', SW_SECRET);
    const other = sign('standard-webhooks', SW_OTHER).signature;
    const r = await verify('standard-webhooks', SW_SECRET, { ...good.headers, 'webhook-signature': `${good.signature}, ${other}` }, '--json');
    expect(r.code).toBe(1);
    expect(json(r.stdout)[0]).toMatchObject({
      ok: false,
      diagnosis: [
        { code: 'duplicate-header', message: expect.stringMatching(/webhook-signature holds 2 comma-joined copies .*the 1st copy is the valid signature/), hint: expect.stringMatching(HINT) },
      ],
    });

    const list = await verify('standard-webhooks', SW_OTHER.replace('b3', 'c3'), { ...good.headers, 'webhook-signature': `${good.signature} ${other}` }, '--json');
    expect(list.code).toBe(1);
    expect(json(list.stdout)[0]?.diagnosis.map((f: { code: string }) => f.code)).not.toContain('duplicate-header');
  });

  it('two signature header lines in a raw request (as a capture keeps them): the receiver sees them joined', async () => {
    const good = sign('transcodely', SECRET);
    const other = sign('transcodely', 'another-secret').signature;
    const raw = [
      'POST /webhooks/transcodely HTTP/1.1',
      'Host: localhost',
      'Content-Type: application/json',
      `X-Transcodely-Timestamp: ${good.headers['X-Transcodely-Timestamp']}`,
      `X-Transcodely-Signature: ${other}`,
      `X-Transcodely-Signature: ${good.signature}`,
      `Content-Length: ${Buffer.byteLength(BODY)}`,
      '',
      BODY,
    ].join('\r\n');
    const r = await runInProcess(['verify', '-', '--secret', SECRET, '--json'], { input: raw });
    expect(r.code).toBe(1);
    expect(json(r.stdout)[0]).toMatchObject({
      ok: false,
      provider: 'transcodely',
      reason: 'malformed-signature',
      diagnosis: [{ code: 'duplicate-header', message: expect.stringMatching(/X-Transcodely-Signature arrives 2 times .*the 2nd copy is the valid signature/), hint: expect.stringMatching(HINT) }],
    });
  });

  it('two -H lines with --body are two header lines (not an override): the joined copies fail as a receiver would', async () => {
    const good = sign('transcodely', SECRET);
    const other = sign('transcodely', 'another-secret').signature as string;
    const r = await verify('transcodely', SECRET, good.headers, '-H', `X-Transcodely-Signature: ${other}`, '--json');
    expect(r.code).toBe(1);
    expect(json(r.stdout)[0]?.diagnosis[0]).toMatchObject({ code: 'duplicate-header' });
  });

  it('a joined header the scheme still accepts passes, with a duplicate-header warning on the ✔ line', async () => {
    const good = sign('standard-webhooks', SW_SECRET);
    const other = sign('standard-webhooks', SW_OTHER).signature as string;
    const headers = { ...good.headers, 'webhook-signature': `${other}, ${good.signature}` };
    const r = await verify('standard-webhooks', SW_SECRET, headers);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^✔ valid/);
    expect(r.stdout).toMatch(/warning\s+.*\[duplicate-header\]/);
    const j = await verify('standard-webhooks', SW_SECRET, headers, '--json');
    expect(json(j.stdout)[0]).toMatchObject({ ok: true, diagnosis: [{ code: 'duplicate-header' }] });
  });
});
