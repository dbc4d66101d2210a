import type { CommandContext } from '../shared/context.js';
import { runDeliveries } from '../../core/delivery/run.js';
import { Stats } from '../../core/delivery/stats.js';
import type { Attempt } from '../../core/delivery/run.js';
import type { DeliveryBuilder } from '../../core/delivery/build.js';
import type { Expectation } from '../../core/delivery/expect.js';
import { createHttpClient } from '../../core/http/client.js';
import { ExitCode } from '../../core/errors.js';
import { judgeDelivery } from '../../core/handshake/delivery.js';
import { attemptJson, attemptLine, handshakeLine, summaryLines, verboseBlock } from './render.js';
import { bufferedSink, startProgress } from './sink.js';
import { Tally, verdict } from './outcome.js';

/** How a run sends: loaded only when something is sent (--dry-run and --curl never need it). */
export interface RunPlan {
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
  /** The secret a handshake's answer is computed with (Zoom's encryptedToken). */
  secret?: string;
}

export async function sendAll(ctx: CommandContext, builders: DeliveryBuilder[], plan: RunPlan): Promise<number> {
  const { io, out } = ctx;
  const burst = plan.count > 1;
  const single = !burst && builders.length === 1 && plan.duplicates === 1 && !plan.retry;
  const sink = bufferedSink(io.stdout, burst);
  const total = plan.count * builders.length;
  const requests = total * plan.duplicates;
  const href = plan.url.href;
  const progress = burst && !out.json ? await startProgress(total, io.stderr, interactive(io)) : undefined;
  if (plan.insecure) out.warn('--insecure: TLS certificates are not checked');
  const client = await createHttpClient({ connections: plan.concurrency, insecure: plan.insecure, monotonic: io.monotonic });
  const onAbort = () => {
    void client.destroy();
  };
  io.signal.addEventListener('abort', onAbort, { once: true });
  const stats = new Stats(requests);
  const tally = new Tally(plan);
  let shown = 0;

  const handshakes = new Map(builders.filter((b) => b.event.handshake).map((b) => [b.event.name, b]));
  const onAttempt = (a: Attempt) => {
    const ok = tally.add(a);
    const hs = handshakes.get(a.delivery.event);
    const judged = hs && a.final && a.response ? judgeDelivery(hs.event, hs.profile.name, a.delivery, a.response, plan.secret ?? '') : undefined;
    if (judged) tally.handshake(a, judged);
    if (out.json) sink.write(`${JSON.stringify({ ...attemptJson(a, href), ...(judged ? { handshake: judged } : {}) })}\n`);
    // A burst prints only what went wrong (the first 10); a single failed request is the error line alone.
    else if ((!burst || ((!ok || judged?.ok === false) && shown++ < 10)) && !(single && a.error)) {
      sink.write(`${attemptLine(a, plan.url, out.c, plan.marks?.matches)}\n`);
      if (judged && hs?.event.handshake) sink.write(`${handshakeLine(judged, hs.profile.name, hs.event.handshake.name, out.c)}\n`);
      if (plan.verbose) sink.write(verboseBlock(a, plan.url, out.c));
    }
    if (a.final && a.copy === plan.duplicates) progress?.tick(tally.done);
  };

  stats.start();
  try {
    await sendEach(ctx, builders, plan, { client, stats, onAttempt });
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

type Shared = Pick<Parameters<typeof runDeliveries>[0], 'client' | 'stats' | 'onAttempt'>;

/** Each event's deliveries in turn, on one client; Ctrl-C stops before the next event. */
async function sendEach({ io }: CommandContext, builders: DeliveryBuilder[], plan: RunPlan, shared: Shared): Promise<void> {
  for (const builder of builders) {
    if (io.signal.aborted) break;
    await runDeliveries({
      ...shared,
      builder,
      url: plan.url,
      timeoutMs: plan.timeoutMs,
      count: plan.count,
      concurrency: plan.concurrency,
      duplicates: plan.duplicates,
      retry: plan.retry ? { policy: builder.profile.delivery, timeScale: plan.timeScale } : undefined,
      clock: io.now,
      random: io.random,
      signal: io.signal,
    });
  }
}

/** A spinner needs a real terminal: a TTY with a width (ora loops on a 0-column pty), outside CI. */
function interactive(io: CommandContext['io']): boolean {
  const err = io.stderr as { isTTY?: boolean; columns?: number };
  return Boolean(err.isTTY) && (err.columns ?? 0) > 0 && !io.env.CI && io.env.TERM !== 'dumb';
}
