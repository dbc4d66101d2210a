import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli } from '../support/cli.js';
import { doc, shBlocks } from '../support/readme.js';
import { startServer, type TestServer } from '../support/server.js';
import { verifierFor, type Verifier } from './receivers.js';

/** Every `hookctl send` line of docs/commands/send.md, and the --help examples among them. */
const docExamples = shBlocks(doc('docs/commands/send.md'))
  .flatMap((b) => b.split('\n'))
  .filter((l) => l.startsWith('hookctl send'));

// A receiver like the user's app: each provider's path verified with the secret the example uses.
const verifiers: Record<string, Verifier> = {
  '/webhooks/transcodely': verifierFor('transcodely', 'whsec_hookctl_dev_secret'),
  '/webhooks/stripe': verifierFor('stripe', 'whsec_test_123'),
  '/webhook': verifierFor('download-api', 'hookctl_dev_api_key'),
};

describe('the documented examples run as written', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(async (req, res) => {
      const v = await verifiers[req.url]?.(req);
      res.statusCode = v?.ok ? 200 : 401;
      res.end(JSON.stringify(v ?? { ok: false, reason: `no receiver at ${req.url}` }));
    });
  });
  afterAll(() => server.close());

  it('send --help lists examples that are all in the docs', async () => {
    const help = await runCli(['send', '--help']);
    const examples = help.stdout
      .split('\n')
      .filter((l) => l.startsWith('  $ hookctl send'))
      .map((l) => l.slice(4));
    expect(examples.length).toBeGreaterThanOrEqual(6);
    for (const e of examples) expect(docExamples).toContain(e);
  });

  it.each(docExamples)('%s', async (example) => {
    // Pointed at the test receiver instead of localhost:3000; run by bash, quotes and all.
    const command = example.replace(/^hookctl /, `"${process.execPath}" "${BIN}" `).replace(/(localhost)?:3000/g, `127.0.0.1:${server.port}`);
    const before = server.received.length;
    const { stdout } = await promisify(execFile)('bash', ['-c', command], {
      cwd: ROOT,
      env: { ...process.env, CI: '1', NO_COLOR: '1', HOOKCTL_SECRET: undefined, HOOKCTL_PROVIDER: undefined, HOOKCTL_CONFIG: undefined },
    });
    // The printed curl command is run too, when curl is installed.
    const curl = /--curl/.test(example) && spawnSync('curl', ['--version']).status === 0;
    if (curl) await promisify(execFile)('bash', ['-c', stdout]);
    const offline = /--dry-run/.test(example) || (/--curl/.test(example) && !curl);
    expect(server.received.length > before).toBe(!offline);
  });
});
