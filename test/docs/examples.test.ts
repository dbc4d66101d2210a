import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCapture, storeWith, tempDir } from '../captures/helpers.js';
import { verifierFor } from '../send/receivers.js';
import { ROOT } from '../support/cli.js';
import { doc, hookctlLines, shBlocks } from '../support/readme.js';
import { startServer, type TestServer } from '../support/server.js';
import { runShell } from './run.js';

/** Pages whose sh examples this file runs, against a receiver that verifies like the providers' own code. */
const RUN_HERE = ['docs/commands/test.md', 'docs/commands/providers.md', 'docs/commands/events.md', 'docs/events.md', 'docs/ci.md', 'docs/providers-asymmetric.md', 'docs/commands/keys.md'];

describe('the examples of test, providers, events and CI run as written', () => {
  let app: TestServer;
  const verifiers = {
    '/webhooks/transcodely': verifierFor('transcodely', 'whsec_hookctl_dev_secret'),
    '/webhooks/stripe': verifierFor('stripe', 'whsec_hookctl_dev_secret'),
  } as Record<string, ReturnType<typeof verifierFor>>;
  beforeAll(async () => {
    app = await startServer(async (req, res) => {
      const v = await verifiers[req.url]?.(req);
      res.statusCode = !v ? 404 : v.ok ? 200 : 401;
      res.end(v?.ok ? 'ok' : 'rejected');
    });
  });
  afterAll(() => app.close());

  const lines = RUN_HERE.flatMap((page) => hookctlLines(doc(page)));

  it('finds the examples', () => expect(lines.length).toBeGreaterThanOrEqual(10));

  for (const line of lines) {
    it(line, async () => {
      const cwd = tempDir();
      const r = await runShell(line.replaceAll('localhost:3000', `localhost:${app.port}`), cwd);
      expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
      const junit = line.match(/--junit (\S+)/)?.[1];
      if (junit) expect(readFileSync(join(cwd, junit), 'utf8')).toMatch(/^<\?xml[\s\S]*<testsuite[\s\S]*failures="0"/);
    }, 60_000);
  }
});

describe('the library page', () => {
  it('its example runs and prints what its comments say', async () => {
    const code = doc('docs/library.md').match(/```js\n([\s\S]*?)```/)?.[1] as string;
    const file = join(tempDir(), 'example.mjs');
    writeFileSync(file, code.replace("from 'hookctl'", `from ${JSON.stringify(join(ROOT, 'dist/index.js'))}`));
    const r = await runShell(`node ${file}`, tempDir());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/ok: true,\s+scheme: 'stripe',\s+secretIndex: 0/);
    expect(r.stdout).toContain('false no-match');
    expect(r.stdout).toContain('body-reserialized-compact');
  });
});

describe('the capture format page', () => {
  it('its by-hand check of a segment reads every record of a store as ok, and a changed byte as DAMAGED', async () => {
    const [script] = shBlocks(doc('docs/capture-format.md'));
    const cwd = tempDir();
    const store = await storeWith(
      [1, 2, 3].map((n) => makeCapture({ provider: 'github', secret: 's', body: `{"n":${n}}`, at: Date.now() })),
      join(cwd, '.hookctl'),
    );
    const ok = await runShell(script as string, cwd);
    expect(ok.code, ok.stderr).toBe(0);
    expect(
      ok.stdout
        .trim()
        .split('\n')
        .map((l) => l.split(' ').slice(1).join(' ')),
    ).toEqual(['1 ok', '2 ok', '3 ok']);
    const [segment] = readdirSync(join(store, 'captures'));
    const file = join(store, 'captures', segment as string);
    writeFileSync(file, readFileSync(file, 'utf8').replace('{\\"n\\":2}', '{\\"n\\":7}'));
    expect((await runShell(script as string, cwd)).stdout).toMatch(/ 2 DAMAGED\n/);
  });
});

describe('the config examples', () => {
  const configs = ['docs/configuration.md', 'docs/commands/test.md']
    .flatMap((page) => [...doc(page).matchAll(/```json\n([\s\S]*?)```/g)].map((m) => ({ page, json: m[1] as string })))
    .filter(({ json }) => {
      try {
        return typeof JSON.parse(json) === 'object';
      } catch {
        return false;
      }
    });

  it('finds them', () => expect(configs.length).toBeGreaterThanOrEqual(3));

  for (const { page, json } of configs) {
    it(`${page}: ${json.replace(/\s+/g, ' ').slice(0, 60)}… is a config hookctl accepts`, async () => {
      const cwd = tempDir();
      writeFileSync(join(cwd, '.hookctlrc.json'), json);
      const custom = (JSON.parse(json) as { providers?: { id: string; events?: { name: string }[] }[] }).providers ?? [];
      const r = await runShell('hookctl providers', cwd);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
      for (const p of custom) expect(r.stdout).toContain(p.id);
      // A custom provider with its own events signs one with no code.
      for (const p of custom.filter((c) => c.events?.length)) {
        const sent = await runShell(`hookctl send ${p.id}/${p.events![0]!.name} --dry-run`, cwd);
        expect(sent.code, sent.stderr).toBe(0);
        expect(sent.stdout).toMatch(/signature: /i);
      }
    });
  }
});

describe('the verdicts page', () => {
  it('its per-provider secrets example passes against a Stripe receiver holding that secret', async () => {
    const [script] = shBlocks(doc('docs/verdicts.md'));
    const secret = (script as string).match(/HOOKCTL_SECRET_STRIPE=(\S+)/)?.[1] as string;
    const verify = verifierFor('stripe', secret);
    const app = await startServer(async (req, res) => {
      const v = req.url === '/webhooks/stripe' ? await verify(req) : undefined;
      res.statusCode = !v ? 404 : v.ok ? 200 : 401;
      res.end(v?.ok ? 'ok' : 'rejected');
    });
    try {
      const r = await runShell((script as string).replaceAll('localhost:3000', `localhost:${app.port}`), tempDir());
      expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
    } finally {
      await app.close();
    }
  }, 60_000);
});
