import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HttpClient, HttpRequest } from '../../src/core/http/client.js';
import { type Job, runJobs } from '../../src/core/replay/run.js';

afterEach(() => {
  vi.useRealTimers();
});

/** A client that answers at once and notes when each request started, on the (fake) clock. */
function recordingClient(starts: number[]): HttpClient {
  return {
    send: async (_req: HttpRequest) => {
      starts.push(performance.now());
      return { status: 200, headers: {}, body: Buffer.alloc(0), timings: { ttfbMs: 0, totalMs: 0 } };
    },
    close: async () => {},
    destroy: async () => {},
  };
}

const jobs = (n: number): Job<number>[] => Array.from({ length: n }, (_, i) => ({ item: i, url: new URL('http://127.0.0.1/'), method: 'POST', headers: [], body: Buffer.alloc(0) }));

describe('runJobs: --delay spaces the starts of requests', () => {
  it.each([1, 3])('three jobs, --delay 300, concurrency %i: starts 300 ms apart on the clock', async (concurrency) => {
    // A fake clock: the spacing is asserted exactly, and no test waits on the real one.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const starts: number[] = [];
    const done = runJobs(recordingClient(starts), jobs(3), { concurrency, delayMs: 300, timeoutMs: 1000, signal: new AbortController().signal }, () => {});
    await vi.runAllTimersAsync();
    await done;
    expect(starts.map((t) => t - (starts[0] as number))).toEqual([0, 300, 600]);
  });

  it('Ctrl-C during a wait starts nothing more', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const starts: number[] = [];
    const abort = new AbortController();
    const done = runJobs(recordingClient(starts), jobs(3), { concurrency: 1, delayMs: 300, timeoutMs: 1000, signal: abort.signal }, () => {});
    await vi.advanceTimersByTimeAsync(0);
    abort.abort();
    await vi.runAllTimersAsync();
    await done;
    expect(starts).toHaveLength(1);
  });
});
