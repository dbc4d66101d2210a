import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCapture, storeWith, withBody } from '../captures/helpers.js';
import { runCli } from '../support/cli.js';
import { runInProcess } from '../support/inproc.js';
import { startServer, type Received, type TestServer } from '../support/server.js';

const TRANSCODELY_SECRET = 'whsec_your_signing_secret';
const SW_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const HOUR = 3_600_000;
const lines = (s: string) => s.trim().split('\n').filter(Boolean);
const json = (s: string) => lines(s).map((l) => JSON.parse(l) as Record<string, any>);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Transcodely's documented TypeScript verifier, verbatim but for the secret (seed 002). */
function transcodelyDocVerify(body: string, signature: string, timestamp: string): boolean {
  const age = Math.abs(Date.now() / 1000 - parseInt(timestamp, 10));
  if (age > 300) return false;
  const signedPayload = `${timestamp}.${body}`;
  const expected = createHmac('sha256', TRANSCODELY_SECRET).update(signedPayload).digest('hex');
  const expectedSig = `sha256=${expected}`;
  return timingSafeEqual(Buffer.from(expectedSig), Buffer.from(signature));
}

const receivers = {
  transcodely: (r: Received) => transcodelyDocVerify(r.body.toString(), String(r.headers['x-transcodely-signature']), String(r.headers['x-transcodely-timestamp'])),
  'standard-webhooks': (r: Received) => {
    try {
      new Webhook(SW_SECRET).verify(r.body.toString(), r.headers as Record<string, string>);
      return true;
    } catch {
      return false;
    }
  },
};

