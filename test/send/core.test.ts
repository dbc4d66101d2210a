import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { compileTemplate } from '../../src/core/delivery/compile.js';
import { applyEdits, buildDelivery, createDeliveryBuilder, judgeAttempt, mergeHeaders, parseEdit, parseExpect, planMode, quoteBody, Stats } from '../../src/core/delivery/index.js';
import { loadFixture, renderTemplate, serializeBody } from '../../src/core/templates/index.js';
import { BUILTIN_PROVIDERS, getProvider } from '../../src/core/providers/registry.js';
import { seededRandom } from '../../src/core/random.js';
import { verify } from '../../src/provider-api.js';

const NOW = 1_709_136_942_000;
const transcodely = getProvider('transcodely');
const hmacHex = (key: string, content: string | Buffer) => createHmac('sha256', key).update(content).digest('hex');
const header = (headers: [string, string][], name: string) => headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];

describe('compileTemplate', () => {
  it.each(BUILTIN_PROVIDERS.flatMap((p) => p.events.map((e) => [`${p.id}/${e.name}`, p, e] as const)))(
    '%s: the same bytes as renderTemplate + serializeBody, compact and pretty, random draws included',
    (_name, profile, event) => {
      const template = loadFixture(profile, event);
      const ctx = (seed: number) => ({ now: NOW, random: seededRandom(seed), event: event.name });
      for (const format of ['compact', 'pretty'] as const) {
        for (const seed of [1, 2]) expect(compileTemplate(template, format)(ctx(seed))).toBe(serializeBody(renderTemplate(template, ctx(seed)), format).toString('utf8'));
      }
    },
  );

  it('stays exact across a burst: clock values follow the clock, random draws stay in order', () => {
    const template = loadFixture(transcodely, transcodely.events[0]!);
    const render = compileTemplate(template);
    const [a, b] = [seededRandom(9), seededRandom(9)];
    for (const now of [NOW, NOW, NOW + 1500, NOW + 1500, NOW + 90_000]) {
      const ctx = { now, event: 'job.completed' };
      expect(render({ ...ctx, random: a })).toBe(serializeBody(renderTemplate(template, { ...ctx, random: b })).toString('utf8'));
    }
  });

  it('escapes literals and partial tokens as JSON does', () => {
    const template = { 'k"ey': 'a "{{event}}" \\ ✓ {{int:5:5}}', n: [1.5, null, true, '{{int:7:7}}'], e: {} };
    const ctx = { now: NOW, random: seededRandom(3), event: 'x"y' };
    expect(compileTemplate(template)(ctx)).toBe(JSON.stringify(renderTemplate(template, { ...ctx, random: seededRandom(3) })));
    expect(compileTemplate({ ...template, a: [], o: { x: [{}] } }, 'pretty')({ ...ctx, random: seededRandom(3) })).toBe(
      JSON.stringify(renderTemplate({ ...template, a: [], o: { x: [{}] } }, { ...ctx, random: seededRandom(3) }), null, 2),
    );
  });
});

