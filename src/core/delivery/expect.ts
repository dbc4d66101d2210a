import { CheckFailedError, UsageError } from '../errors.js';
import { isRejection, isRouteMissing, routeNotFound, type DefaultRoute } from '../http/route.js';
import { statusIn } from './policy.js';

export interface Expectation {
  /** As the user wrote it, for messages. */
  text: string;
  matches(status: number | undefined): boolean;
}

/**
 * `--expect 2xx`, `4xx`, `401`, `rejected`, or a list: `200,202` / `400,401,403`.
 * `rejected` is "refused for a reason": a 4xx other than 404 and 405. `4xx` means the same, because a
 * missing route is never a rejection (a CI job asserting "bad signatures are refused" must not pass on
 * a typo in the path). An exact code (`--expect 404`) still matches exactly.
 */
export function parseExpect(text: string): Expectation {
  const parts = text.split(',').map((s) => s.trim().toLowerCase());
  for (const p of parts) {
    if (p !== 'rejected' && !/^[1-5](xx|\d\d)$/.test(p)) {
      throw new UsageError(`--expect "${text}" is not a status: use 2xx, 4xx, rejected, a code like 401, or a list like 400,401`, 'e.g. --expect 2xx');
    }
  }
  const one = (status: number, p: string) => (p === 'rejected' || p === '4xx' ? isRejection(status) : statusIn(status, [p]));
  return { text: parts.join(','), matches: (status) => status !== undefined && parts.some((p) => one(status, p)) };
}

/** What a negative `--signature` mode expects when no --expect is given: a refusal for a reason. */
export const REJECTED: Expectation = parseExpect('rejected');

/** One wording for an unmet --expect, whichever command: a CI log reads one kind of failure line. */
export function expectNotMet(expect: Expectation, unmet: readonly (number | undefined)[], total: number, hint: string): CheckFailedError {
  const got = [...new Set(unmet)].join(', ');
  const what = total === 1 ? 'the response' : `${unmet.length} of ${total} responses`;
  return new CheckFailedError(`${what} did not match --expect ${expect.text} (got ${got})`, hint);
}

/** The hint for an unmet expectation: a missing route is named as such, whatever else went wrong. */
export function unmetHint(answers: readonly { status?: number; method: string; url: URL | string }[], fallback: string, route?: DefaultRoute): string {
  const miss = answers.find((a) => a.status !== undefined && isRouteMissing(a.status));
  return miss ? routeNotFound(miss.method, miss.url, miss.status as number, route) : fallback;
}
