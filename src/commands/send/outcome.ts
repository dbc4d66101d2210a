import type { Attempt, Expectation } from '../../core/delivery/index.js';
import { expectNotMet, unmetHint } from '../../core/delivery/index.js';
import { CheckFailedError } from '../../core/errors.js';
import type { HandshakeVerdict } from '../../core/providers/handshake-spec.js';
import { NetworkError } from '../../core/http/client.js';
import { isRouteMissing, routeNotFound, type DefaultRoute } from '../../core/http/route.js';

/** What a run's attempts came to, gathered as they land. */
export class Tally {
  /** Final attempts that got no response. */
  readonly failures: Attempt[] = [];
  /** Final attempts whose status --expect does not accept. */
  readonly unmet: Attempt[] = [];
  /** The first answer that said "no such route" where the marks wanted something else. */
  routeMiss: Attempt | undefined;
  /** Deliveries finished (every copy of them). */
  done = 0;
  /** Handshakes the receiver answered wrongly, with the verdict that says how. */
  readonly handshakesFailed: { attempt: Attempt; verdict: HandshakeVerdict }[] = [];

  constructor(private readonly plan: { expect?: Expectation; marks?: Expectation; duplicates: number }) {}

  /** Record one attempt; true when its mark is a ✔. */
  add(a: Attempt): boolean {
    const status = a.response?.status;
    const ok = this.plan.marks ? this.plan.marks.matches(status) : status !== undefined && status < 300;
    if (a.final && a.error) this.failures.push(a);
    else if (a.final && this.plan.expect && !this.plan.expect.matches(status)) this.unmet.push(a);
    if (!ok && status !== undefined && isRouteMissing(status)) this.routeMiss ??= a;
    if (a.final && a.copy === this.plan.duplicates) this.done++;
    return ok;
  }

  handshake(attempt: Attempt, verdict: HandshakeVerdict): void {
    if (!verdict.ok) this.handshakesFailed.push({ attempt, verdict });
  }
}

/**
 * What a finished run means: its commonest network failure thrown (a server killed mid-burst: thousands
 * refused, a few reset), else an unmet --expect thrown, else 0, with a warning when a route was missing.
 */
export function verdict(tally: Tally, plan: { url: URL; expect?: Expectation }, requests: number, route: DefaultRoute, warn: (text: string) => void): number {
  const byKind = new Map<string, NetworkError[]>();
  for (const { error } of tally.failures) if (error) byKind.set(error.kind, [...(byKind.get(error.kind) ?? []), error]);
  const ranked = [...byKind.values()].sort((a, b) => b.length - a.length);
  const [main] = ranked[0] ?? [];
  if (main) {
    if (requests === 1) throw main;
    const mix = ranked.length > 1 ? ` (${ranked.map((list) => `${list.length} ${list[0]?.kind}`).join(', ')})` : '';
    throw new NetworkError(main.kind, `${tally.failures.length} of ${requests} deliveries got no response${mix}: ${main.message}`, main.hint ?? '', main.code, main);
  }
  const [hs] = tally.handshakesFailed;
  if (hs) {
    const d = hs.attempt.delivery;
    throw new CheckFailedError(
      `${d.provider}/${d.event}: the receiver failed the handshake: ${hs.verdict.message}`,
      `${d.provider} delivers nothing until this is answered right: see docs/handshakes.md`,
    );
  }
  if (plan.expect && tally.unmet.length) {
    const answers = tally.unmet.map((a) => ({ status: a.response?.status, method: a.delivery.method, url: plan.url }));
    throw expectNotMet(
      plan.expect,
      answers.map((a) => a.status),
      requests,
      unmetHint(answers, 'run again with --verbose to see what the receiver answered', route),
    );
  }
  const miss = tally.routeMiss;
  if (miss?.response) warn(routeNotFound(miss.delivery.method, plan.url, miss.response.status, route));
  return 0;
}