describe('buildDelivery (the API test and replay reuse)', () => {
  const spec = { profile: transcodely, event: 'job.completed', secrets: ['s3cret'], now: NOW, random: seededRandom(7) };

  it('is deterministic for a seed and a clock, and signs exactly the bytes it returns', () => {
    const a = buildDelivery(spec);
    const b = buildDelivery({ ...spec, random: seededRandom(7) });
    expect(a).toEqual(b);
    expect(a.timestamp).toBe(NOW / 1000);
    expect(header(a.headers, 'X-Transcodely-Signature')).toBe(`sha256=${hmacHex('s3cret', `${NOW / 1000}.${a.body.toString()}`)}`);
    expect(a.signature).toBe(header(a.headers, 'X-Transcodely-Signature'));
    expect(a.deliveryId).toMatch(/^dlv_[a-z0-9]{12}$/);
    expect(header(a.headers, 'X-Transcodely-Delivery-ID')).toBe(a.deliveryId);
    expect(a.headers.map(([n]) => n)).toEqual(['Content-Type', 'User-Agent', 'X-Transcodely-Delivery-ID', 'X-Transcodely-Timestamp', 'X-Transcodely-Signature']);
  });

  it('re-signing a prepared delivery (a retry) keeps its id and body, with a fresh timestamp', () => {
    const builder = createDeliveryBuilder({ profile: transcodely, event: 'job.completed', secrets: ['s3cret'] });
    const prepared = builder.prepare({ now: NOW, random: seededRandom(1) });
    const first = builder.sign(prepared, NOW);
    const retry = builder.sign(prepared, NOW + 60_000);
    expect(retry.deliveryId).toBe(first.deliveryId);
    expect(retry.body).toBe(first.body);
    expect(retry.timestamp).toBe(first.timestamp! + 60);
    expect(verify({ provider: 'transcodely', secrets: 's3cret', headers: Object.fromEntries(retry.headers), body: retry.body, now: NOW + 60_000 }).ok).toBe(true);
  });

  it('Standard Webhooks: the signed webhook-id is the delivery id', () => {
    const d = buildDelivery({ ...spec, profile: getProvider('standard-webhooks'), event: 'user.created', secrets: ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'] });
    expect(d.deliveryId).toMatch(/^msg_[a-z0-9]{24}$/);
    expect(header(d.headers, 'webhook-id')).toBe(d.deliveryId);
  });

  it.each([
    ['invalid', 'no-match'],
    ['wrong-secret', 'no-match'],
    ['missing', 'missing-signature'],
    ['malformed', 'malformed-signature'],
    ['stale', 'timestamp-too-old'],
    ['future', 'timestamp-too-new'],
  ] as const)('--signature %s fails hookctl verify with %s', (mode, reason) => {
    const d = buildDelivery({ ...spec, mode });
    const result = verify({ provider: 'transcodely', secrets: 's3cret', headers: Object.fromEntries(d.headers), body: d.body, now: NOW });
    expect(result).toMatchObject({ ok: false, reason });
  });

  it('plans modes from the profile: no timestamp is an error, past-only future is a warning', () => {
    expect(() => planMode(getProvider('github'), 'stale')).toThrow(/github signs no timestamp/);
    expect(planMode(getProvider('stripe'), 'future')).toMatchObject({ offsetSec: 600, expectRejected: false, warning: expect.stringMatching(/only rejects old/) });
    expect(planMode(getProvider('paddle'), 'stale').offsetSec).toBe(-65);
    expect(planMode(getProvider('linear'), 'future').offsetSec).toBe(120);
  });
});

describe('edits, headers, expectations', () => {
  it('applyEdits sets JSON-typed values along existing paths only', () => {
    const doc = { a: { b: [{ c: 1 }] } };
    applyEdits(doc, ['a.b.0.c=2', 'a.b[0].c={"d":true}'].map(parseEdit));
    expect(doc).toEqual({ a: { b: [{ c: { d: true } }] } });
    expect(() => applyEdits(doc, [parseEdit('a.x=1')])).toThrow('--set a.x: no "x" in a');
    expect(() => applyEdits(doc, [parseEdit('a.b.c=1')])).toThrow('--set a.b.c: no "c" in a.b');
  });

  it('mergeHeaders replaces in place, appends, removes on an empty value', () => {
    expect(
      mergeHeaders(
        [
          ['A', '1'],
          ['B', '2'],
          ['b', '3'],
        ],
        [
          ['b', 'x'],
          ['C', '4'],
          ['a', ''],
        ],
      ),
    ).toEqual([
      ['b', 'x'],
      ['C', '4'],
    ]);
  });

  it('parseExpect takes classes, codes and lists', () => {
    expect([200, 204, 302].map(parseExpect('2xx').matches)).toEqual([true, true, false]);
    expect([400, 401, 403].map(parseExpect('400,401').matches)).toEqual([true, true, false]);
    expect(parseExpect('5XX').matches(undefined)).toBe(false);
  });

  it('judgeAttempt follows retryOn, retryOnTimeout, stopOn and the schedule', () => {
    const policy = { timeoutMs: 1000, retryDelaysSec: [1, 2], retryOn: ['5xx', '429'], retryOnTimeout: true, stopOn: [410] };
    expect(judgeAttempt(policy, 1, 204)).toEqual({ verdict: 'delivered' });
    expect(judgeAttempt(policy, 1, 503, 0.5)).toEqual({ verdict: 'retry', delaySec: 1, delayMs: 500 });
    expect(judgeAttempt(policy, 2, 429)).toEqual({ verdict: 'retry', delaySec: 2, delayMs: 2000 });
    expect(judgeAttempt(policy, 3, 500)).toEqual({ verdict: 'gave-up' });
    expect(judgeAttempt(policy, 1, 404)).toEqual({ verdict: 'rejected' });
    expect(judgeAttempt(policy, 1, 410)).toEqual({ verdict: 'disabled' });
    expect(judgeAttempt(policy, 1, undefined).verdict).toBe('retry');
    expect(judgeAttempt({ ...policy, retryOnTimeout: false }, 1, undefined).verdict).toBe('rejected');
  });

  it('Stats: nearest-rank percentiles and a status histogram', () => {
    const s = new Stats(2);
    for (let i = 1; i <= 100; i++) s.record(i === 100 ? 500 : 200, undefined, i);
    s.record(undefined, { kind: 'refused' } as never, 0);
    const sum = s.summary();
    expect(sum.latency).toMatchObject({ min: 1, p50: 50, p95: 95, p99: 99, max: 100, mean: 50.5 });
    expect(sum.statuses).toEqual({ 200: 99, 500: 1, refused: 1 });
    expect(sum.requests).toBe(101);
  });
});

describe('quoteBody: what bash hands curl is the body, byte for byte', () => {
  const bash = (quoted: string) => execFileSync('bash', ['-c', quoted.startsWith('@') ? `cat ${quoted.slice(1)}` : `printf %s ${quoted}`]);
  it.each([
    ['text with quotes', Buffer.from(`{"a":"it's \\"x\\" — ✓"}\n`)],
    ['control characters and invalid UTF-8', Buffer.from([0x7b, 0x0d, 0x0a, 0x1b, 0xff, 0xfe, 0x27, 0x5c, 0x25, 0x7d])],
    ['NUL bytes', Buffer.from([0x00, 0x41, 0x27, 0x25, 0x64, 0x5c, 0x00, 0xc3, 0xa9])],
  ])('%s', (_name, body) => {
    expect(bash(quoteBody(body)).equals(body)).toBe(true);
  });
});
