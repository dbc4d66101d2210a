import { pool, sleep } from '../timing.js';
import { NetworkError, type HttpClient, type HttpResponse } from '../http/client.js';
import type { DeliveryPolicy } from '../providers/types.js';
import type { Random } from '../random.js';
import type { DeliveryBuilder } from './build.js';
import { judgeAttempt, maxAttempts, type Judgement } from './policy.js';
import { Stats, type RunSummary } from './stats.js';
import type { Delivery } from './types.js';

/** One HTTP exchange (or the failure to get one) and what the provider would do next. */
export interface Attempt {
  /** Which delivery of the run (0-based), which identical copy of it (1-based), which attempt (1-based). */
  index: number;
  copy: number;
  attempt: number;
  /** Attempts the policy allows (1 without --retry). */
  of: number;
  delivery: Delivery;
  response?: HttpResponse;
  error?: NetworkError;
  /** Only with a retry policy. */
  judgement?: Judgement;
  /** The last attempt of this copy: its outcome is the delivery's. */
  final: boolean;
  /** Answered on a fresh connection: the receiver had closed the kept-alive one after the previous answer. */
  reconnected?: true;
}

export interface SendTarget {
  client: HttpClient;
  url: URL;
  timeoutMs: number;
}

/** `reconnected`: the first try met a connection the receiver had closed, and a fresh one answered. */
type Outcome = { response?: HttpResponse; error?: NetworkError; reconnected?: true };
const answered = (response: HttpResponse): Outcome => ({ response });
const unanswered = (err: unknown): Outcome => {
  if (err instanceof NetworkError) return { error: err };
  throw err;
};

/** What a delivery whose kept-alive connection was dead is told about the one before it. */
export const CLOSED_AFTER_ANSWER = 'the receiver closed the connection after answering (a handler that writes again after its answer, ERR_HTTP_HEADERS_SENT in Express)';

/**
 * Send one signed delivery. A missing response is a value (`error`); anything else throws.
 * Deliveries reuse kept-alive connections; a receiver that answers and then drops its connection
 * makes the *next* delivery meet a closed socket. Providers open a fresh connection (or retry), so a
 * delivery that gets no answer because its connection was closed is sent once more on a fresh one:
 * answered then, it is `reconnected`, and the fault belongs to the delivery before it.
 */
export async function deliver(delivery: Delivery, target: SendTarget): Promise<Outcome> {
  const once = () =>
    target.client
      .send({
        // A URL-signed delivery goes where it was signed for (Twilio's bodySHA256 rides in the query).
        url: delivery.url ?? target.url,
        method: delivery.method,
        headers: delivery.headers,
        body: delivery.body,
        timeoutMs: target.timeoutMs,
      })
      .then(answered, unanswered);
  const first = await once();
  if (first.error?.kind !== 'reset') return first;
  const second = await once();
  return second.response ? { ...second, reconnected: true } : second;
}

export interface RetryOptions {
  policy: DeliveryPolicy;
  /** 0.001 turns the provider's 30 minutes into 1.8 s. */
  timeScale: number;
}

export interface RunOptions extends SendTarget {
  builder: DeliveryBuilder;
  /** Deliveries, each with fresh ids, payload and signature. */
  count?: number;
  /** Deliveries in flight at once (keep-alive connections). */
  concurrency?: number;
  /** Identical copies of each delivery, sent one after another. */
  duplicates?: number;
  /** Follow the provider's retry policy; without it every copy is one attempt. */
  retry?: RetryOptions;
  clock: () => number;
  random: Random;
  signal?: AbortSignal;
  onAttempt?: (attempt: Attempt) => void;
  /** Shared across runs (--all with --count) for one summary; a fresh one otherwise. */
  stats?: Stats;
}

/**
 * Run deliveries: `count` fresh ones, `concurrency` at a time, each sent `duplicates` times
 * identically; with `retry`, each copy follows the policy, keeping its delivery id and re-signing
 * every attempt as the provider does.
 */
export async function runDeliveries(opts: RunOptions): Promise<RunSummary> {
  const count = opts.count ?? 1;
  const stats = opts.stats ?? new Stats(count);
  const of = opts.retry ? maxAttempts(opts.retry.policy) : 1;

  const one = async (index: number) => {
    const prepared = opts.builder.prepare({ now: opts.clock(), random: opts.random });
    const first = opts.builder.sign(prepared, opts.clock());
    for (let copy = 1; copy <= (opts.duplicates ?? 1); copy++) {
      let delivery = first;
      for (let attempt = 1; ; attempt++) {
        if (opts.signal?.aborted) return;
        const { response, error, reconnected } = await deliver(delivery, opts);
        if (error && opts.signal?.aborted) return; // cut short by Ctrl-C: not an outcome
        stats.record(response?.status, error, response?.timings.totalMs ?? 0);
        const judgement = opts.retry ? judgeAttempt(opts.retry.policy, attempt, response?.status, opts.retry.timeScale) : undefined;
        const final = judgement?.verdict !== 'retry';
        opts.onAttempt?.({ index, copy, attempt, of, delivery, response, error, judgement, final, ...(reconnected ? { reconnected } : {}) });
        if (final) break;
        if (!(await sleep(judgement?.delayMs ?? 0, opts.signal))) return;
        delivery = opts.builder.sign(prepared, opts.clock());
      }
    }
  };

  if (!opts.stats) stats.start();
  await pool(count, opts.concurrency ?? 1, one, opts.signal);
  return stats.summary();
}
