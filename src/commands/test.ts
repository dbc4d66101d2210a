import { constants } from 'node:fs';
import { access, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Handler } from './shared/context.js';
import type { Output } from './shared/output.js';
import { secretsFor } from '../core/config/load.js';
import { toJunit } from '../core/conformance/junit.js';
import { runConformance } from '../core/conformance/run.js';
import type { ScenarioResult } from '../core/conformance/types.js';
import { ExitCode, IoError, UsageError } from '../core/errors.js';
import { fileProblem } from '../core/fs-errors.js';
import { createHttpClient } from '../core/http/client.js';
import { parseTarget, redactUrl } from '../core/http/target.js';
import { getProvider } from '../core/providers/registry.js';
import { devSecretWarning } from '../core/secrets.js';

interface TestOptions {
  to?: string;
  provider?: string;
  secret?: string[];
  only?: string[];
  skip?: string[];
  junit?: string;
  // Numbers: parsed and bounded by the spec's shared parsers (src/cli/specs/parsers.ts).
  slow: number;
  timeout?: number;
}

const test: Handler<TestOptions> = async (opts, ctx) => {
  const { io, out } = ctx;
  const settings = await ctx.settings({ provider: opts.provider });
  const profile = getProvider(settings.provider, settings.customProviders);
  const to = opts.to ?? settings.target;
  if (!to) throw new UsageError('no receiver to test', 'pass --to localhost:3000/webhooks (or set "target" in the config)');
  const url = parseTarget(to, profile.request.path);
  const shown = redactUrl(url);
  const { secrets, source } = secretsFor(profile, settings, io.env, opts.secret);
  if (source === 'dev') out.warn(devSecretWarning(profile.id, profile.devSecret, 'signing'));
  const timeoutMs = opts.timeout ?? profile.delivery.timeoutMs;
  const slowMs = opts.slow;

  // A report that cannot be written is known now, not after the whole suite has run.
  const junitFile = opts.junit === undefined ? undefined : await writableReport(resolve(io.cwd, opts.junit));
  // Lines print as scenarios finish: size the name column for the longest one up front.
  const width = Math.max('malformed-signature'.length, ...profile.events.map((e) => `event:${e.name}`.length)) + 2;
  const client = await createHttpClient({ connections: 1 });
  const started = performance.now();
  let results: ScenarioResult[];
  try {
    if (!out.json) out.log(out.c.dim(`testing ${shown} as ${profile.name} would deliver (timeout ${timeoutMs} ms)`));
    results = await runConformance({
      profile, secrets, url, client, timeoutMs, slowMs, only: opts.only, skip: opts.skip,
      expect: settings.config.expect, fixtureDirs: settings.fixtureDirs,
      clock: io.now, random: io.random, signal: io.signal,
      onResult: (r) => (out.json ? out.object({ type: 'scenario', ...r }) : printResult(out, r, width)),
    });
  } finally {
    await client.destroy();
  }
  const seconds = (performance.now() - started) / 1000;
  const count = (s: ScenarioResult['status']) => results.filter((r) => r.status === s).length;
  const summary = { passed: count('pass'), failed: count('fail'), skipped: count('skip') };
  if (junitFile) {
    await writeFile(junitFile, toJunit(results, { name: `hookctl test ${profile.id} ${shown}`, provider: profile.id, target: shown, seconds }))
      .catch((err: unknown) => { throw new IoError(`cannot write ${junitFile}: ${fileProblem(err)}`, 'check the directory exists and is writable', err); });
  }
  const interrupted = io.signal.aborted;
  if (out.json) out.object({ type: 'summary', provider: profile.id, target: shown, ...summary, seconds: Number(seconds.toFixed(3)), ...(interrupted ? { interrupted: true } : {}) });
  else {
    const parts = [out.c.green(`${summary.passed} passed`), summary.failed ? out.c.red(`${summary.failed} failed`) : '0 failed', `${summary.skipped} skipped`];
    out.line(`\n${parts.join(', ')} in ${seconds.toFixed(1)} s${interrupted ? ' (interrupted: the remaining scenarios did not run)' : ''}`);
  }
  if (interrupted) return ExitCode.interrupted;
  return summary.failed ? 1 : 0;
};
export default test;

function printResult(out: Output, r: ScenarioResult, width: number): void {
  const { c } = out;
  const id = r.id.padEnd(width);
  if (r.status === 'skip') { out.line(`${c.dim('-')} ${c.dim(id)} ${c.dim(`skipped: ${r.got}`)}`); return; }
  const mark = r.status === 'pass' ? c.green('✔') : c.red('✘');
  const ms = r.id === 'response-time' ? '' : c.dim(`${r.ms} ms`);
  out.line(`${mark} ${id} expected ${r.expected}, got ${r.got}  ${ms}`.trimEnd());
  if (r.message) out.line(`    ${c.red(r.message)}`);
  if (r.warning) out.line(`    ${c.yellow(`! ${r.warning}`)}`);
}

async function writableReport(file: string): Promise<string> {
  const st = await stat(file).catch(() => undefined);
  if (st?.isDirectory()) throw new UsageError(`--junit ${file} is a directory`, 'name a file, e.g. --junit reports/hookctl-junit.xml');
  await access(dirname(file), constants.W_OK).catch((err: unknown) => {
    throw new IoError(`cannot write the JUnit report in ${dirname(file)}: ${fileProblem(err)}`, 'create the directory, or point --junit somewhere writable', err);
  });
  return file;
}
