import { constants } from 'node:fs';
import { access, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Handler } from '../shared/context.js';
import { secretResolver } from '../shared/secret-resolver.js';
import { verifyTokenFor } from '../../core/config/secret-sources.js';
import { providerFor } from '../shared/target-provider.js';
import { toJunit } from '../../core/conformance/junit.js';
import { runConformance } from '../../core/conformance/run.js';
import type { Exchange, ScenarioResult } from '../../core/conformance/types.js';
import { ExitCode, IoError, UsageError } from '../../core/errors.js';
import { fileProblem } from '../../core/fs-errors.js';
import { createHttpClient } from '../../core/http/client.js';
import { isRejection } from '../../core/http/route.js';
import { redactUrl } from '../../core/http/target.js';
import type { ProviderProfile } from '../../core/providers/types.js';
import { listEvents } from '../../core/catalogue/list-events.js';
import { fixtureDirs } from '../shared/fixture-dirs.js';
import type { TestOptions } from './spec.js';
import { printBaseline, printResult, printSummary, type Summary } from './render.js';

const test: Handler<TestOptions> = async (opts, ctx) => {
  const { io, out } = ctx;
  const settings = await ctx.settings({ provider: opts.provider });
  const to = opts.to ?? settings.target;
  if (!to) throw new UsageError('no receiver to test', 'pass --to localhost:3000/webhooks (or set "target" in the config)');
  const { profile, url } = providerFor(to, settings, out);
  const shown = redactUrl(url);
  const { secrets } = secretResolver(settings, io.env, out.warn, 'signing', opts.secret)(profile);
  const timeoutMs = opts.timeout ?? profile.delivery.timeoutMs;

  // A report that cannot be written is known now, not after the whole suite has run.
  const junitFile = opts.junit === undefined ? undefined : await writableReport(resolve(io.cwd, opts.junit));
  // Lines print as scenarios finish: size the name column for the longest one up front.
  const dirs = fixtureDirs(opts.fixtures, settings, io.cwd);
  const width = Math.max('malformed-signature'.length, ...listEvents(profile, dirs).map((e) => `event:${e.name}`.length)) + 2;
  if (opts.insecure) out.warn('--insecure: TLS certificates are not checked');
  const client = await createHttpClient({ connections: 1, insecure: opts.insecure, monotonic: io.monotonic });
  const started = performance.now();
  let run: Awaited<ReturnType<typeof runConformance>>;
  try {
    if (!out.json) out.log(out.c.dim(`testing ${shown} as ${profile.name} would deliver (timeout ${timeoutMs} ms)`));
    run = await runConformance({
      profile,
      secrets,
      verifyToken: verifyTokenFor(profile, settings, io.env),
      url,
      client,
      timeoutMs,
      slowMs: opts.slow,
      only: opts.only,
      skip: opts.skip,
      expect: settings.config.expect,
      fixtureDirs: dirs,
      edits: { set: opts.set, add: opts.add, remove: opts.remove },
      clock: io.now,
      random: io.random,
      signal: io.signal,
      onBaseline: (x) => (out.json ? out.object({ type: 'baseline', label: x.label, status: x.status ?? null, ms: x.ms }) : printBaseline(out, x, width)),
      onResult: (r) => (out.json ? out.object({ type: 'scenario', ...r }) : printResult(out, r, width)),
      onNote: (id, note) => (out.json ? out.object({ type: 'note', scenario: id, message: note }) : out.line(`    ${out.c.yellow(`! ${id}: ${note}`)}`)),
    });
  } finally {
    await client.destroy();
  }
  const { results } = run;
  const seconds = (performance.now() - started) / 1000;
  const count = (s: ScenarioResult['status']) => results.filter((r) => r.status === s).length;
  const summary: Summary = { passed: count('pass'), failed: count('fail'), inconclusive: count('inconclusive'), skipped: count('skip') };
  if (junitFile) {
    const report = toJunit(results, { name: `hookctl test ${profile.id} ${shown}`, provider: profile.id, target: shown, seconds, allowInconclusive: opts.allowInconclusive === true });
    await writeFile(junitFile, report).catch((err: unknown) => {
      throw new IoError(`cannot write ${junitFile}: ${fileProblem(err)}`, 'check the directory exists and is writable', err);
    });
  }
  const interrupted = io.signal.aborted;
  printSummary(out, { run, summary, seconds, interrupted, provider: profile.id, target: shown, hint: refusedEverything(run, profile) });
  if (interrupted) return ExitCode.interrupted;
  // An inconclusive refusal is not a pass: a CI job opts in to treating it as one.
  return summary.failed || (summary.inconclusive && !opts.allowInconclusive) ? 1 : 0;
};
export default test;

/** When every valid delivery was refused, the likeliest causes: another provider's scheme, or another secret. */
function refusedEverything(run: { results: ScenarioResult[]; baseline?: Exchange }, profile: ProviderProfile): string | undefined {
  const valid = [...run.results.filter((r) => r.id.startsWith('event:')).flatMap((r) => r.exchanges), ...(run.baseline ? [run.baseline] : [])];
  if (valid.length === 0 || !valid.every((x) => x.status !== undefined && isRejection(x.status))) return undefined;
  return (
    `every valid delivery was refused: does this route verify another provider's signatures, or hold another secret? ` +
    `(sent as ${profile.id}; pass --provider <id>, and --secret or HOOKCTL_SECRET_<PROVIDER>)`
  );
}

async function writableReport(file: string): Promise<string> {
  const st = await stat(file).catch(() => undefined);
  if (st?.isDirectory()) throw new UsageError(`--junit ${file} is a directory`, 'name a file, e.g. --junit reports/hookctl-junit.xml');
  await access(dirname(file), constants.W_OK).catch((err: unknown) => {
    throw new IoError(`cannot write the JUnit report in ${dirname(file)}: ${fileProblem(err)}`, 'create the directory, or point --junit somewhere writable', err);
  });
  return file;
}
