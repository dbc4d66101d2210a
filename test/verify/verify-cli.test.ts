import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeCapture } from '../../src/core/store/index.js';
import { makeCapture, storeWith, tempDir, withBody } from '../captures/helpers.js';
import { runCli } from '../support/cli.js';
import { runInProcess } from '../support/inproc.js';

const SECRET = 'whsec_verify_cli_secret';
const BODY = '{"event":"job.completed","job":{"id":"job_1","name":"Zoë"}}';
const lines = (s: string) => s.trim().split('\n').filter(Boolean);
const json = (s: string) => lines(s).map((l) => JSON.parse(l) as Record<string, any>);

/** One `✗ message` line and its hint, never a stack trace. */
function expectOneLineError(r: { code: number | null; stderr: string }, message: RegExp) {
  expect(r.code).toBe(2);
  const err = lines(r.stderr);
  expect(err[0]).toMatch(/^✗ /);
  expect(err[0]).toMatch(message);
  expect(err.length).toBeLessThanOrEqual(2);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

const wholeSecond = (ms: number) => Math.floor(ms / 1000) * 1000;

describe('hookctl verify over the capture store', () => {
  let dir: string;
  // A whole second: signatures carry whole seconds, so ages come out exact (4 s, not 4.0-4.999 rounded).
  const now = Math.floor(Date.now() / 1000) * 1000;
  beforeAll(async () => {
    dir = await storeWith([
      makeCapture({ provider: 'transcodely', secret: SECRET, body: BODY, event: 'job.completed', at: now - 3_600_000, signedAt: now - 7_200_000 }),
      makeCapture({ provider: 'github', secret: 'wrong', body: '{"zen":"hi"}', at: now - 60_000 }),
      // Received on a whole second, signed exactly 4 s before: its age as of receipt is 4 s, not 4.x rounded.
      makeCapture({ provider: 'transcodely', secret: SECRET, body: BODY, event: 'job.completed', at: wholeSecond(now - 1_000), signedAt: wholeSecond(now - 1_000) - 4_000 }),
    ]);
  });

  it('verify last passes: ✔, the scheme, which secret matched (masked), the timestamp age', async () => {
    const r = await runInProcess(['verify', 'last', '--store', dir, '--secret', 'whsec_other', '--secret', SECRET]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^✔ valid .*transcodely .*X-Transcodely-Signature: sha256=<hex> over \{timestamp\}\.\{body\}/);
    expect(r.stdout).toMatch(/secret\s+#2 of 2 whsec_ve…et \(23 chars\), from --secret/);
    // Judged as of its receive time: signed 4 s before it arrived.
    expect(r.stdout).toMatch(/timestamp\s+\d+, 4 s ago \(tolerance ±300 s\)/);
    expect(r.stdout).not.toContain(SECRET);
  });

  it('--json: the provider detected from the headers, the secret index, no diagnosis', async () => {
    const r = await runInProcess(['verify', 'last', '--store', dir, '--json'], { env: { HOOKCTL_SECRET: SECRET } });
    expect(r.code).toBe(0);
    expect(json(r.stdout)).toEqual([expect.objectContaining({ ok: true, provider: 'transcodely', providerFrom: 'headers', secretIndex: 0, secretSource: 'env', diagnosis: [] })]);
  });

  it('a stale capture fails with timestamp-too-old and the timestamp-stale diagnosis (exit 1)', async () => {
    const list = await runInProcess(['captures', 'list', '--store', dir, '--json']);
    const oldest = json(list.stdout).at(-1)?.id as string;
    const r = await runInProcess(['verify', oldest, '--store', dir, '--secret', SECRET, '--json']);
    expect(r.code).toBe(1);
    const [out] = json(r.stdout);
    expect(out).toMatchObject({ ok: false, reason: 'timestamp-too-old', diagnosis: [{ code: 'timestamp-stale' }] });
    expect(out?.diagnosis[0].message).toMatch(/^valid signature, but the timestamp is 36\d\d s old \(tolerance 300 s\)$/);
    const off = await runInProcess(['verify', oldest.slice(0, 14), '--store', dir, '--secret', SECRET, '--tolerance', '0']);
    expect(off.code).toBe(0);
    expect(off.stdout).toMatch(/timestamp\s+\d+, 36\d\d s ago \(tolerance off\)/);
    const wide = await runInProcess(['verify', oldest.slice(0, 14), '--store', dir, '--secret', SECRET, '--tolerance', '7200']);
    expect(wide.stdout).toMatch(/\(tolerance ±7200 s\)/);
  });

  it('a wrong secret fails with no-match and says no known cause reproduces it', async () => {
    const list = json((await runInProcess(['captures', 'list', '--store', dir, '--json', '--provider', 'github'])).stdout);
    const r = await runInProcess(['verify', list[0]?.id, '--store', dir, '--secret', 'right']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^✘ invalid .*github\s+no-match: the signature does not match this body with the secret/);
    expect(r.stdout).toMatch(/why\s+no known cause reproduces the signature/);
  });

  it('a capture file of several captures verifies each; exit 1 when any fails', async () => {
    const file = join(tempDir(), 'all.ndjson');
    writeFileSync(file, (await runInProcess(['captures', 'export', '--store', dir])).stdout);
    const r = await runInProcess(['verify', file, '--secret', SECRET, '--json']);
    expect(r.code).toBe(1);
    expect(json(r.stdout).map((o) => o.ok)).toEqual([false, false, true]);
  });
});

describe('hookctl verify: diagnosis end to end', () => {
  it('a body re-serialized after signing: body-reserialized-compact, in --json too', async () => {
    const signed = makeCapture({ provider: 'changethisfile', secret: 'ctf_secret', body: BODY, at: Date.now() });
    const c = withBody(signed, JSON.stringify(JSON.parse(BODY), null, 2));
    const dir = await storeWith([c]);
    const r = await runInProcess(['verify', 'last', '--store', dir, '--secret', 'ctf_secret', '--json']);
    expect(r.code).toBe(1);
    expect(json(r.stdout)[0]).toMatchObject({
      reason: 'no-match',
      diagnosis: [
        { code: 'body-reserialized-compact', message: 'the signature matches the body re-serialized as compact JSON: something between the wire and your verifier parsed and re-stringified it' },
      ],
    });
    const human = await runInProcess(['verify', 'last', '--store', dir, '--secret', 'ctf_secret']);
    expect(human.stdout).toMatch(/why\s+the signature matches the body re-serialized as compact JSON.*\[body-reserialized-compact\]/);
  });

  it('a whsec_ secret decoded by the sender, and a secret read with a trailing newline', async () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const sw = makeCapture({ provider: 'standard-webhooks', secret, body: BODY, at: Date.now() });
    const dir = await storeWith([sw]);
    // Verified as Transcodely (literal secret) it only matches decoded: but the headers say Standard Webhooks,
    // so force the scheme with a custom provider that uses the literal key.
    const cwd = tempDir();
    writeFileSync(join(cwd, '.hookctlrc.json'), JSON.stringify({ providers: [{ id: 'sw-literal', extends: 'standard-webhooks', scheme: { ...swScheme(), secret: { encoding: 'utf8' } } }] }));
    const r = await runInProcess(['verify', 'last', '--store', dir, '--provider', 'sw-literal', '--secret', secret, '--json'], { cwd });
    expect(json(r.stdout)[0]?.diagnosis[0]).toMatchObject({ code: 'secret-base64-decoded' });
    const nl = await runInProcess(['verify', 'last', '--store', dir, '--secret', `${secret}\n`, '--json']);
    expect(json(nl.stdout)[0]?.diagnosis[0]).toMatchObject({ code: 'secret-trailing-whitespace', message: 'the signature matches with the trailing newline removed from the secret' });
  });
});

function swScheme() {
  return {
    content: '{id}.{timestamp}.{body}',
    signatures: [{ header: 'webhook-signature', algorithm: 'sha256', encoding: 'base64', format: { style: 'prefixed', prefix: 'v1,', separator: ' ' } }],
    timestamp: { source: 'header', header: 'webhook-timestamp', unit: 's', tolerance: { pastSec: 300, futureSec: 300 } },
    id: { header: 'webhook-id', prefix: 'msg_' },
  };
}

describe('hookctl verify: raw requests and ad hoc input', () => {
  it('`-` reads a raw HTTP request on stdin (chunked), byte-exact', async () => {
    // GitHub's documented vector.
    const raw =
      'POST /hooks HTTP/1.1\r\nX-Hub-Signature-256: sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nHello\r\n8\r\n, World!\r\n0\r\n\r\n';
    const r = await runCli(['verify', '-', '--secret', "It's a Secret to Everybody"], { input: raw });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^✔ valid\s+github/);
  });

  it('--body and --header verify ad hoc; the missing prefix is diagnosed', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'body.txt'), 'Hello, World!');
    const ok = await runInProcess(
      ['verify', '--body', 'body.txt', '-H', 'X-Hub-Signature-256: sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17', '--secret', "It's a Secret to Everybody"],
      { cwd },
    );
    expect(ok.code).toBe(0);
    const bare = await runInProcess(
      [
        'verify',
        '--body',
        'body.txt',
        '--provider',
        'github',
        '-H',
        'X-Hub-Signature-256: 757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17',
        '--secret',
        "It's a Secret to Everybody",
        '--json',
      ],
      { cwd },
    );
    expect(bare.code).toBe(1);
    expect(json(bare.stdout)[0]).toMatchObject({
      reason: 'malformed-signature',
      diagnosis: [{ code: 'missing-prefix', message: 'the header has no `sha256=` prefix; the signature itself is right' }],
    });
  });

  it('a custom provider that extends a built-in is detected over it, with its own configured secret', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, '.hookctlrc.json'), JSON.stringify({ providers: [{ id: 'my-github', extends: 'github' }], secrets: { 'my-github': "It's a Secret to Everybody" } }));
    writeFileSync(join(cwd, 'body.txt'), 'Hello, World!');
    const r = await runInProcess(['verify', '--body', 'body.txt', '-H', 'X-Hub-Signature-256: sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17', '--json'], { cwd });
    expect(json(r.stdout)[0]).toMatchObject({ ok: true, provider: 'my-github', providerFrom: 'headers', secretSource: 'config' });
    expect(r.code).toBe(0);
  });

  it('warns on stderr when it falls back to the default provider and its development secret', async () => {
    const r = await runInProcess(['verify', '-'], { input: 'POST / HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no known signature header: checking as transcodely');
    expect(r.stderr).toContain('development secret');
    expect(r.stdout).toMatch(/missing-signature/);
  });
});

