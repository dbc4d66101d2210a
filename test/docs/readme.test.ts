import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_PROVIDERS } from '../../src/core/providers/registry.js';
import { describeProvider } from '../../src/core/providers/describe.js';
import { tempDir } from '../captures/helpers.js';
import { verifierFor } from '../send/receivers.js';
import { BIN, ROOT, runCli } from '../support/cli.js';
import { README, readmeSection, shBlocks } from '../support/readme.js';
import { startServer, type TestServer } from '../support/server.js';

/** The README part between `<!-- name:start -->` and `<!-- name:end -->`. */
function marked(name: string): string {
  const m = README.match(new RegExp(`<!-- ${name}:start -->\\n([\\s\\S]*?)<!-- ${name}:end -->`));
  if (!m) throw new Error(`README has no ${name} markers`);
  return m[1] as string;
}

describe('the README tables are the registry', () => {
  it('the provider table lists every built-in provider with its header, signed content, tolerance, timeout and retries', () => {
    const rows = BUILTIN_PROVIDERS.map((p) => {
      const d = describeProvider(p);
      return `| \`${p.id}\` | ${p.name} | \`${d.signatureHeader}\` | \`${d.signedContent}\` | ${d.tolerance} | ${d.timeout} | ${d.retries} |`;
    });
    const expected = ['| id | name | signature header | signed content | tolerance | timeout | retries |', '|---|---|---|---|---|---|---|', ...rows].join('\n');
    expect(marked('providers-table').trim()).toBe(expected);
  });

  it('`hookctl providers` prints the same columns as the README table', async () => {
    const r = await runCli(['providers']);
    const printed = r.stdout.trim().split('\n').map((l) => l.replace(' (default)', '').split(/ {2,}/));
    expect(printed[0]).toEqual(['ID', 'NAME', 'SIGNATURE HEADER', 'SIGNS', 'TOLERANCE', 'TIMEOUT', 'RETRIES']);
    expect(printed.slice(1)).toEqual(BUILTIN_PROVIDERS.map((p) => {
      const d = describeProvider(p);
      return [p.id, p.name, d.signatureHeader, d.signedContent, d.tolerance, d.timeout, d.retries];
    }));
  });

  it('the events table lists every event of every provider, in registry order', () => {
    const rows = BUILTIN_PROVIDERS.map((p) => `| \`${p.id}\` | ${p.events.map((e) => `\`${e.name}\``).join(', ')} |`);
    expect(marked('events-table').trim()).toBe(['| provider | events |', '|---|---|', ...rows].join('\n'));
  });
});

describe('the README keeps its promises to a newcomer', () => {
  it('Quick start has exactly two set-up commands, and CI runs the test command it gives', () => {
    const quick = readmeSection('Quick start');
    const first = quick.match(/```shell\n([\s\S]*?)```/)?.[1];
    expect(first?.trim().split('\n')).toEqual(['npm ci && npm run demo', 'npm test']);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.demo).toBeDefined();
    const ci = readFileSync(join(ROOT, '.ci/run'), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    expect(ci.some((l) => /(^|&&\s*)npm test$/.test(l.trim()))).toBe(true);
  });

  it('the demo the Quick start runs exits 0 with every delivery verified', async () => {
    // npm test has just built dist/, which is all `npm run demo` adds before this script.
    const r = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, [join(ROOT, 'scripts/demo.mjs')], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', CI: '1', HOOKCTL_SECRET: undefined, HOOKCTL_PROVIDER: undefined, HOOKCTL_CONFIG: undefined } });
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => { out += d; });
      child.stderr.setEncoding('utf8').on('data', (d: string) => { out += d; });
      child.on('close', (code) => resolve({ code, out }));
    });
    expect(r.code, r.out).toBe(0);
    const events = BUILTIN_PROVIDERS.reduce((n, p) => n + p.events.length, 0);
    expect(r.out).toContain(`${events} of ${events} deliveries verified`);
    expect(r.out).toMatch(/✔ valid .* twilio/);
    expect(r.out).toMatch(/✔ \S+\s+twilio\s+webhook\.json\s+200\s+200 .*\(re-signed\)/);
  }, 60_000);

  it('every runnable (```sh) block sits in a section that a docs test runs', () => {
    const runBy: Record<string, string> = {
      'Send a delivery': 'test/send/examples.test.ts',
      'Capture, verify and forward': 'test/listen/docs.test.ts',
      'Verify a request': 'test/replay/docs.test.ts',
      'Replay captures': 'test/replay/docs.test.ts',
      'Captures': 'test/replay/docs.test.ts',
      ...Object.fromEntries(RUN_HERE.map((s) => [s, 'test/docs/readme.test.ts'])),
    };
    const sections = README.split(/^(?=## )/m).filter((s) => shBlocks(s).length > 0).map((s) => s.split('\n')[0]!.slice(3));
    expect(sections.length).toBeGreaterThanOrEqual(8);
    for (const s of sections) expect(Object.keys(runBy).some((k) => s.startsWith(k)), `"## ${s}" has sh blocks no test runs`).toBe(true);
  });

  it('every link to a file or a section of the README resolves', () => {
    const anchors = new Set([...README.matchAll(/^#+ (.*)$/gm)].map((m) => (m[1] as string).toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-')));
    for (const [, target] of README.matchAll(/\]\(([^)]+)\)/g)) {
      if (/^https?:/.test(target!)) continue;
      if (target!.startsWith('#')) expect(anchors.has(target!.slice(1)), target).toBe(true);
      else expect(existsSync(join(ROOT, target!)), target).toBe(true);
    }
  });

  it('the Library API example runs and prints what its comments say', async () => {
    const code = readmeSection('Library API').match(/```js\n([\s\S]*?)```/)?.[1] as string;
    const file = join(tempDir(), 'example.mjs');
    writeFileSync(file, code.replace("from 'hookctl'", `from ${JSON.stringify(join(ROOT, 'dist/index.js'))}`));
    const r = await run(`node ${file}`, tempDir(), {});
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/ok: true,\s+scheme: 'stripe',\s+secretIndex: 0/);
    expect(r.stdout).toContain('false no-match');
    expect(r.stdout).toContain('body-reserialized-compact');
  });
});

