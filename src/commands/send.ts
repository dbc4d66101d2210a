import type { CommandContext, Handler } from './shared/context.js';
import { VERSION } from '../version.js';
import { secretResolver } from './shared/secrets.js';
import {
  createDeliveryBuilder,
  parseExpect,
  parseHeader,
  readDataArg,
  REJECTED,
  runDeliveries,
  Stats,
  toCurl,
  type Attempt,
  type DeliveryBuilder,
  type Expectation,
  type SignatureMode,
} from '../core/delivery/index.js';
import { attemptJson, attemptLine, requestBlock, requestJson, summaryLines, verboseBlock } from './send/render.js';
import { bufferedSink, startProgress } from './send/sink.js';
import { Tally, verdict } from './send/outcome.js';
import { ExitCode, UsageError } from '../core/errors.js';
import { listEvents } from '../core/catalogue/list.js';
import { resolveEvent, type BodyFormat } from '../core/templates/index.js';
import { fixtureDirs } from './fixture-dirs.js';
import { inputLimits } from '../core/io/capped.js';
import { createHttpClient } from '../core/http/client.js';
import { parseTarget, targetHasPath } from '../core/http/target.js';
import { providerFromPath } from '../core/providers/registry.js';

export interface SendOptions {
  provider?: string;
  to?: string;
  secret?: string;
  all?: boolean;
  set?: string[];
  add?: string[];
  remove?: string[];
  data?: string;
  maxInput?: number;
  fixture?: string;
  fixtures?: string;
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
  bodyFormat?: BodyFormat;
  insecure?: boolean;
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
  if (opts.bodyFormat && opts.data !== undefined)
    throw new UsageError('--body-format lays out a template; --data is sent byte for byte', 'drop one of them (use --fixture to lay out your own template)');
  const settings = await ctx.settings(opts.provider ? { provider: opts.provider } : {});
  const dirs = fixtureDirs(opts.fixtures, settings, io.cwd);
  const to = opts.to ?? settings.target;
  // Without a chosen provider, `--to :3000/webhooks/stripe` means Stripe, for bare names and --all alike.
  const named = to && !settings.providerExplicit && targetHasPath(to) ? providerFromPath(parseTarget(to), settings.providers) : undefined;
  const home = named ?? settings.profile;
  const resolved = eventName ? [resolveEvent(eventName, settings.providers, home.id, dirs)] : undefined;
  const profile = resolved?.[0]?.profile ?? home;
  if (named && profile === named && named !== settings.profile) out.log(`provider ${named.id}, named by the path in --to (pass --provider to choose another)`);
  const events = resolved?.map((r) => r.event) ?? listEvents(profile, dirs);
  if (events.length === 0) throw new UsageError(`${profile.id} has no events`, 'add events to the provider in the config');

  if (!to && (opts.curl || !opts.dryRun)) throw new UsageError('no target: where should the delivery go?', 'pass --to localhost:3000 (or set "target" in the config)');
  const url = to === undefined ? undefined : parseTarget(to, profile.request.path);
  const { secrets } = secretResolver(settings, io.env, out.warn, 'signing', opts.secret === undefined ? [] : [opts.secret])(profile);

  const overrides = {
    set: opts.set,
    add: opts.add,
    remove: opts.remove,
    headers: opts.header?.map(parseHeader),
    fixture: opts.fixture,
    data: opts.data === undefined ? undefined : await readDataArg(opts.data, io.cwd, io.stdin, inputLimits(opts.maxInput, settings.listen.maxBody, io.signal)),
    timestamp: opts.timestamp,
    bodyFormat: opts.bodyFormat,
  };
  // Sent verbatim on purpose (a receiver must survive garbage), but a typo should not pass unnoticed.
  if (overrides.data && /json/i.test(profile.request.contentType) && !isJson(overrides.data)) {
    out.warn(`--data is not valid JSON: sending it as is with Content-Type ${profile.request.contentType}`);
  }
  const builders = events.map((event) =>
    createDeliveryBuilder({
      profile,
      event,
      secrets,
      mode: opts.signature,
      url,
      overrides,
      fixtureDirs: dirs,
      cwd: io.cwd,
      userAgent: `hookctl/${VERSION}`,
    }),
  );
  const warning = builders[0]?.plan.warning;
  if (warning) out.warn(warning);

