import type { HttpClient, HttpResponse } from '../http/client.js';
import { NetworkError } from '../http/client.js';
import { pool, sleep } from '../timing.js';

export interface Job<T> {
  item: T;
  url: URL;
  method: string;
  headers: [string, string][];
  body: Buffer;
}

export type Sent<T> = { job: Job<T>; response: HttpResponse; error?: undefined } | { job: Job<T>; response?: undefined; error: NetworkError };

export interface RunOptions {
  concurrency: number;
  /** Wait between the starts of two requests. */
  delayMs: number;
  timeoutMs: number;
  signal: AbortSignal;
}

/**
 * Send jobs with at most `concurrency` in flight, starts spaced by `delayMs`; each result is reported as it lands.
 * A request that gets no response is a result (`error`), so one refused connection does not hide the others'.
 */
export async function runJobs<T>(client: HttpClient, jobs: readonly Job<T>[], o: RunOptions, report: (s: Sent<T>) => void): Promise<void> {
  let nextStartAt = 0;
  // Each start reserves the next slot, so starts are `delayMs` apart whatever the concurrency.
  // Spacing is timer work, measured on the monotonic clock like the timers themselves (not the
  // injected wall clock, which signs timestamps and may be fixed in tests).
  const reserve = () => {
    const at = Math.max(performance.now(), nextStartAt);
    nextStartAt = at + o.delayMs;
    return at - performance.now();
  };
  await pool(
    jobs.length,
    o.concurrency,
    async (index) => {
      const job = jobs[index] as Job<T>;
      const wait = o.delayMs > 0 ? reserve() : 0;
      if (wait > 0) await sleep(wait, o.signal);
      if (o.signal.aborted) return;
      try {
        const response = await client.send({ url: job.url, method: job.method, headers: job.headers, body: job.body, timeoutMs: o.timeoutMs });
        report({ job, response });
      } catch (err) {
        if (!(err instanceof NetworkError)) throw err;
        report({ job, error: err });
      }
    },
    o.signal,
  );
}
