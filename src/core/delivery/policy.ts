import type { DeliveryPolicy } from '../providers/types.js';

/**
 * What a provider does after one attempt:
 * - `delivered`: a 2xx, done;
 * - `retry`: retried after `delayMs` (retryOn statuses, or a timeout/refused connection when retryOnTimeout);
 * - `gave-up`: it would retry but the schedule is exhausted;
 * - `rejected`: a permanent failure it never retries (Download API's 4xx);
 * - `disabled`: a stop code (Standard Webhooks' 410 Gone disables the endpoint).
 */
export type Verdict = 'delivered' | 'retry' | 'gave-up' | 'rejected' | 'disabled';

export interface Judgement {
  verdict: Verdict;
  /** Real (scaled) wait before the next attempt, for `retry`. */
  delayMs?: number;
  /** The provider's own delay, unscaled, for display. */
  delaySec?: number;
}

/** `2xx`-style classes or exact codes, as in `retryOn` and `--expect`. */
export function statusIn(status: number, classes: readonly string[]): boolean {
  for (const c of classes) {
    if (c.length === 3 && c.endsWith('xx') ? Math.floor(status / 100) === Number(c[0]) : Number(c) === status) return true;
  }
  return false;
}

/** `attempt` is 1-based; `status` is undefined when no response came (timeout, refused, reset). */
export function judgeAttempt(policy: DeliveryPolicy, attempt: number, status: number | undefined, timeScale = 1): Judgement {
  if (status !== undefined && status >= 200 && status < 300) return { verdict: 'delivered' };
  if (status !== undefined && policy.stopOn?.includes(status)) return { verdict: 'disabled' };
  const retriable = status === undefined ? policy.retryOnTimeout : statusIn(status, policy.retryOn);
  if (!retriable) return { verdict: 'rejected' };
  const delaySec = policy.retryDelaysSec[attempt - 1];
  if (delaySec === undefined) return { verdict: 'gave-up' };
  return { verdict: 'retry', delaySec, delayMs: Math.round(delaySec * 1000 * timeScale) };
}

/** How many attempts the policy allows in all. */
export const maxAttempts = (policy: DeliveryPolicy): number => 1 + policy.retryDelaysSec.length;