describe('hookctl verify: bad input exits 2 with one line', () => {
  let dir: string;
  let record: Buffer;
  beforeAll(async () => {
    const c = makeCapture({ provider: 'transcodely', secret: SECRET, body: BODY, at: Date.now() });
    dir = await storeWith([c]);
    record = Buffer.from(encodeCapture(c));
  });

  it('an unknown id', async () => {
    expectOneLineError(await runInProcess(['verify', 'zzzzzzzz', '--store', dir]), /no capture "zzzzzzzz"/);
  });

  it('a path that escapes the store', async () => {
    // From `/` the path resolves to /etc/passwd wherever the repo is cloned.
    expectOneLineError(await runInProcess(['verify', '../../etc/passwd', '--store', dir], { cwd: '/' }), /is not an HTTP request/);
    expectOneLineError(await runInProcess(['captures', 'show', '../../etc/passwd', '--store', dir], { cwd: '/' }), /"..\/..\/etc\/passwd" is not a capture id/);
  });

  it('a missing file', async () => {
    expectOneLineError(await runInProcess(['verify', 'nope/capture.ndjson']), /cannot read nope\/capture.ndjson: no such file/);
  });

  it('a truncated capture file', async () => {
    const file = join(tempDir(), 'torn.ndjson');
    writeFileSync(file, record.subarray(0, record.length - 30));
    expectOneLineError(await runInProcess(['verify', file]), /is not a readable capture file: incomplete last record/);
  });

  it('a hand-edited capture file', async () => {
    const file = join(tempDir(), 'edited.ndjson');
    writeFileSync(file, Buffer.from(record.toString('utf8').replace('job_1', 'job_2')));
    expectOneLineError(await runInProcess(['verify', file]), /is not a readable capture file: checksum mismatch/);
    expect(readFileSync(file, 'utf8')).toContain('job_2');
  });

  it('a truncated raw request on stdin, and nothing to verify', async () => {
    expectOneLineError(await runInProcess(['verify', '-'], { input: 'POST / HTTP/1.1\r\nContent-Length: 99\r\n\r\n{}' }), /stdin is not an HTTP request: the body is truncated/);
    expectOneLineError(await runInProcess(['verify']), /nothing to verify/);
    expectOneLineError(await runInProcess(['verify', 'last', '--tolerance', 'soon', '--store', dir]), /--tolerance "soon"/);
  });
});
