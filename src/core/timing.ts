/**
 * Wait `ms`, cut short by `signal`: resolves true when the time ran out, false when aborted (never
 * rejects). `ref: false` where a pending wait must not keep the process alive (listen's --delay).
 * The global timer, not node:timers/promises, so a test's fake clock drives it too.
 */
export function sleep(ms: number, signal?: AbortSignal, ref = true): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ranOut: boolean) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(ranOut);
    };
    const onAbort = () => done(false);
    const timer = setTimeout(() => done(true), ms);
    if (!ref) timer.unref();
    signal?.addEventListener('abort', onAbort, { once: true });
  });
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

/**
 * Gathers items and hands them to `run` together, once per event-loop turn (in the check phase,
 * after every socket the turn read). Under load a turn holds many requests, and running one stage
 * for all of them before the next keeps its code and data in the CPU's caches: in listen, verifying
 * 20 requests back to back cost a quarter of verifying each between two socket writes (bench/README.md).
 */
export function perTurn<T>(run: (items: T[]) => void): { push(item: T): void; flush(): void } {
  let items: T[] = [];
  let scheduled: NodeJS.Immediate | undefined;
  const flush = () => {
    clearImmediate(scheduled);
    scheduled = undefined;
    const taken = items;
    items = [];
    if (taken.length) run(taken);
  };
  return {
    push(item) {
      items.push(item);
      scheduled ??= setImmediate(flush);
    },
    /** Runs what is gathered now (a server closing must not leave its last turn unreported). */
    flush,
  };
}
