import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../support/inproc.js';

// The cases issue 12 opens with, tried as a new user would.
const stripe = new Stripe('sk_test_new_user');
const secret = 'whsec_new_user';
const json = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, any>);

function project(config: object, files: Record<string, unknown> = {}): string {
  const cwd = mkdtempSync(join(tmpdir(), 'hookctl-new-user-'));
  writeFileSync(join(cwd, '.hookctlrc.json'), JSON.stringify(config));
  for (const [path, body] of Object.entries(files)) {
    mkdirSync(join(cwd, path, '..'), { recursive: true });
    writeFileSync(join(cwd, path), JSON.stringify(body));
  }
  return cwd;
}

async function dryRun(args: string[], cwd: string) {
  const r = await runInProcess(['send', ...args, '--secret', secret, '--dry-run', '--json'], { cwd: cwd });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const { request } = json(r.stdout)[0]!;
  return { body: request.body as string, event: stripe.webhooks.constructEvent(request.body, request.headers['Stripe-Signature'], secret) };
}

describe('a Stripe user', () => {
  it.each(['invoice.payment_failed', 'customer.subscription.deleted', 'payment_intent.payment_failed'])('sends %s, the event their receiver handles', async (name) => {
    const { event } = await dryRun([`stripe/${name}`], tmpdir());
    expect(event.type).toBe(name);
  });

  it('adds an event with a project fixtures directory (config "fixtures"): stripe/charge.refunded.json overrides, a new name adds', async () => {
    const mine = { id: 'evt_{{id::8}}', object: 'event', type: 'charge.refunded', data: { object: { id: 'ch_mine', object: 'charge', amount_refunded: 4200 } } };
    const cwd = project({ fixtures: ['hooks'] }, { 'hooks/stripe/charge.refunded.json': mine, 'hooks/stripe/order.fulfilled.json': { ...mine, type: 'order.fulfilled' } });
    expect((await dryRun(['stripe/charge.refunded'], cwd)).event.data.object).toEqual({ id: 'ch_mine', object: 'charge', amount_refunded: 4200 });
    expect((await dryRun(['stripe/order.fulfilled'], cwd)).event.type).toBe('order.fulfilled');
    const listed = json((await runInProcess(['events', 'stripe', '--json'], { cwd: cwd })).stdout)[0]!.events as Record<string, unknown>[];
    expect(listed.find((e) => e.name === 'charge.refunded')).toMatchObject({ origin: 'yours', overrides: true });
    expect(listed.find((e) => e.name === 'order.fulfilled')).toMatchObject({ origin: 'yours' });
    expect(listed.find((e) => e.name === 'invoice.paid')).toMatchObject({ origin: 'builtin' });
    const table = await runInProcess(['events', 'stripe', '--search', 'charge.refunded'], { cwd: cwd });
    expect(table.stdout).toContain('(yours, overrides the built-in)');
  });

  it('adds events with --fixtures <dir> too', async () => {
    const cwd = project({}, { 'mine/stripe/payout.audited.json': { object: 'event', type: 'payout.audited', data: { object: { object: 'payout' } } } });
    expect((await dryRun(['stripe/payout.audited', '--fixtures', 'mine'], cwd)).event.type).toBe('payout.audited');
    const missing = await runInProcess(['send', 'stripe/payout.audited', '--fixtures', 'nope', '--dry-run'], { cwd: cwd });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--fixtures nope is not a directory');
  });

  it('keeps the built-in events when a custom provider extends stripe and lists its own', async () => {
    const cwd = project({
      providers: [
        {
          id: 'shop',
          extends: 'stripe',
          events: [{ name: 'order.shipped', description: 'an order left', payload: { object: 'event', type: 'order.shipped', data: { object: { object: 'order' } } } }],
        },
      ],
    });
    expect((await dryRun(['shop/invoice.paid'], cwd)).event.type).toBe('invoice.paid');
    expect((await dryRun(['shop/order.shipped'], cwd)).event.type).toBe('order.shipped');
  });

  it('cannot --set a key that is not there (typos stay errors), but --add creates it', async () => {
    const set = await runInProcess(['send', 'stripe/charge.refunded', '--set', 'data.object.metadata.order_id=123', '--dry-run'], { cwd: tmpdir() });
    expect(set.code).toBe(2);
    expect(set.stderr).toContain('--set data.object.metadata.order_id: no "order_id" in data.object.metadata');
    expect(set.stderr).toContain('to create it, use --add data.object.metadata.order_id=...');
    const { event } = await dryRun(['stripe/charge.refunded', '--add', 'data.object.metadata.order_id=123'], tmpdir());
    expect((event.data.object as Stripe.Charge).metadata).toEqual({ order_id: 123 });
    const twice = await runInProcess(['send', 'stripe/charge.refunded', '--add', 'data.object.amount=1', '--dry-run'], { cwd: tmpdir() });
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('"amount" already exists in data.object');
  });

  it('--remove deletes keys and list items; array indexes work for --set, --add and --remove', async () => {
    const set = JSON.parse((await dryRun(['stripe/invoice.paid', '--set', 'data.object.lines.data[0].id=il_2'], tmpdir())).body).data.object;
    expect(set.lines.data[0].id).toBe('il_2');
    // Removals apply first, additions last: this replaces the first line item.
    const { body } = await dryRun(['stripe/invoice.paid', '--add', 'data.object.lines.data.0={"id":"il_1"}', '--remove', 'data.object.lines.data.0', '--remove', 'data.object.footer'], tmpdir());
    const invoice = JSON.parse(body).data.object;
    expect(invoice.lines.data).toEqual([{ id: 'il_1' }]);
    expect('footer' in invoice).toBe(false);
    const past = await runInProcess(['send', 'stripe/invoice.paid', '--add', 'data.object.lines.data.5=1', '--dry-run'], { cwd: tmpdir() });
    expect(past.code).toBe(2);
    expect(past.stderr).toContain('data.object.lines.data is a list of 1');
  });
});