describe("hookctl replay against receivers that use the provider's own verification code", () => {
  let server: TestServer;
  let dir: string;
  const now = Date.now();
  const body = '{"event":"job.completed","job":{"id":"job_1","status":"completed"},"timestamp":"2025-01-01T00:00:00Z"}';
  const stale = {
    transcodely: makeCapture({ provider: 'transcodely', secret: TRANSCODELY_SECRET, body, event: 'job.completed', at: now - HOUR, extraHeaders: [['X-Transcodely-Delivery-ID', 'dlv_original']] }),
    'standard-webhooks': makeCapture({ provider: 'standard-webhooks', secret: SW_SECRET, body: '{"type":"user.created","data":{"id":"u_1"}}', event: 'user.created', at: now - HOUR + 1000 }),
  };
  beforeAll(async () => {
    server = await startServer((r, res) => {
      const provider = r.url.includes('transcodely') ? 'transcodely' : 'standard-webhooks';
      let ok = false;
      try {
        ok = receivers[provider](r);
      } catch {
        res.statusCode = 500;
        res.end('crash');
        return;
      }
      res.statusCode = ok ? 200 : 401;
      res.end(ok ? 'ok' : 'invalid signature');
    });
    dir = await storeWith(Object.values(stale));
  });
  afterAll(() => server.close());

  for (const provider of ['transcodely', 'standard-webhooks'] as const) {
    it(`${provider}: a stale capture is rejected as captured, with the --resign hint; accepted with --resign`, async () => {
      const c = stale[provider];
      const before = server.received.length;
      const asIs = await runCli(['replay', c.id, '--to', server.url, '--store', dir]);
      expect(asIs.code).toBe(0);
      expect(server.received.at(-1)?.body.equals(c.body)).toBe(true);
      expect(asIs.stdout).toMatch(new RegExp(`✘ ${c.id}\\s+${provider}\\s+\\S+\\s+200\\s+401 `));
      expect(asIs.stdout).toMatch(/hint: the capture's signed timestamp is 3\d{3} s old and .* accepts ±300 s: .* pass --resign/);

      const secret = provider === 'transcodely' ? TRANSCODELY_SECRET : SW_SECRET;
      const resigned = await runInProcess(['replay', c.id, '--to', server.url, '--store', dir, '--resign', '--secret', secret, '--json', '--expect', '2xx']);
      expect(resigned.code).toBe(0);
      const [out] = json(resigned.stdout);
      expect(out).toMatchObject({ id: c.id, provider, resigned: true, originalStatus: 200, status: 200, expectMet: true, bodySha256: c.bodySha256 });
      expect(out?.timestamp).toBeGreaterThan(Math.floor(now / 1000) - 5);
      const got = server.received.at(-1) as Received;
      expect(server.received.length).toBe(before + 2);
      expect(got.body.equals(c.body)).toBe(true);
      if (provider === 'transcodely') expect(got.headers['x-transcodely-delivery-id']).toMatch(/^dlv_(?!original)/);
      else expect(got.headers['webhook-id']).not.toBe(c.headers.find(([k]) => k === 'webhook-id')?.[1]);
    });
  }

  it('--set edits the JSON body before re-signing; the receiver accepts the edited delivery', async () => {
    const r = await runInProcess([
      'replay',
      stale.transcodely.id,
      '--to',
      server.url,
      '--store',
      dir,
      '--resign',
      '--secret',
      TRANSCODELY_SECRET,
      '--set',
      'job.status=failed',
      '--set',
      'job.id="42"',
      '--json',
    ]);
    expect(json(r.stdout)[0]).toMatchObject({ status: 200, edited: true });
    expect(JSON.parse(server.received.at(-1)!.body.toString()).job).toEqual({ id: '42', status: 'failed' });
  });

  it('--expect not met exits 1; a target that is down exits 3 with a hint', async () => {
    const r = await runInProcess(['replay', stale.transcodely.id, '--to', server.url, '--store', dir, '--expect', '2xx']);
    expect(r.code).toBe(1);
    const [error, hint] = lines(r.stderr).slice(-2);
    expect(error).toBe('✗ the response did not match --expect 2xx (got 401)');
    expect(hint).toMatch(/^  hint: .*pass --resign/);
    const down = await runInProcess(['replay', 'last', '--to', 'localhost:1', '--store', dir]);
    expect(down.code).toBe(3);
    expect(lines(down.stderr).slice(-2)).toEqual(['✗ connection refused by localhost:1', '  hint: nothing is listening on localhost:1 — is your server running?']);
  });

  it('--expect with nothing selected fails (exit 1) instead of passing an empty run; a misspelt --provider is exit 2', async () => {
    const none = await runInProcess(['replay', '--since', '1s', '--to', server.url, '--store', dir, '--expect', '2xx']);
    expect(none.code).toBe(1);
    expect(lines(none.stderr)[0]).toBe('✗ no captures match: nothing replayed, so --expect 2xx is not met');
    const typo = await runInProcess(['replay', '--all', '--provider', 'strpe', '--to', server.url, '--store', dir]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/unknown provider "strpe"[\s\S]*did you mean "stripe"/);
  });
});

describe('hookctl replay without --resign', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it('delivers byte-identical bodies and the captured headers in their original order', async () => {
    const now = Date.now();
    const base = { provider: 'github', secret: 'gh', at: now - 10_000, body: '{}' };
    const captures = [
      makeCapture({
        ...base,
        body: '{"zen":"Keep it logically awesome.","hook_id":1}',
        extraHeaders: [
          ['X-GitHub-Event', 'ping'],
          ['x-lower-case', 'kept'],
          ['X-Dup', 'one'],
          ['X-Dup', 'two'],
        ],
      }),
      withBody(makeCapture({ ...base, at: now - 9_000 }), Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00, 0x0d, 0x0a, 0xff])),
      withBody(makeCapture({ ...base, at: now - 8_000 }), '{\r\n  "pretty": "Zoë",\r\n  "n": 1.0\r\n}\r\n'),
    ];
    const dir = await storeWith(captures);
    const r = await runInProcess(['replay', '--all', '--to', `${server.url}/hooks`, '--store', dir, '--json', '--concurrency', '2']);
    expect(r.code).toBe(0);
    const out = json(r.stdout);
    expect(out).toHaveLength(3);
    for (const o of out) expect(o.bodySha256).toBe(o.originalBodySha256);
    const received = new Map(server.received.map((x) => [sha256(x.body), x]));
    for (const c of captures) {
      const got = received.get(c.bodySha256);
      expect(got, `body of ${c.id} arrived unchanged`).toBeDefined();
      expect(got!.url).toBe('/hooks');
      const pairs = (raw: string[]) => raw.flatMap((v, i) => (i % 2 ? [] : [[v, raw[i + 1]]])).filter(([k]) => !['host', 'connection', 'content-length'].includes(k!.toLowerCase()));
      expect(pairs(got!.rawHeaders)).toEqual(c.headers.filter(([k]) => !['host', 'content-length'].includes(k.toLowerCase())));
    }
  });

  it('--delay spaces the requests; the capture path is kept when --to has none', async () => {
    const now = Date.now();
    const dir = await storeWith([0, 1, 2].map((i) => makeCapture({ provider: 'changethisfile', secret: 'x', body: `{"n":${i}}`, at: now - 5000 + i, path: `/webhooks/ctf?n=${i}` })));
    const before = server.received.length;
    // The spacing itself is runJobs' (test/replay/run.test.ts, on a fake clock): here, the order and the paths.
    const r = await runInProcess(['replay', '--since', '1m', '--to', `127.0.0.1:${server.port}`, '--delay', '300', '--store', dir]);
    expect(r.code).toBe(0);
    expect(server.received.slice(before).map((x) => x.url)).toEqual(['/webhooks/ctf?n=0', '/webhooks/ctf?n=1', '/webhooks/ctf?n=2']);
    expect(r.stdout.split('\n')[0]).toMatch(/^\s+CAPTURE\s+PROVIDER\s+EVENT\s+WAS\s+NOW\s+TIME\s+SENT$/);
  });

  it('columns fit the longest provider and event; a capture nothing identified shows no provider', async () => {
    const now = Date.now();
    const signed = makeCapture({
      provider: 'standard-webhooks',
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      body: '{"type":"subscription.payment_method.updated.long"}',
      event: 'subscription.payment_method.updated.long',
      at: now - 2000,
      status: 200,
    });
    const plain = makeCapture({ provider: 'github', secret: 'x', body: '{"hello":1}', at: now - 1000, status: 200 });
    const unknown = { ...plain, provider: undefined, event: undefined, headers: plain.headers.filter(([k]) => !/^x-hub/i.test(k)) };
    const dir = await storeWith([signed, unknown]);
    const human = await runInProcess(['replay', '--all', '--to', server.url, '--store', dir]);
    const [header, ...rows] = human.stdout.trimEnd().split('\n');
    const was = header!.indexOf('WAS');
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.slice(was, was + 4)).toBe('200 ');
    expect(rows[0]).toContain(' standard-webhooks ');
    expect(rows[1]).toMatch(new RegExp(`^✔ ${unknown.id}\\s+-\\s+-\\s+200`));
    const out = json((await runInProcess(['replay', '--all', '--to', server.url, '--store', dir, '--json'])).stdout);
    expect(out.map((o) => o.provider)).toEqual(['standard-webhooks', null]);
  });

  it('bad input exits 2 with one line: unknown id, no selection, no target, a bad --set', async () => {
    const dir = await storeWith([makeCapture({ provider: 'github', secret: 'x', body: '{"a":1}', at: Date.now() })]);
    const cases: [string[], RegExp][] = [
      [['replay', 'zzzz', '--to', server.url], /no capture "zzzz"/],
      [['replay', '--to', server.url], /which captures\? none given/],
      [['replay', 'last'], /where to\? no target given/],
      [['replay', 'last', '--to', server.url, '--resign', '--set', 'b.c=1'], /--set b\.c: no "b" in \(root\)/],
      [['replay', '../../etc/passwd', '--to', server.url], /is not an HTTP request/],
    ];
    for (const [args, message] of cases) {
      // From `/` the escaping path resolves to /etc/passwd wherever the repo is cloned.
      const r = await runInProcess([...args, '--store', dir], { cwd: '/' });
      expect(r.code, args.join(' ')).toBe(2);
      const err = lines(r.stderr).filter((l) => !l.startsWith('! '));
      expect(err[0]).toMatch(message);
      expect(err.length).toBeLessThanOrEqual(2);
    }
  });
});
