import type { Demand, Exchange } from './types.js';

const CLASS: Record<Demand, string> = { accept: '2xx', reject: '4xx', 'no-crash': 'not 5xx' };

export function expectedText(demand: Demand, codes?: readonly number[]): string {
  return codes?.length ? codes.join(' or ') : CLASS[demand];
}

function meets(demand: Demand, status: number, codes?: readonly number[]): boolean {
  if (codes?.length) return codes.includes(status);
  if (demand === 'accept') return status >= 200 && status < 300;
  if (demand === 'reject') return status >= 400 && status < 500;
  return status < 500;
}

/** Why an answer fails its demand, in words a receiver's author can act on; undefined when it passes. */
export function judge(x: Exchange, codes: readonly number[] | undefined, timeoutMs: number): string | undefined {
  if (x.status === undefined) return x.error ?? `no response within ${timeoutMs} ms`;
  if (meets(x.demand, x.status, codes)) return undefined;
  const s = x.status;
  if (x.demand === 'reject') {
    if (s >= 500) return `${x.label}: answered ${s}: the verifier crashed instead of rejecting (check the signature's length before timingSafeEqual and guard missing headers), answer 401`;
    if (s >= 200 && s < 300) return `${x.label}: accepted it (answered ${s}); a receiver must reject this with 4xx`;
    return `${x.label}: answered ${s}`;
  }
  if (x.demand === 'no-crash') return `${x.label}: answered ${s}: raise the body limit, or answer 413 rather than crash`;
  if (x.label === 'duplicate' || x.label === 'retry') {
    return `${x.label}: answered ${s}: the receiver is not idempotent; acknowledge a delivery id it already processed with 2xx`;
  }
  return s >= 400 && s < 500 ? `${x.label}: rejected a valid delivery (answered ${s}): check the secret and that the raw body is verified` : `${x.label}: answered ${s}`;
}
