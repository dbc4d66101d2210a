import { describe, expect, it } from 'vitest';
import { sign } from '../../src/index.js';
import { BUILTIN_PROVIDERS, getProvider } from '../../src/core/providers/registry.js';
import { DedupIndex, eventFromBody, fingerprinter, checkArrival, statusSequence, type ReceivedDelivery } from '../../src/core/server/index.js';
import { createPipeline } from '../../src/core/server/pipeline.js';
import type { ArrivedRequest } from '../../src/core/server/http.js';
import type { Capture, CaptureStore } from '../../src/core/store/index.js';

const base = { providers: BUILTIN_PROVIDERS, secretsFor: () => ['s3cret'] };
const NOW = 1_767_225_600_000;

describe('eventFromBody', () => {
  it("reads the common fields, Slack's nested event first", () => {
    expect(eventFromBody({ type: 'invoice.paid' })).toBe('invoice.paid');
    expect(eventFromBody({ type: 'event_callback', event: { type: 'app_mention' } })).toBe('app_mention');
    expect(eventFromBody({ event: 'job.completed', type: 'x' })).toBe('job.completed');
    expect(eventFromBody({ event_type: 'subscription.created' })).toBe('subscription.created');
    expect(eventFromBody({ topic: 'orders/create' })).toBe('orders/create');
    expect(eventFromBody({ state: 'done' })).toBeUndefined();
    expect(eventFromBody(undefined)).toBeUndefined();
  });
});

describe('fingerprinter', () => {
  const guess = fingerprinter();
  it("names seed-provider events from their fixtures' distinguishing literals", () => {
    expect(guess(getProvider('changethisfile'), { job_id: 'j', state: 'failed', error: 'boom' })).toBe('job.failed');
    expect(guess(getProvider('mediaconvert'), { job_id: 'j', status: 'processing' })).toBe('job.progress');
    expect(guess(getProvider('ittybit'), { id: 't', status: 'succeeded' })).toBe('job.completed');
    expect(guess(getProvider('ittybit'), { id: 't', status: 'queued' })).toBeUndefined();
    expect(guess(getProvider('stripe'), { anything: 1 })).toBeUndefined();
  });
});