  if (opts.dryRun || opts.curl) return printOffline(ctx, builders, n.count, url, opts.curl === true);
  if (opts.retry && profile.delivery.retryDelaysSec.length === 0)
    out.warn(`${profile.id} does not retry failed deliveries: one attempt each${profile.delivery.note ? ` (${profile.delivery.note})` : ''}`);
  // A negative mode is answered right by a refusal: without --expect, that is what its ✔ means.
  const marks = expect ?? (builders[0]?.plan.expectRejected ? REJECTED : undefined);
  return sendAll(ctx, builders, {
    ...n,
    url: url as URL,
    expect,
    marks,
    retry: opts.retry === true,
    verbose: opts.verbose === true,
    insecure: opts.insecure === true,
    timeoutMs: opts.timeout ?? profile.delivery.timeoutMs,
  });
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
  insecure: boolean;
  /** --expect: unmet, it fails the run. */
  expect?: Expectation;
  /** What the ✔/✘ marks follow: --expect, else what the signature mode calls for, else a 2xx. */
  marks?: Expectation;
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
  if (plan.insecure) out.warn('--insecure: TLS certificates are not checked');
  const client = await createHttpClient({ connections: plan.concurrency, insecure: plan.insecure });
  const onAbort = () => {
    void client.destroy();
  };
  io.signal.addEventListener('abort', onAbort, { once: true });
  const stats = new Stats(requests);
  const tally = new Tally(plan);
  let shown = 0;

  const onAttempt = (a: Attempt) => {
    const ok = tally.add(a);
    if (out.json) sink.write(`${JSON.stringify(attemptJson(a, href))}\n`);
    // A burst prints only what went wrong (the first 10); a single failed request is the error line alone.
    else if ((!burst || (!ok && shown++ < 10)) && !(single && a.error)) {
      sink.write(`${attemptLine(a, plan.url, out.c, plan.marks?.matches)}\n`);
      if (plan.verbose) sink.write(verboseBlock(a, plan.url, out.c));
    }
    if (a.final && a.copy === plan.duplicates) progress?.tick(tally.done);
  };

  stats.start();
  try {
    for (const builder of builders) {
      if (io.signal.aborted) break;
      await runDeliveries({
        builder,
        client,
        url: plan.url,
        timeoutMs: plan.timeoutMs,
        count: plan.count,
        concurrency: plan.concurrency,
        duplicates: plan.duplicates,
        retry: plan.retry ? { policy: builder.profile.delivery, timeScale: plan.timeScale } : undefined,
        clock: io.now,
        random: io.random,
        signal: io.signal,
        onAttempt,
        stats,
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
    out.log(`interrupted: ${tally.done} of ${total} deliveries completed`);
    return ExitCode.interrupted;
  }
  const route = { provider: builders[0]?.profile.id ?? '', path: builders[0]?.profile.request.path ?? '/' };
  return verdict(tally, plan, requests, route, out.warn);
}

/** --dry-run and --curl: build and sign, print, send nothing. */
function printOffline(ctx: CommandContext, builders: DeliveryBuilder[], count: number, url: URL | undefined, curl: boolean): number {
  const { io, out } = ctx;
  for (const builder of builders) {
    for (let i = 0; i < count; i++) {
      const d = builder.build({ now: io.now(), random: io.random });
      const target = d.url ?? url ?? builder.profile.request.path;
      if (out.json)
        out.object({
          type: 'request',
          provider: d.provider,
          event: d.event,
          deliveryId: d.deliveryId ?? null,
          request: requestJson(d, (d.url ?? url)?.href),
          ...(curl ? { curl: toCurl(d, target) } : {}),
        });
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
