import { describe, expect, it } from 'vitest';
import { runInProcess } from '../support/inproc.js';

describe('a credential that is not the webhook secret is refused before anything is sent', () => {
  it.each([
    ['stripe/invoice.paid', 'sk_test_51Habc', 'a Stripe API key', 'Signing secret (whsec_'],
    ['openai/response.completed', 'sk-proj-abc', 'an OpenAI API key', 'Settings > Webhooks'],
    ['slack/app_mention', 'xoxb-123-456', 'a Slack token', 'Signing Secret'],
    ['github/push', 'ghp_abc123', 'a GitHub token', 'Settings > Webhooks'],
  ])('%s with %s: exit 2, what it is, where the signing secret is', async (event, secret, is, where) => {
    const r = await runInProcess(['send', event, '--secret', secret, '--to', 'http://127.0.0.1:9/', '--dry-run']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(is);
    expect(r.stderr).toContain(where);
    expect(r.stdout).toBe('');
  });

  it('a secret of the right form signs as before', async () => {
    expect((await runInProcess(['send', 'stripe/invoice.paid', '--secret', 'whsec_abc', '--to', 'http://127.0.0.1:9/', '--dry-run'])).code).toBe(0);
  });
});
