import { describe, expect, it } from 'vitest';
import { runInProcess } from '../support/inproc.js';

const ids = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { id: string; category: string; matchedEvents?: string[] });

describe('hookctl providers: finding your provider', () => {
  it('groups by category, headings in the table', async () => {
    const r = await runInProcess(['providers']);
    expect(r.code).toBe(0);
    for (const title of ['Payments', 'Auth and identity', 'Email', 'AI', 'Developer tools']) expect(r.stdout).toContain(title);
  });

  it('--category keeps one group; an unknown one is exit 2 naming the nearest', async () => {
    const r = await runInProcess(['providers', '--category', 'ai', '--json']);
    expect(ids(r.stdout).map((p) => p.id)).toEqual(['openai', 'replicate', 'elevenlabs']);
    const bad = await runInProcess(['providers', '--category', 'paymnts']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown category "paymnts"[\s\S]*did you mean "payments"/);
  });

  it('--search matches id or name, else an event name, and says which events', async () => {
    expect(ids((await runInProcess(['providers', '--search', 'Clerk', '--json'])).stdout).map((p) => p.id)).toEqual(['clerk']);
    const byEvent = ids((await runInProcess(['providers', '--search', 'response.completed', '--json'])).stdout);
    expect(byEvent.map((p) => p.id)).toEqual(['openai']);
    expect(byEvent[0]?.matchedEvents).toEqual(['response.completed']);
    const human = await runInProcess(['providers', '--search', 'user.created']);
    expect(human.stdout).toMatch(/clerk\s+Clerk \(1 of 45: user\.created\)/);
  });

  it('providers <id> shows one in full: scheme, secret form, dev secret or public key, docs, a command to try', async () => {
    const stripe = await runInProcess(['providers', 'stripe']);
    expect(stripe.code).toBe(0);
    for (const text of ['Stripe (stripe)', 'the Stripe-Signature header (HMAC-SHA256)', '{timestamp}.{body}', 'verified by', 'stripe.com', 'dev secret', 'hookctl send stripe/'])
      expect(stripe.stdout).toContain(text);
    // A key pair's private half is never shown: the receiver is configured with the public one.
    const plaid = await runInProcess(['providers', 'plaid', '--json']);
    const detail = JSON.parse(plaid.stdout) as { devPublicKey?: string; devSecret?: string };
    expect(detail.devPublicKey).toMatch(/^MF/);
    expect(detail.devSecret).toBeUndefined();
    expect(plaid.stdout).not.toContain('PRIVATE');
    const adyen = await runInProcess(['providers', 'adyen']);
    expect(adyen.stdout).toContain('hex, decoded to the key');
    const typo = await runInProcess(['providers', 'strpe']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('did you mean "stripe"?');
    expect((await runInProcess(['providers', 'stripe', '--search', 'x'])).code).toBe(2);
  });
});
