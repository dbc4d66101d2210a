// test tier: full (seconds of in-process work: it runs in `npm test`, not `npm run test:fast`)
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess as hookctl } from '../support/inproc.js';
import { startExpressReceiver, STRIPE_SECRET, TRANSCODELY_SECRET, type Receiver } from './receivers.js';

const cwd = mkdtempSync(join(tmpdir(), 'hookctl-verdicts-'));
const rows = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
const scenario = (stdout: string, id: string) => rows(stdout).find((r) => r.type === 'scenario' && r.id === id) as { status: string; message?: string } | undefined;

let raw: Receiver;
let restringify: Receiver;
beforeAll(async () => {
  [raw, restringify] = await Promise.all([startExpressReceiver('raw'), startExpressReceiver('restringify')]);
});
afterAll(async () => {
  await Promise.all([raw.close(), restringify.close()]);
});

describe('a refusal is a refusal, not a missing route', () => {
  it('test against a typo in the path exits 1 and says "route not found" for every scenario, refusals included', async () => {
    const r = await hookctl(['test', '--to', `${raw.url}/webhooks/transcodlely`, '--provider', 'transcodely', '--secret', TRANSCODELY_SECRET, '--json'], { cwd });
    expect(r.code).toBe(1);
    const invalid = scenario(r.stdout, 'invalid-signature');
    expect(invalid?.status).toBe('fail');
    expect(invalid?.message).toMatch(/route not found: POST http:\/\/127\.0\.0\.1:\d+\/webhooks\/transcodlely answered 404; transcodely deliveries go to \/webhooks\/transcodely by default/);
    const event = scenario(r.stdout, 'event:job.completed');
    expect(event?.message).toMatch(/route not found/);
    expect(event?.message).not.toMatch(/check the secret/);
    expect(
      rows(r.stdout)
        .filter((x) => x.type === 'scenario' && x.status === 'pass')
        .map((x) => x.id),
    ).toEqual(['large-payload']);
  });

  it('--only two refusal scenarios against a typo no longer print "2 passed": exit 1, route not found', async () => {
    const r = await hookctl(['test', '--to', `${raw.url}/webhooks/transcodlely`, '--provider', 'transcodely', '--secret', TRANSCODELY_SECRET, '--only', 'invalid-signature,stale-timestamp'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^! baseline +a valid job\.completed delivery, answered 404/m);
    expect(r.stdout).toMatch(/0 passed, 2 failed/);
    expect(r.stdout).toMatch(/route not found/);
  });

  it('refusals judged against a route that refuses the valid baseline too are inconclusive: exit 1, or 0 with --allow-inconclusive', async () => {
    const junit = join(cwd, 'inconclusive.xml');
    const args = ['test', '--to', `${raw.url}/webhooks/transcodely`, '--provider', 'transcodely', '--secret', 'whsec_not_the_receivers', '--only', 'invalid-signature,tampered-body'];
    const r = await hookctl([...args, '--junit', junit], { cwd });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^\? invalid-signature/m);
    expect(r.stdout).toMatch(/inconclusive: a valid delivery to the same route \(baseline job\.completed\) was answered 401, so this refusal proves nothing/);
    expect(r.stdout).toMatch(/0 passed, 0 failed, 2 inconclusive, 0 skipped/);
    expect(r.stdout).toMatch(/hint: every valid delivery was refused: .*pass --provider <id>/);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/errors="2"/);
    expect(xml).toMatch(/<error type="inconclusive" message="inconclusive: /);
    const allowed = await hookctl([...args, '--allow-inconclusive', '--json'], { cwd });
    expect(allowed.code).toBe(0);
    expect(rows(allowed.stdout).at(-1)).toMatchObject({ type: 'summary', passed: 0, failed: 0, inconclusive: 2 });
    expect(rows(allowed.stdout)[0]).toMatchObject({ type: 'baseline', label: 'baseline job.completed', status: 401 });
  });

  it('without --provider, a path naming a provider chooses it and says so', async () => {
    const r = await hookctl(['test', '--to', `${raw.url}/webhooks/stripe`, '--secret', STRIPE_SECRET, '--only', 'events,invalid-signature'], { cwd });
    expect(r.stderr).toMatch(/provider stripe, named by the path \/webhooks\/stripe \(pass --provider to choose another\)/);
    expect(r.stderr).toMatch(/as Stripe would deliver/);
    expect(r.code).toBe(0);
  });
});

describe('a receiver that verifies re-serialized JSON fails; one that verifies the raw bytes passes', () => {
  it('stripe.webhooks.constructEvent over the raw body passes the whole suite', async () => {
    const r = await hookctl(['test', '--to', `${raw.url}/webhooks/stripe`, '--provider', 'stripe', '--secret', STRIPE_SECRET], { cwd });
    expect(r.stdout).toMatch(/✔ reserialized-body/);
    expect(r.stdout).not.toMatch(/✘/);
    expect(r.code).toBe(0);
  });

  it('Stripe: express.json() then JSON.stringify fails every event, diagnosed as re-serialization with how to get the raw body', async () => {
    const r = await hookctl(['test', '--to', `${restringify.url}/webhooks/stripe`, '--provider', 'stripe', '--secret', STRIPE_SECRET, '--json'], { cwd });
    expect(r.code).toBe(1);
    const event = scenario(r.stdout, 'event:payment_intent.succeeded');
    expect(event?.status).toBe('fail');
    expect(event?.message).toMatch(/refused Stripe's own indented JSON \(answered 400\) but accepted the same event as compact JSON \(answered 200\): the receiver verifies a re-serialized body/);
    expect(event?.message).toMatch(/express\.raw\(\{ type: 'application\/json' \}\)/);
    expect(scenario(r.stdout, 'reserialized-body')?.message).toMatch(/re-serialized body/);
  });

  it('Transcodely (compact JSON, which survives parse-and-stringify): only reserialized-body catches it, with the diagnosis', async () => {
    const r = await hookctl(['test', '--to', `${restringify.url}/webhooks/transcodely`, '--provider', 'transcodely', '--secret', TRANSCODELY_SECRET, '--json'], { cwd });
    expect(r.code).toBe(1);
    const failed = rows(r.stdout).filter((x) => x.type === 'scenario' && x.status === 'fail');
    expect(failed.map((x) => x.id)).toEqual(['reserialized-body']);
    expect(failed[0]?.message).toMatch(
      /refused JSON laid out as real serializers differ .* \(answered 401\) but accepted the same event as compact JSON \(answered 200\): the receiver verifies a re-serialized body/,
    );
    const rawRun = await hookctl(['test', '--to', `${raw.url}/webhooks/transcodely`, '--provider', 'transcodely', '--secret', TRANSCODELY_SECRET], { cwd });
    expect(rawRun.stdout).toMatch(/✔ reserialized-body/);
    expect(rawRun.code).toBe(0);
  });
});
