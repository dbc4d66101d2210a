import type { NetworkError } from '../http/client.js';

export interface LatencySummary {
  min: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface RunSummary {
  /** HTTP exchanges attempted (retries and duplicates included). */
  requests: number;
  /** Requests that got a response. */
  responses: number;
  durationMs: number;
  /** Requests per second over the run's wall time. */
  rps: number;
  /** Milliseconds, over requests that got a response. */
  latency: LatencySummary;
  /** Count per status code, and per failure kind (`refused`, `timeout`...) for requests without one. */
  statuses: Record<string, number>;
}

/** Collects latencies and statuses with no per-request allocation beyond the latency slot. */
export class Stats {
  private latencies: Float64Array;
  private n = 0;
  private requests = 0;
  private readonly statuses = new Map<string, number>();
  private t0 = performance.now();

  constructor(expected = 16) {
    // Grows as needed: preallocating a huge --count would cost memory before a single request.
    this.latencies = new Float64Array(Math.min(Math.max(16, expected), 1 << 20));
  }

  start(): void {
    this.t0 = performance.now();
  }

  record(status: number | undefined, error: NetworkError | undefined, ms: number): void {
    this.requests++;
    const key = status !== undefined ? String(status) : (error?.kind ?? 'error');
    this.statuses.set(key, (this.statuses.get(key) ?? 0) + 1);
    if (status === undefined) return;
    if (this.n === this.latencies.length) {
      const grown = new Float64Array(this.n * 2);
      grown.set(this.latencies);
      this.latencies = grown;
    }
    this.latencies[this.n++] = ms;
  }

  summary(): RunSummary {
    const durationMs = performance.now() - this.t0;
    const sorted = this.latencies.slice(0, this.n).sort();
    let sum = 0;
    for (const v of sorted) sum += v;
    const at = (p: number) => round(sorted[Math.min(this.n - 1, Math.max(0, Math.ceil((p / 100) * this.n) - 1))] ?? 0);
    return {
      requests: this.requests,
      responses: this.n,
      durationMs: round(durationMs),
      rps: durationMs > 0 ? Math.round((this.requests / durationMs) * 1000) : 0,
      latency: { min: at(0), mean: round(this.n ? sum / this.n : 0), p50: at(50), p95: at(95), p99: at(99), max: round(sorted[this.n - 1] ?? 0) },
      statuses: Object.fromEntries([...this.statuses].sort(([a], [b]) => a.localeCompare(b))),
    };
  }
}

/** Milliseconds to two decimals, as every timing hookctl reports. */
export const round = (ms: number) => Math.round(ms * 100) / 100;