describe('checkArrival', () => {
  const body = Buffer.from('{"type":"user.created"}');
  it('a request no provider signed fails with unknown-provider, event still read', () => {
    const r = checkArrival(base, { 'content-type': 'application/json' }, body, NOW);
    expect(r.provider).toBeUndefined();
    expect(r).toMatchObject({ event: 'user.created', verification: { ok: false, reason: 'unknown-provider' } });
  });

  it("an unsigned request with a provider's other headers (X-GitHub-Event) is that provider's, missing its signature", () => {
    const r = checkArrival(base, { 'content-type': 'application/json', 'x-github-event': 'push', 'x-github-delivery': 'd-1' }, body, NOW);
    expect(r.provider?.id).toBe('github');
    expect(r).toMatchObject({ event: 'push', deliveryId: 'd-1', verification: { ok: false, reason: 'missing-signature' } });
  });

  it('falls back to the configured provider so the reason is specific', () => {
    const r = checkArrival({ ...base, fallback: getProvider('transcodely') }, {}, body, NOW);
    expect(r.provider?.id).toBe('transcodely');
    expect(r.verification).toMatchObject({ ok: false, reason: 'missing-signature' });
  });

  it('a secret the scheme cannot decode is a failed check, not a crash', () => {
    const signed = sign({ provider: 'standard-webhooks', secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', body, now: NOW });
    const r = checkArrival({ ...base, secretsFor: () => ['not base64 !!'] }, signed.headers, body, NOW);
    // As `verify` reports it: no usable secret matched, and the detail says why the secret was unusable.
    expect(r.verification).toMatchObject({ ok: false, reason: 'bad-secret', detail: expect.stringMatching(/secret #1: .*base64-decodes its secret/) });
    expect(r.deliveryId).toBe(signed.id);
  });

  it('reports which of several secrets matched', () => {
    const signed = sign({ provider: 'github', secret: 'new', body });
    const r = checkArrival({ ...base, secretsFor: () => ['old', 'new'] }, signed.headers, body, NOW);
    expect(r.verification).toEqual({ ok: true, secretIndex: 1 });
  });
});

describe('statusSequence', () => {
  it('answers in turn, then repeats the last', () => {
    const next = statusSequence([500, 503, 200]);
    expect([next(), next(), next(), next(), next()]).toEqual([500, 503, 200, 200, 200]);
  });
});

describe('createPipeline', () => {
  const req = (body: string): ArrivedRequest => ({
    method: 'POST',
    path: '/h',
    rawHeaders: [['Host', 'x']],
    headers: { host: 'x' },
    body: Buffer.from(body),
    receivedAt: NOW,
    remoteAddress: '127.0.0.1',
  });
  let n = 0;
  const options = (store: CaptureStore | undefined, seen: ReceivedDelivery[]) => ({
    inspect: base,
    store,
    newId: () => `id${n++}`,
    nextStatus: statusSequence([200]),
    rejectInvalid: false,
    delayMs: 0,
    dedup: new DedupIndex(),
    onDelivery: (d: ReceivedDelivery) => seen.push(d),
  });

  it('answers 503, not an acknowledgement, when the capture cannot be written', async () => {
    const seen: ReceivedDelivery[] = [];
    const failing = {
      append: async () => {
        throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
      },
    } as unknown as CaptureStore;
    const pipeline = createPipeline(options(failing, seen));
    const handled = await pipeline.handle(req('{}'));
    expect(handled.reply.status).toBe(503);
    handled.after?.();
    pipeline.flush();
    expect(seen[0]?.storeError).toBe('ENOSPC');
    expect(seen[0]?.capture.response?.status).toBe(503);
  });

  it('acknowledges only after append has resolved', async () => {
    const order: string[] = [];
    const slow = {
      append: async (c: Capture) => {
        // Resolves a few turns later: the reply must wait for it, however long it takes.
        for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
        order.push(`stored ${c.id}`);
      },
    } as unknown as CaptureStore;
    const handled = await createPipeline(options(slow, [])).handle(req('{"a":1}'));
    order.push(`reply ${handled.reply.status}`);
    expect(order).toEqual([expect.stringMatching(/^stored id\d+$/), 'reply 200']);
  });

  it("judges a turn's requests together: one that fails gets its error, the others their answers", async () => {
    const seen: ReceivedDelivery[] = [];
    let calls = 0;
    const pipeline = createPipeline({
      ...options(undefined, seen),
      newId: () => {
        if (++calls === 2) throw new Error('a bug');
        return `turn${calls}`;
      },
    });
    const results = await Promise.allSettled([req('{"a":1}'), req('{"a":2}'), req('{"a":3}')].map((r) => pipeline.handle(r)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    for (const r of results) if (r.status === 'fulfilled') r.value.after?.();
    // Reported together at the end of the turn, or at once by flush (a closing server).
    expect(seen).toEqual([]);
    pipeline.flush();
    expect(seen.map((d) => d.capture.id)).toEqual(['turn1', 'turn3']);
  });

  it("a report that throws is an error for onError, and the turn's other deliveries are still reported", async () => {
    const errors: unknown[] = [];
    const seen: string[] = [];
    const pipeline = createPipeline({
      ...options(undefined, []),
      onDelivery: (d: ReceivedDelivery) => {
        if (d.capture.body.toString() === '{"bad":1}') throw new Error('renderer bug');
        seen.push(d.capture.body.toString());
      },
      onError: (err: unknown) => errors.push(err),
    });
    const handled = await Promise.all([req('{"bad":1}'), req('{"good":1}')].map((r) => pipeline.handle(r)));
    for (const h of handled) h.after?.();
    pipeline.flush();
    expect(seen).toEqual(['{"good":1}']);
    expect(errors).toHaveLength(1);
  });
});
