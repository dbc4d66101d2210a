import { isRejection, isRouteMissing, routeNotFound, type DefaultRoute } from '../http/route.js';
import type { Demand, Exchange } from './types.js';

const CLASS: Record<Demand, string> = { accept: '2xx', reject: '4xx', 'no-crash': 'not 5xx' };

/** How to get the raw body in the frameworks receivers are written in. */
export const RAW_BODY_HINT =
  "verify the exact bytes received: express.raw({ type: 'application/json' }) in Express, " +
  "request.get_data() in Flask, await request.body() in FastAPI, request.body in Django, file_get_contents('php://input') " +
  'in PHP, request.raw_post in Rails; parse the JSON only after the signature holds';

/** Where the scenarios were sent, for a "route not found" message. */
export interface JudgeContext {
  method: string;
  url: URL;
  route: DefaultRoute;
  timeoutMs: number;
}

export function expectedText(demand: Demand, codes?: readonly number[]): string {
  return codes?.length ? codes.join(' or ') : CLASS[demand];
}

/** Whether an answer meets a demand; a missing route (404, 405, 501) is never a rejection. */
export function meets(demand: Demand, status: number, codes?: readonly number[]): boolean {
  if (codes?.length) return codes.includes(status);
  if (demand === 'accept') return status >= 200 && status < 300;
  if (demand === 'reject') return isRejection(status);
  return status < 500;
}

/**
 * The failures of one scenario's exchanges as one message: probes that failed the same way share a
 * line (`wrong length, no prefix: answered 500: …`) so the advice is said once.
 */
export function judgeAll(exchanges: readonly Exchange[], codes: readonly number[] | undefined, ctx: JudgeContext, earlier?: Exchange): string | undefined {
  // A probe's own diagnosis (`ifAccepted`) holds only when the scenario's plain probes were rejected:
  // a receiver that accepts those too has the plainer bug, said once for all.
  const plainAccepted = exchanges.some((x) => x.demand === 'reject' && !x.ifAccepted && x.status !== undefined && !meets('reject', x.status, codes) && x.status >= 200 && x.status < 300);
  const byProblem = new Map<string, string[]>();
  for (const x of exchanges) {
    const problem = judge(plainAccepted ? { ...x, ifAccepted: undefined } : x, codes, ctx, earlier);
    if (problem !== undefined) byProblem.set(problem, [...(byProblem.get(problem) ?? []), x.label]);
  }
  return [...byProblem].map(([problem, labels]) => `${labels.join(', ')}: ${problem}`).join('; ') || undefined;
}

/** Why an answer fails its demand, in words a receiver's author can act on; undefined when it passes. */
function judge(x: Exchange, codes: readonly number[] | undefined, ctx: JudgeContext, earlier?: Exchange): string | undefined {
  if (x.status === undefined) return x.error ?? `no response within ${ctx.timeoutMs} ms`;
  if (x.problem) return x.problem;
  if (meets(x.demand, x.status, codes)) return undefined;
  const s = x.status;
  if (isRouteMissing(s)) return routeNotFound(ctx.method, ctx.url, s, ctx.route);
  if (x.demand === 'reject') {
    if (s >= 500) {
      return `answered ${s}: the receiver failed instead of rejecting; a verifier must refuse a signature of the wrong length, a missing header or a timestamp that is not a number with 401, not throw (compare lengths before the constant-time comparison, check each header is present and well formed)`;
    }
    if (s >= 200 && s < 300 && x.ifAccepted) return `${x.ifAccepted} with ${expectedText('reject', codes)}`;
    if (s >= 200 && s < 300) return `accepted it (answered ${s}); a receiver must reject this with ${expectedText('reject', codes)}`;
    return `answered ${s}`;
  }
  if (x.demand === 'no-crash') return `answered ${s}: raise the body limit, or answer 413 rather than crash`;
  if (x.label === 'duplicate' || x.label === 'retry') {
    // Refused the first time too: the delivery itself is the problem, not its repetition.
    if (earlier && earlier !== x && !(earlier.status !== undefined && earlier.status >= 200 && earlier.status < 300)) {
      return `answered ${s}, and ${earlier.status ?? 'nothing'} to the ${earlier.label} delivery too: the delivery itself is refused, so this says nothing about idempotency; make the valid events pass first`;
    }
    return `answered ${s}: the receiver is not idempotent; acknowledge a delivery id it already processed with 2xx`;
  }
  if (isRejection(s) && x.twinStatus !== undefined && x.twinStatus >= 200 && x.twinStatus < 300) {
    return (
      `refused ${x.layout ?? 'the delivery'} (answered ${s}) but accepted the same event as compact JSON (answered ${x.twinStatus}): ` +
      `the receiver verifies a re-serialized body (JSON.parse, then JSON.stringify) instead of the bytes it was sent; ${RAW_BODY_HINT}`
    );
  }
  return isRejection(s) ? `rejected a valid delivery (answered ${s}): check the secret and that the raw body is verified` : `answered ${s}`;
}
