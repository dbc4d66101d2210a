import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getProvider } from '../../src/core/providers/registry.js';
import { sign } from '../../src/index.js';
import { BIN } from '../support/cli.js';
import { doc, shBlocks } from '../support/readme.js';
import { startServer, type TestServer } from '../support/server.js';
import { post, startListen } from './support.js';

const blocks = shBlocks(doc('docs/commands/listen.md'));
const examples = blocks
  .flatMap((b) => b.split('\n'))
  .map((l) => l.replace(/\s+#.*$/, '').trim())
  .filter((l) => l.startsWith('hookctl listen'));

let cwd: string;
let app: TestServer;
beforeAll(async () => {
  cwd = mkdtempSync(join(tmpdir(), 'hookctl-listen-docs-'));
  app = await startServer();
});
afterAll(async () => {
  await app.close();
  rmSync(cwd, { recursive: true, force: true });
});

describe("the listen page's examples run as written", () => {
  it('has examples, the same ones as `hookctl listen --help`', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
    const help = spawnSync(process.execPath, [BIN, 'listen', '--help'], { encoding: 'utf8' }).stdout;
    for (const e of examples.slice(1)) expect(help).toContain(e);
  });

  for (const example of examples) {
    it(example, async () => {
      // Free ports instead of 4000, the test's app instead of localhost:3000; otherwise as written.
      const args = example
        .replace(/^hookctl listen\s*/, '')
        .replace(/--port \d+/, '')
        .replace('localhost:3000', `localhost:${app.port}`)
        .split(/\s+/)
        .filter(Boolean)
        .filter((a) => a !== '--json');
      const l = await startListen(args, { cwd });
      const stripe = args.includes('stripe');
      const profile = getProvider(stripe ? 'stripe' : 'transcodely');
      const body = JSON.stringify({ event: 'job.completed', type: 'invoice.paid', id: 'x' });
      const secret = stripe ? 'whsec_new' : profile.devSecret;
      const res = await post(`${l.url}${profile.request.path}`, body, { 'content-type': 'application/json', ...sign({ provider: profile.id, secret, body }).headers });
      expect(res.status).toBe(args.includes('--respond') ? 500 : 200);
      const [line] = await l.deliveries(1);
      expect(line?.verification).toMatchObject({ ok: true, secretIndex: stripe ? 1 : 0 });
      // Stopped before --count was reached, an example that waits for a count reports the interruption.
      const count = Number(args[args.indexOf('--count') + 1] ?? 0);
      expect((await l.stop('SIGINT')).code).toBe(args.includes('--count') && count > 1 ? 130 : 0);
    });
  }

  it('the script that waits for the listening line runs as written', () => {
    const script = blocks.find((b) => b.includes('until url='));
    expect(script).toBeDefined();
    const r = spawnSync('bash', ['-c', `set -euo pipefail\nhookctl() { node ${JSON.stringify(BIN)} "$@"; }\n${script}`], {
      cwd,
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, NO_COLOR: '1', CI: '1', HOOKCTL_SECRET: '', HOOKCTL_PROVIDER: '', HOOKCTL_CONFIG: '' },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('"verification":{"ok":true,"reason":null,"detail":null,"secretIndex":0}');
  });
});
