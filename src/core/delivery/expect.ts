import { CheckFailedError, UsageError } from '../errors.js';
import { statusIn } from './policy.js';

export interface Expectation {
  /** As the user wrote it, for messages. */
  text: string;
  matches(status: number | undefined): boolean;
}

/** `--expect 2xx`, `4xx`, `401`, or a list: `200,202` / `400,401,403`. */
export function parseExpect(text: string): Expectation {
  const parts = text.split(',').map((s) => s.trim().toLowerCase());
  for (const p of parts) {
    if (!/^[1-5](xx|\d\d)$/.test(p)) {
      throw new UsageError(`--expect "${text}" is not a status: use 2xx, 4xx, 5xx, a code like 401, or a list like 400,401`, 'e.g. --expect 2xx');
    }
  }
  return { text: parts.join(','), matches: (status) => status !== undefined && statusIn(status, parts) };
}

/** One wording for an unmet --expect, whichever command: a CI log reads one kind of failure line. */
export function expectNotMet(expect: Expectation, unmet: readonly (number | undefined)[], total: number, hint: string): CheckFailedError {
  const got = [...new Set(unmet)].join(', ');
  const what = total === 1 ? 'the response' : `${unmet.length} of ${total} responses`;
  return new CheckFailedError(`${what} did not match --expect ${expect.text} (got ${got})`, hint);
}
