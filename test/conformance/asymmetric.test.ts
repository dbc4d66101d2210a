import { describe, expect, it } from 'vitest';
import { testSecret, verifierFor, verifyingHandler } from '../send/receivers.js';
import { runCli } from '../support/cli.js';
import { startServer } from '../support/server.js';

/** `hookctl test` against receivers built on discord-interactions, @sendgrid/eventwebhook and twilio. */
describe("hookctl test against receivers on the providers' own libraries", () => {
  it.each(['discord', 'sendgrid', 'twilio'])('%s: every scenario passes; those the scheme cannot express are skipped', async (provider) => {
    const secret = testSecret(provider);
    const server = await startServer(verifyingHandler(verifierFor(provider, secret), [], { provider, secret }));
    try {
      const r = await runCli(['test', '--provider', provider, '--to', server.url, '--secret', secret, '--json']);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      const results = r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { type?: string; id?: string; status?: string })
        .filter((x) => x.type === 'scenario');
      const skipped = results.filter((x) => x.status === 'skip').map((x) => x.id);
      expect(skipped).toEqual(expect.arrayContaining(['stale-timestamp', 'future-timestamp']));
      expect(results.filter((x) => x.status !== 'pass' && x.status !== 'skip')).toEqual([]);
      expect(results.filter((x) => x.status === 'pass').length).toBeGreaterThan(8);
    } finally {
      await server.close();
    }
  });
});
