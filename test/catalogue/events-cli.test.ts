import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../support/inproc.js';
import { runCli } from '../support/cli.js';

const lines = (s: string) => s.trim().split('\n');

describe('finding an event', () => {
  it('hookctl events stripe: the provider as a positional, the same as --provider', async () => {
    const a = await runInProcess(['events', 'stripe', '--names'], { cwd: tmpdir() });
    const b = await runInProcess(['events', '--provider', 'stripe', '--names'], { cwd: tmpdir() });
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(lines(a.stdout).length).toBeGreaterThan(250);
    expect(lines(a.stdout).every((l) => l.startsWith('stripe/'))).toBe(true);
    const both = await runInProcess(['events', 'stripe', '--provider', 'github'], { cwd: tmpdir() });
    expect(both.code).toBe(2);
  });

  it('--search matches every word in names and descriptions', async () => {
    const r = await runInProcess(['events', 'stripe', '--search', 'payment failed', '--names'], { cwd: tmpdir() });
    expect(lines(r.stdout)).toEqual(expect.arrayContaining(['stripe/invoice.payment_failed', 'stripe/payment_intent.payment_failed']));
    const byDescription = await runInProcess(['events', 'github', '--search', 'merged', '--json'], { cwd: tmpdir() });
    const found = JSON.parse(byDescription.stdout).events.map((e: { name: string }) => e.name);
    expect(found.length).toBeGreaterThan(0);
    const none = await runInProcess(['events', 'stripe', '--search', 'zzzz'], { cwd: tmpdir() });
    expect(none.code).toBe(0);
    expect(none.stderr).toContain('no event matches "zzzz" in stripe');
  });

  it('--json gives each event its origin and, for catalogues, what it is built from', async () => {
    const r = await runInProcess(['events', 'github', '--json'], { cwd: tmpdir() });
    const { provider, events } = JSON.parse(r.stdout);
    expect(provider).toBe('github');
    expect(events.find((e: { name: string }) => e.name === 'push')).toMatchObject({ origin: 'builtin', source: 'recorded' });
  });

  it('an unknown event suggests the nearest names from the full catalogue', async () => {
    const typo = await runInProcess(['send', 'stripe/invoice.payment_faild', '--dry-run'], { cwd: tmpdir() });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('stripe has no event "invoice.payment_faild"');
    expect(typo.stderr).toContain('did you mean "stripe/invoice.payment_failed"');
    // Bare and in no provider's list: the nearest across every catalogue.
    const bare = await runInProcess(['send', 'pull_request.closd', '--dry-run'], { cwd: tmpdir() });
    expect(bare.stderr).toContain('did you mean "github/pull_request.closed"');
    // The wrong provider: the event is found in the others' catalogues.
    const wrong = await runInProcess(['send', 'github/customer.subscription.deleted', '--dry-run'], { cwd: tmpdir() });
    expect(wrong.stderr).toContain('"stripe/customer.subscription.deleted"');
  });

  it('the real bin: send github/pull_request.closed --dry-run', async () => {
    const r = await runCli(['send', 'github/pull_request.closed', '--dry-run', '--json']);
    expect(r.code).toBe(0);
    const { request } = JSON.parse(r.stdout);
    expect(request.headers['X-GitHub-Event']).toBe('pull_request');
    expect(JSON.parse(request.body).action).toBe('closed');
  });
});
