import { spawn } from 'node:child_process';
import { listEvents } from '../../src/core/catalogue/list-events.js';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_PROVIDERS } from '../../src/core/providers/registry.js';
import { tempDir } from '../captures/helpers.js';
import { ROOT, runCli } from '../support/cli.js';
import { doc, hookctlLines, README, readmeSection } from '../support/readme.js';
import { runShell } from './run.js';

describe('the README stays an introduction', () => {
  it('is at most 300 lines', () => expect(README.split('\n').length).toBeLessThanOrEqual(300));

  it("gives one example per command, each one also on the command's page, where a test runs it", async () => {
    const help = (await runCli(['--help'])).stdout;
    const commands = [...help.slice(help.indexOf('Commands:')).matchAll(/^ {2}([a-z]+)\b/gm)].map((m) => m[1] as string).filter((c) => c !== 'help');
    expect(commands).toEqual(expect.arrayContaining(['send', 'listen', 'verify', 'replay', 'captures', 'test', 'providers', 'events', 'completion']));
    const text = readmeSection('Commands');
    const codeLines = [...text.matchAll(/```sh(?:ell)?\n([\s\S]*?)```/g)].flatMap((m) => (m[1] as string).split('\n'));
    for (const c of commands) {
      expect(text, c).toContain(`](docs/commands/${c}.md)`);
      expect(codeLines, c).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^hookctl ${c}\\b`))]));
    }
    for (const line of hookctlLines(text)) {
      const command = line.split(' ')[1] as string;
      expect(hookctlLines(doc(`docs/commands/${command}.md`)), line).toContain(line);
    }
  });

  it('"From a clone" has exactly two set-up commands, and CI runs the test command it gives', () => {
    const first = readmeSection('Install')
      .split('### From a clone')[1]
      ?.match(/```shell\n([\s\S]*?)```/)?.[1];
    expect(first?.trim().split('\n')).toEqual(['npm ci && npm run demo', 'npm test']);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; scripts: Record<string, string> };
    expect(pkg.scripts.demo).toBeDefined();
    const ci = readFileSync(join(ROOT, '.ci/run'), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'));
    expect(ci.some((l) => /(^|&&\s*)npm test$/.test(l.trim()))).toBe(true);
    // The tarball the Install section names is the one `npm pack` writes.
    expect(readmeSection('Install')).toContain(`hookctl-${pkg.version}.tgz`);
  });

  it('the demo the README points to exits 0 with every delivery verified', async () => {
    // A bound for a loaded machine (the demo starts a process per delivery it sends), not a measure.
    // npm test has just built dist/, which is all `npm run demo` adds before this script.
    const r = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, [join(ROOT, 'scripts/demo.mjs')], {
        cwd: ROOT,
        env: { ...process.env, NO_COLOR: '1', CI: '1', HOOKCTL_SECRET: undefined, HOOKCTL_PROVIDER: undefined, HOOKCTL_CONFIG: undefined },
      });
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        out += d;
      });
      child.stderr.setEncoding('utf8').on('data', (d: string) => {
        out += d;
      });
      child.on('close', (code) => resolve({ code, out }));
    });
    expect(r.code, r.out).toBe(0);
    // The demo sends 3 events of each large catalogue (Stripe's, GitHub's) and every event of the others,
    // but for the handshake requests a provider sends unsigned (nothing names their provider to listen).
    const signed = (p: (typeof BUILTIN_PROVIDERS)[number]) => listEvents(p).filter((e) => !e.request?.unsigned).length;
    const events = BUILTIN_PROVIDERS.reduce((n, p) => n + (listEvents(p).length > 20 ? 3 : signed(p)), 0);
    expect(r.out).toContain(`${events} of ${events} deliveries verified`);
    expect(r.out).toMatch(/✔ valid .* twilio/);
    expect(r.out).toMatch(/✔ \S+\s+twilio\s+message\.status\s+200\s+200 .*\(re-signed\)/);
    // CONTRIBUTING's transcript is a real run: each of its lines (but `...`) is a line the demo prints
    // now, once the parts that change per run (ports, directories, ids, times, digests) are masked.
    const mask = (l: string) =>
      l
        .replace(/127\.0\.0\.1:\d+/g, 'HOST')
        .replace(/hookctl-demo-\w+/g, 'DIR')
        .replace(/\b01m[0-9a-z]{15}\b/g, 'ID')
        .replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, 'TIME')
        .replace(/\b\d+ ms\b/g, 'N ms')
        .replace(/bodySHA256=[0-9a-f]+/g, 'bodySHA256=H')
        .replace(/ +/g, ' ');
    const printed = new Set(r.out.split('\n').map(mask));
    const transcript =
      doc('CONTRIBUTING.md')
        .split('## The demo')[1]
        ?.match(/```\n([\s\S]*?)```/)?.[1] ?? '';
    const stale = transcript
      .split('\n')
      .filter((l) => l.trim() && l !== '...')
      .filter((l) => !printed.has(mask(l)));
    expect(stale, 'CONTRIBUTING.md: re-run `npm run demo` and paste its output').toEqual([]);
  }, 180_000);
});

describe('counts in the docs are the real ones', () => {
  it('every "N built-in providers" / "N providers are built in" says how many there are', () => {
    const words = [
      'zero',
      'one',
      'two',
      'three',
      'four',
      'five',
      'six',
      'seven',
      'eight',
      'nine',
      'ten',
      'eleven',
      'twelve',
      'thirteen',
      'fourteen',
      'fifteen',
      'sixteen',
      'seventeen',
      'eighteen',
      'nineteen',
      'twenty',
    ];
    const files = [
      'README.md',
      'CONTRIBUTING.md',
      ...readdirSync(join(ROOT, 'docs'), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.md'))
        .map((f) => `docs/${f}`),
    ];
    const claims = files.flatMap((f) =>
      [...doc(f).matchAll(new RegExp(`\\b(\\d+|${words.join('|')}) (?:built-in providers|providers are built in)`, 'gi'))].map((m) => ({
        f,
        n: /^\d+$/.test(m[1] as string) ? Number(m[1]) : words.indexOf((m[1] as string).toLowerCase()),
      })),
    );
    expect(claims.length).toBeGreaterThan(0);
    for (const c of claims) expect(c.n, c.f).toBe(BUILTIN_PROVIDERS.length);
  });
});

describe('the Quick start works as written', () => {
  const quick = readmeSection('Quick start');
  let receiver: ReturnType<typeof spawn>;
  let port: number;
  let log = '';

  beforeAll(async () => {
    // The receiver as the README gives it; only `express` is resolved from this checkout.
    const code = quick.match(/```js\n([\s\S]*?)```/)?.[1] as string;
    const express = pathToFileURL(createRequire(join(ROOT, 'package.json')).resolve('express')).href;
    const file = join(tempDir(), 'receiver.mjs');
    writeFileSync(file, code.replace("from 'express'", `from ${JSON.stringify(express)}`));
    receiver = spawn(process.execPath, [file], { env: { ...process.env, PORT: '0', TRANSCODELY_WEBHOOK_SECRET: undefined } });
    receiver.stderr?.setEncoding('utf8').on('data', (d: string) => {
      log += d;
    });
    port = await new Promise<number>((resolve, reject) => {
      receiver.on('exit', (c) => reject(new Error(`the receiver exited with ${c}: ${log}`)));
      createInterface({ input: receiver.stdout! }).on('line', (line) => {
        log += `${line}\n`;
        const m = line.match(/^receiver on http:\/\/localhost:(\d+)$/);
        if (m) resolve(Number(m[1]));
      });
    });
  });
  afterAll(() => {
    receiver.removeAllListeners('exit');
    receiver.kill();
  });

  const lines = hookctlLines(quick);
  it('has a send, a rejected send and the conformance suite', () => {
    expect(lines.length).toBe(3);
    expect(lines.some((l) => l.startsWith('hookctl test '))).toBe(true);
  });

  for (const line of lines) {
    it(line, async () => {
      const r = await runShell(line.replaceAll('localhost:3000', `localhost:${port}`), tempDir());
      expect(r.code, `${r.stdout}\n${r.stderr}\n${log}`).toBe(0);
    }, 60_000);
  }

  it('the receiver logged the deliveries it accepted', () => expect(log).toMatch(/^received job\.completed dlv_\w+$/m));

  it('names the development secret it relies on, as the providers page gives it', () => {
    const secret = BUILTIN_PROVIDERS.find((p) => p.id === 'transcodely')!.devSecret;
    expect(quick).toContain(`'${secret}'`);
    expect(doc('docs/providers.md')).toContain(`| \`transcodely\` | \`${secret}\` |`);
    expect(quick).toContain('.hookctl/');
  });
});

describe('the changelog', () => {
  it('has a section for the version in package.json, in Keep a Changelog form', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const log = doc('CHANGELOG.md');
    expect(log).toContain('## [Unreleased]');
    const own = log.split(/^(?=## )/m).find((s) => s.startsWith(`## [${version}]`));
    expect(own, version).toBeDefined();
    for (const h of ['Added', 'Changed', 'Fixed', 'Security']) expect(own).toContain(`### ${h}`);
  });
});