/** Sections whose sh examples this file runs, against a receiver that verifies like the providers' own code. */
const RUN_HERE = ['Providers', 'Conformance suite', 'Use in CI'];

describe('the README examples of providers, the conformance suite and CI run as written', () => {
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

  const lines = RUN_HERE.flatMap((s) => shBlocks(readmeSection(s))).flatMap((b) => b.split('\n'))
    .map((l) => l.replace(/\s+#.*$/, '').trim()).filter((l) => l.startsWith('hookctl '));

  it('finds the examples', () => expect(lines.length).toBeGreaterThanOrEqual(10));

  for (const line of lines) {
    it(line, async () => {
      const cwd = tempDir();
      const r = await run(line.replaceAll('localhost:3000', `localhost:${app.port}`), cwd, {});
      expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
      const junit = line.match(/--junit (\S+)/)?.[1];
      if (junit) expect(readFileSync(join(cwd, junit), 'utf8')).toMatch(/^<\?xml[\s\S]*<testsuite[\s\S]*failures="0"/);
    }, 60_000);
  }
});

/** Run one line of shell with `hookctl` meaning this checkout's bin. */
function run(line: string, cwd: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', `set -euo pipefail\nhookctl() { node ${JSON.stringify(BIN)} "$@"; }\n${line}`], {
      cwd, env: { ...process.env, NO_COLOR: '1', CI: '1', HOOKCTL_SECRET: undefined, HOOKCTL_PROVIDER: undefined, HOOKCTL_CONFIG: undefined, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
