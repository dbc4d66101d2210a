import { setTimeout as timer } from 'node:timers/promises';

/**
 * Wait `ms`, cut short by `signal`: resolves true when the time ran out, false when aborted (never
 * rejects). `ref: false` where a pending wait must not keep the process alive (listen's --delay).
 */
export async function sleep(ms: number, signal?: AbortSignal, ref = true): Promise<boolean> {
  if (signal?.aborted) return false;
  if (ms <= 0) return true;
  try {
    await timer(ms, undefined, { signal, ref });
    return true;
  } catch {
    return false;
  }
}

/**
 * Run tasks 0..count-1 with at most `concurrency` in flight, each started in index order; no new task
 * starts once `signal` is aborted. The one worker pool of send's bursts and replay's jobs.
 */
export async function pool(count: number, concurrency: number, task: (index: number) => Promise<void>, signal?: AbortSignal): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count && !signal?.aborted) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker));
}
