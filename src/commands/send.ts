import type { CommandContext, Handler } from './shared/context.js';
import { VERSION } from '../version.js';
import { secretsFor } from '../core/config/load.js';
import {
  createDeliveryBuilder, expectNotMet, parseExpect, parseHeader, readDataArg, runDeliveries, Stats, toCurl,
  type Attempt, type DeliveryBuilder, type Expectation, type SignatureMode,
} from '../core/delivery/index.js';
import { attemptJson, attemptLine, requestBlock, requestJson, summaryLines, verboseBlock } from './send/render.js';
import { bufferedSink, startProgress } from './send/sink.js';
import { ExitCode, UsageError } from '../core/errors.js';
import { resolveEvent } from '../core/templates/index.js';
import { inputLimits } from '../core/io/capped.js';
import { NetworkError, createHttpClient } from '../core/http/client.js';
import { parseTarget } from '../core/http/target.js';
import { devSecretWarning } from '../core/secrets.js';

export interface SendOptions {
  provider?: string;
  to?: string;
  secret?: string;
  all?: boolean;
  set?: string[];
  data?: string;
  maxInput?: number;
  fixture?: string;
  header?: string[];
  timestamp?: number;
  signature: SignatureMode;
  retry?: boolean;
  // Numbers: parsed, checked and bounded by the spec's shared parsers (src/cli/specs/parsers.ts).
  timeScale: number;
  duplicate: number;
  count: number;
  concurrency: number;
  expect?: string;
  timeout?: number;
  dryRun?: boolean;
  curl?: boolean;
  verbose?: boolean;
}

const send: Handler<SendOptions> = async (opts, ctx, args) => {
  const { io, out } = ctx;
  const [eventName] = args;
  if (opts.all && eventName) throw new UsageError(`give an event or --all, not both (got "${eventName}")`, 'hookctl send --all --provider stripe --to localhost:3000');
  if (!opts.all && !eventName) throw new UsageError('which event?', 'e.g. hookctl send job.completed --to localhost:3000 (hookctl events lists them)');
  const n = { count: opts.count, concurrency: opts.concurrency, duplicates: opts.duplicate, timeScale: opts.timeScale };
  const expect = opts.expect === undefined ? undefined : parseExpect(opts.expect);
  const settings = await ctx.settings(opts.provider ? { provider: opts.provider } : {});
  const resolved = eventName ? [resolveEvent(eventName, settings.providers, settings.provider)] : undefined;
  const profile = resolved?.[0]?.profile ?? settings.providers.find((p) => p.id === settings.provider);
  if (!profile) throw new UsageError(`unknown provider "${settings.provider}"`, 'hookctl providers lists them');
  const events = resolved?.map((r) => r.event) ?? profile.events;
  if (events.length === 0) throw new UsageError(`${profile.id} has no events`, 'add events to the provider in the config');

  const to = opts.to ?? settings.target;
  if (!to && (opts.curl || !opts.dryRun)) throw new UsageError('no target: where should the delivery go?', 'pass --to localhost:3000 (or set "target" in the config)');
  const url = to === undefined ? undefined : parseTarget(to, profile.request.path);
  const { secrets, source } = secretsFor(profile, settings, io.env, opts.secret === undefined ? [] : [opts.secret]);
  if (source === 'dev') out.warn(devSecretWarning(profile.id, profile.devSecret, 'signing'));

  const overrides = {
    set: opts.set, headers: opts.header?.map(parseHeader), fixture: opts.fixture,
    data: opts.data === undefined ? undefined : await readDataArg(opts.data, io.cwd, io.stdin, inputLimits(opts.maxInput, settings.listen.maxBody, io.signal)),
    timestamp: opts.timestamp,
  };
  // Sent verbatim on purpose (a receiver must survive garbage), but a typo should not pass unnoticed.
  if (overrides.data && /json/i.test(profile.request.contentType) && !isJson(overrides.data)) {
    out.warn(`--data is not valid JSON: sending it as is with Content-Type ${profile.request.contentType}`);
  }
  const builders = events.map((event) => createDeliveryBuilder({
    profile, event, secrets, mode: opts.signature, url, overrides, fixtureDirs: settings.fixtureDirs, cwd: io.cwd, userAgent: `hookctl/${VERSION}`,
  }));
  const warning = builders[0]?.plan.warning;
  if (warning) out.warn(warning);

  if (opts.dryRun || opts.curl) return printOffline(ctx, builders, n.count, url, opts.curl === true);
  if (opts.retry && profile.delivery.retryDelaysSec.length === 0) out.warn(`${profile.id} does not retry failed deliveries: one attempt each${profile.delivery.note ? ` (${profile.delivery.note})` : ''}`);
  return sendAll(ctx, builders, { ...n, url: url as URL, expect, retry: opts.retry === true, verbose: opts.verbose === true, timeoutMs: opts.timeout ?? profile.delivery.timeoutMs });
};
export default send;

interface RunPlan {
  url: URL;
  count: number;
  concurrency: number;
  duplicates: number;
  timeScale: number;
  timeoutMs: number;
  retry: boolean;
  verbose: boolean;
  expect?: Expectation;
}

