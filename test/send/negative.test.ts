import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../support/inproc.js';
import { startServer, type TestServer } from '../support/server.js';
import { testSecret, verifierFor, verifyingHandler, type Reason } from './receivers.js';

/**
 * Each broken signature is rejected for the reason it was broken: receivers that follow the
 * provider's rules (libraries or seed-document code, see receivers.ts) judge every mode.
 * `accepted` marks what the provider itself accepts (Stripe has no limit on future timestamps);
 * `usage` a mode the scheme cannot express (a stale signature where nothing is timestamped): exit 2.
 */
type Expected = Reason | 'accepted' | 'usage';
// `valid` is covered for every event of every provider in oracles.test.ts.
const MODES = ['invalid', 'missing', 'malformed', 'wrong-secret', 'stale', 'future'] as const;
const CASES: Record<string, { event: string; expected: Record<(typeof MODES)[number], Expected> }> = {
  transcodely: { event: 'job.completed', expected: { invalid: 'mismatch', missing: 'missing', malformed: 'malformed', 'wrong-secret': 'mismatch', stale: 'stale', future: 'future' } },
  stripe: { event: 'invoice.paid', expected: { invalid: 'mismatch', missing: 'missing', malformed: 'malformed', 'wrong-secret': 'mismatch', stale: 'stale', future: 'accepted' } },
  'standard-webhooks': { event: 'user.created', expected: { invalid: 'mismatch', missing: 'missing', malformed: 'malformed', 'wrong-secret': 'mismatch', stale: 'stale', future: 'future' } },
  github: { event: 'push', expected: { invalid: 'mismatch', missing: 'missing', malformed: 'malformed', 'wrong-secret': 'mismatch', stale: 'usage', future: 'usage' } },
  linear: { event: 'Issue.create', expected: { invalid: 'mismatch', missing: 'missing', malformed: 'malformed', 'wrong-secret': 'mismatch', stale: 'stale', future: 'future' } },
  // Asymmetric and URL-signed schemes: judged by discord-interactions, @sendgrid/eventwebhook, twilio and node:crypto (v1a).
  'standard-webhooks v1a': { event: 'user.created', expected: { invalid: 'mismatch', missing: 'missing', malformed: 'malformed', 'wrong-secret': 'mismatch', stale: 'stale', future: 'future' } },
  discord: { event: 'application_command', expected: { invalid: 'mismatch', missing: 'missing', malformed: 'malformed', 'wrong-secret': 'mismatch', stale: 'usage', future: 'usage' } },
  sendgrid: { event: 'delivered', expected: { invalid: 'mismatch', missing: 'missing', malformed: 'malformed', 'wrong-secret': 'mismatch', stale: 'usage', future: 'usage' } },
  // A form body (slash command), judged by @slack/bolt's verifySlackRequest: Slack bounds the past only.
  slack: { event: 'slash_command', expected: { invalid: 'mismatch', missing: 'missing', malformed: 'malformed', 'wrong-secret': 'mismatch', stale: 'stale', future: 'accepted' } },
  twilio: { event: 'message.received', expected: { invalid: 'mismatch', missing: 'missing', malformed: 'malformed', 'wrong-secret': 'mismatch', stale: 'usage', future: 'usage' } },
};

describe.each(Object.entries(CASES))('--signature modes against a %s receiver', (name, { event, expected }) => {
  let server: TestServer;
  const provider = name.split(' ')[0] as string;
  const secret = testSecret(name);
  beforeAll(async () => {
    server = await startServer(verifyingHandler(verifierFor(name, secret), [], { provider: name, secret }));
  });
  afterAll(() => server.close());

  it(`rejects each mode for its own reason${Object.values(expected).includes('usage') ? ' (stale and future: exit 2, see input.test.ts)' : ''}`, async () => {
    const modes = MODES.filter((mode) => expected[mode] !== 'usage');
    const runs = await Promise.all(modes.map((mode) => runInProcess(['send', `${provider}/${event}`, '--to', server.url, '--secret', secret, '--signature', mode, '--json'])));
    modes.forEach((mode, i) => {
      const r = runs[i]!;
      const want = expected[mode];
      expect(r.code, `${mode}: ${r.stderr}`).toBe(0);
      const record = JSON.parse(r.stdout) as { request: { mode: string; signature: string | null }; response: { status: number; body: string } };
      expect(record.request.mode).toBe(mode);
      expect(record.request.signature === null).toBe(mode === 'missing');
      const verdict = JSON.parse(record.response.body) as { ok: boolean; reason?: string };
      if (want === 'accepted') expect(verdict, mode).toEqual({ ok: true });
      else expect({ mode, status: record.response.status, reason: verdict.reason }).toEqual({ mode, status: 401, reason: want });
    });
    // A provider without a future bound is warned about, and the delivery still goes out.
    if (expected.future === 'accepted') expect(runs[modes.indexOf('future')]!.stderr).toMatch(/only rejects old timestamps/);
  });
});