async function sendAll(ctx: CommandContext, builders: DeliveryBuilder[], plan: RunPlan): Promise<number> {
  const { io, out } = ctx;
  const burst = plan.count > 1;
  const single = !burst && builders.length === 1 && plan.duplicates === 1 && !plan.retry;
  const sink = bufferedSink(io.stdout, burst);
  const total = plan.count * builders.length;
  const requests = total * plan.duplicates;
  const href = plan.url.href;
  const progress = burst && !out.json ? await startProgress(total, io.stderr, interactive(io)) : undefined;
  const client = await createHttpClient({ connections: plan.concurrency });
  const onAbort = () => { void client.destroy(); };
  io.signal.addEventListener('abort', onAbort, { once: true });
  const stats = new Stats(requests);
  const failures: Attempt[] = [];
  const unmet: Attempt[] = [];
  let done = 0;
  let shown = 0;

  const onAttempt = (a: Attempt) => {
    const status = a.response?.status;
    const ok = plan.expect ? plan.expect.matches(status) : status !== undefined && status < 300;
    if (a.final && a.error) failures.push(a);
    else if (a.final && plan.expect && !ok) unmet.push(a);
    if (out.json) sink.write(`${JSON.stringify(attemptJson(a, href))}\n`);
    // A burst prints only what went wrong (the first 10); a single failed request is the error line alone.
    else if ((!burst || (!ok && shown++ < 10)) && !(single && a.error)) {
      sink.write(`${attemptLine(a, plan.url, out.c, plan.expect?.matches)}\n`);
      if (plan.verbose) sink.write(verboseBlock(a, plan.url, out.c));
    }
    if (a.final && a.copy === plan.duplicates) {
      done++;
      progress?.tick(done);
    }
  };

  stats.start();
  try {
    for (const builder of builders) {
      if (io.signal.aborted) break;
      await runDeliveries({
        builder, client, url: plan.url, timeoutMs: plan.timeoutMs, count: plan.count, concurrency: plan.concurrency,
        duplicates: plan.duplicates, retry: plan.retry ? { policy: builder.profile.delivery, timeScale: plan.timeScale } : undefined,
        clock: io.now, random: io.random, signal: io.signal, onAttempt, stats,
      });
    }
  } finally {
    progress?.stop();
    io.signal.removeEventListener('abort', onAbort);
    await client.close().catch(() => {});
  }
  const interrupted = io.signal.aborted;
  if (burst) {
    const summary = stats.summary();
    if (out.json) sink.write(`${JSON.stringify({ type: 'summary', deliveries: total, ...summary, ...(interrupted ? { interrupted: true } : {}) })}\n`);
    else sink.write(`${summaryLines(summary, out.c)}\n`);
  }
  sink.flush();

  // Requests cut short by Ctrl-C are not network failures; say how far the run got.
  if (interrupted) {
    out.log(`interrupted: ${done} of ${total} deliveries completed`);
    return ExitCode.interrupted;
  }
  // Name the commonest failure (a server killed mid-burst: thousands refused, a few reset).
  const byKind = new Map<string, NetworkError[]>();
  for (const { error } of failures) if (error) byKind.set(error.kind, [...(byKind.get(error.kind) ?? []), error]);
  const ranked = [...byKind.values()].sort((a, b) => b.length - a.length);
  const [main] = ranked[0] ?? [];
  if (main) {
    if (requests === 1) throw main;
    const mix = ranked.length > 1 ? ` (${ranked.map((list) => `${list.length} ${list[0]?.kind}`).join(', ')})` : '';
    throw new NetworkError(main.kind, `${failures.length} of ${requests} deliveries got no response${mix}: ${main.message}`, main.hint ?? '', main.code, main);
  }
  if (plan.expect && unmet.length) {
    throw expectNotMet(plan.expect, unmet.map((a) => a.response?.status), requests, 'run again with --verbose to see what the receiver answered');
  }
  return ExitCode.ok;
}

/** --dry-run and --curl: build and sign, print, send nothing. */
function printOffline(ctx: CommandContext, builders: DeliveryBuilder[], count: number, url: URL | undefined, curl: boolean): number {
  const { io, out } = ctx;
  for (const builder of builders) {
    for (let i = 0; i < count; i++) {
      const d = builder.build({ now: io.now(), random: io.random });
      const target = url ?? builder.profile.request.path;
      if (out.json) out.object({ type: 'request', provider: d.provider, event: d.event, deliveryId: d.deliveryId ?? null, request: requestJson(d, url?.href), ...(curl ? { curl: toCurl(d, target) } : {}) });
      else out.line(curl ? toCurl(d, target) : `${requestBlock(d, target, out.c, false)}\n`);
    }
  }
  return 0;
}

/** A spinner needs a real terminal: a TTY with a width (ora loops on a 0-column pty), outside CI. */
function interactive(io: CommandContext['io']): boolean {
  const err = io.stderr as { isTTY?: boolean; columns?: number };
  return Boolean(err.isTTY) && (err.columns ?? 0) > 0 && !io.env.CI && io.env.TERM !== 'dumb';
}

function isJson(bytes: Buffer): boolean {
  try {
    JSON.parse(bytes.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}
