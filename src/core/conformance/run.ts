import { createDeliveryBuilder } from '../delivery/build.js';
import { type EditFlags, EditMismatchError } from '../delivery/edits.js';
import { CLOSED_AFTER_ANSWER, deliver } from '../delivery/run.js';
import type { Delivery, DeliveryOverrides, SignatureMode } from '../delivery/types.js';
import { UsageError } from '../errors.js';
import type { HttpClient, HttpResponse } from '../http/client.js';
import { listEvents } from '../catalogue/list-events.js';
import type { EventSpec, ProviderProfile } from '../providers/types.js';
import type { Random } from '../random.js';
import { isRejection, isRouteMissing, routeNotFound } from '../http/route.js';
import { expectedText, judgeAll, type JudgeContext } from './judge.js';
import { firstFitting, select } from './select.js';
import { RESPONSE_TIME } from './scenarios.js';
import type { Exchange, Probe, Scenario, ScenarioResult, ScenarioTools } from './types.js';

export interface ConformanceOptions {
  profile: ProviderProfile;
  secrets: readonly string[];
  /** The token an endpoint check carries where it is not the secret (Meta's `hub.verify_token`). */
  verifyToken?: string;
  url: URL;
  client: HttpClient;
  /** The provider's timeout (or --timeout): a 2xx slower than this fails response-time. */
  timeoutMs: number;
  /** A 2xx slower than this passes with a warning. */
  slowMs?: number;
  only?: readonly string[];
  skip?: readonly string[];
  /** Expected statuses per scenario key, from the config. */
  expect?: Readonly<Record<string, readonly number[]>>;
  fixtureDirs?: readonly string[];
  /** `--set`, `--add`, `--remove`: applied to every delivery's payload. */
  edits?: EditFlags;
  clock: () => number;
  random: Random;
  signal?: AbortSignal;
  onResult?: (r: ScenarioResult) => void;
  /** The valid delivery sent before the first scenario that must be refused, once it is answered. */
  onBaseline?: (x: Exchange) => void;
  /**
   * A scenario already reported turned out to have left its connection closed after its answer (the
   * next delivery found it dead): the note is added to its result's warning too.
   */
  onNote?: (id: string, note: string) => void;
}

/** The scenarios' results, and the valid delivery every refusal was judged against. */
export interface ConformanceRun {
  results: ScenarioResult[];
  /** A valid delivery of the provider's first event to the same route; absent when no scenario refuses. */
  baseline?: Exchange;
  /** The refusal scenarios whose forged deliveries the route accepted (2xx): its other 2xx prove nothing. */
  acceptedForged: string[];
  /** The scenarios made inconclusive by that. */
  unproven: string[];
}

/** A run's state as scenarios go: what was sent, and what the route's answers have proven. */
interface Suite {
  o: ConformanceOptions;
  tools: ScenarioTools;
  judging: JudgeContext;
  requestTimeout: number;
  results: ScenarioResult[];
  baseline?: Exchange;
  acceptedForged: string[];
  unproven: string[];
}

/** Run the scenarios in order; a receiver that cannot be reached at all throws (exit 3). */
export async function runConformance(o: ConformanceOptions): Promise<ConformanceRun> {
  // Every scenario builds on a real event of the provider: without one there is nothing to send.
  const events = listEvents(o.profile, o.fixtureDirs);
  if (!events[0]) throw new UsageError(`${o.profile.id} has no events to test with`, 'add events to the provider in the config');
  const selected = select(o, events);
  const builder = (mode: SignatureMode = 'valid', event: EventSpec = first, overrides?: DeliveryOverrides) =>
    createDeliveryBuilder({ profile: o.profile, event, secrets: o.secrets, verifyToken: o.verifyToken, mode, url: o.url, fixtureDirs: o.fixtureDirs, overrides: { ...o.edits, ...overrides } });
  const world = () => ({ now: o.clock(), random: o.random });
  // The negative scenarios are built on the first event the edits (--set...) fit; the others are inconclusive.
  // A handshake (Slack's url_verification) is no event to forge: the first ordinary event is.
  const ordinary = events.filter((e) => !e.handshake);
  const first = firstFitting(ordinary.length ? ordinary : events, (e) => builder('valid', e).build(world()));
  // Long enough that a slow receiver is judged by response-time, not by every scenario.
  const requestTimeout = Math.max(2 * o.timeoutMs, o.timeoutMs + 5000);
  const suite: Suite = {
    o,
    tools: { profile: o.profile, events, event: first, secrets: o.secrets, builder, world },
    judging: { method: o.profile.request.method, url: o.url, route: { provider: o.profile.id, path: o.profile.request.path }, timeoutMs: requestTimeout },
    requestTimeout,
    results: [],
    acceptedForged: [],
    unproven: [],
  };
  for (const s of selected.scenarios) {
    if (o.signal?.aborted) break;
    const result = await runScenario(suite, s);
    suite.results.push(result);
    o.onResult?.(result);
  }
  if (selected.responseTime) {
    const result = responseTime(suite.results, o);
    suite.results.push(result);
    o.onResult?.(result);
  }
  return { results: suite.results, baseline: suite.baseline, acceptedForged: suite.acceptedForged, unproven: suite.unproven };
}

async function runScenario(suite: Suite, s: Scenario): Promise<ScenarioResult> {
  const { o, tools, requestTimeout } = suite;
  const reason = s.skip?.(o.profile);
  if (reason) return { id: s.id, status: 'skip', expected: '', got: reason, ms: 0, exchanges: [] };
  // A refusal means something only if the same route accepts a valid delivery: send one first.
  if (s.rejects && !suite.baseline) {
    suite.baseline = await send({ label: `baseline ${tools.event.name}`, delivery: tools.builder().build(tools.world()), demand: 'accept' }, o, requestTimeout);
    o.onBaseline?.(suite.baseline);
  }
  let probes: Probe[];
  try {
    probes = s.probes(tools);
  } catch (err) {
    if (!(err instanceof EditMismatchError)) throw err;
    // An edit that does not fit this event: nothing to send, and the suite goes on.
    return { id: s.id, status: 'inconclusive', expected: '', got: 'not sent', message: `inconclusive: ${err.message}, so it was not sent`, ms: 0, exchanges: [] };
  }
  const exchanges: Exchange[] = [];
  const t0 = performance.now();
  for (const probe of probes) exchanges.push(await send(probe, o, requestTimeout));
  noteReconnect(suite, exchanges);
  const within = exchanges.flatMap((x, i) => (i > 0 && x.reconnected ? [closedNote((exchanges[i - 1] as Exchange).label)] : []));
  if (s.id === `event:${tools.event.name}`) suite.baseline ??= exchanges[0];
  return { ...verdict(suite, s, exchanges), ms: Math.round(performance.now() - t0), ...(within.length ? { warning: within.join('; ') } : {}) };
}

/** The first exchange found the connection the previous scenario left dead: the fault is that one's. */
function noteReconnect(suite: Suite, exchanges: Exchange[]): void {
  const before = suite.results.at(-1);
  if (!exchanges[0]?.reconnected || !before) return;
  const note = closedNote(before.exchanges.at(-1)?.label ?? before.id);
  before.warning = before.warning ? `${before.warning}; ${note}` : note;
  suite.o.onNote?.(before.id, note);
}

function verdict(suite: Suite, s: Scenario, exchanges: Exchange[]): Omit<ScenarioResult, 'ms'> {
  const { judging, baseline, acceptedForged } = suite;
  const codes = suite.o.expect?.[s.key];
  const judged = exchanges.filter((x) => !x.unjudged);
  const message = judgeAll(judged, codes, judging, exchanges[0]);
  if (s.rejects && judged.some((x) => x.demand === 'reject' && accepted(x))) acceptedForged.push(s.id);
  // A 2xx from a route that also accepted forged deliveries proves nothing: it may answer 2xx to anything.
  const forgedToo = !message && s.provesVerification && acceptedForged.length > 0;
  if (forgedToo) suite.unproven.push(s.id);
  const inconclusive = (!message && s.rejects && !accepted(baseline)) || forgedToo;
  return {
    id: s.id,
    status: message ? 'fail' : inconclusive ? 'inconclusive' : 'pass',
    expected: expectedText(judged[0]?.demand ?? 'accept', codes),
    got: judged.map((x) => x.status ?? 'no response').join(', '),
    message: message ?? (forgedToo ? acceptsForged(acceptedForged) : inconclusive ? unproven(baseline, judging) : undefined),
    // The advice is in the message when it applies; the report keeps the exchanges to the facts.
    exchanges: exchanges.map(({ ifAccepted: _advice, layout: _layout, problem: _problem, ...x }) => x),
  };
}

const closedNote = (label: string) => `${label}: ${CLOSED_AFTER_ANSWER}; the next delivery was sent again on a fresh connection`;

/** Why a 2xx proves nothing: the same route accepted deliveries it had to refuse. */
function acceptsForged(ids: readonly string[]): string {
  return `inconclusive: this route also accepted deliveries it had to refuse (${ids.join(', ')}), so its 2xx here proves nothing; make those refusals pass first`;
}

const accepted = (x: Exchange | undefined) => x?.status !== undefined && x.status >= 200 && x.status < 300;

/** Why a refusal proves nothing: the route refused a valid delivery too. */
function unproven(baseline: Exchange | undefined, ctx: JudgeContext): string {
  const answer =
    baseline?.status === undefined ? 'got no answer' : isRouteMissing(baseline.status) ? routeNotFound(ctx.method, ctx.url, baseline.status, ctx.route) : `was answered ${baseline.status}`;
  return `inconclusive: a valid delivery to the same route (${baseline?.label ?? 'baseline'}) ${answer}, so this refusal proves nothing; make the valid events pass first`;
}

async function send(probe: Probe, o: ConformanceOptions, timeoutMs: number): Promise<Exchange> {
  const t0 = performance.now();
  const answer = await exchange(probe.delivery, o, timeoutMs);
  const problem = answer.response && probe.answer ? probe.answer(answer.response) : undefined;
  // Refused: the compact twin tells a receiver that re-serializes the JSON from one with the wrong secret.
  const twin = probe.compactTwin && answer.status !== undefined && isRejection(answer.status) ? await exchange(probe.compactTwin, o, timeoutMs) : undefined;
  return {
    label: probe.label,
    demand: probe.demand,
    unjudged: probe.unjudged,
    ifAccepted: probe.ifAccepted,
    layout: probe.layout,
    status: answer.status,
    ms: Math.round(performance.now() - t0),
    error: answer.error,
    ...(answer.reconnected ? { reconnected: answer.reconnected } : {}),
    ...(twin?.status === undefined ? {} : { twinStatus: twin.status }),
    ...(problem ? { problem } : {}),
  };
}

async function exchange(delivery: Delivery, o: ConformanceOptions, timeoutMs: number): Promise<{ status?: number; error?: string; reconnected?: true; response?: HttpResponse }> {
  const { response, error, reconnected } = await deliver(delivery, { client: o.client, url: o.url, timeoutMs });
  if (error && (error.kind === 'refused' || error.kind === 'dns')) throw error;
  return { status: response?.status, error: error?.message, response, ...(reconnected ? { reconnected } : {}) };
}

function responseTime(results: ScenarioResult[], o: ConformanceOptions): ScenarioResult {
  const ok = results.flatMap((r) => r.exchanges).filter((x) => x.status !== undefined && x.status >= 200 && x.status < 300);
  const slowest = ok.reduce((m, x) => Math.max(m, x.ms), 0);
  const expected = `every 2xx within ${o.timeoutMs} ms`;
  if (ok.length === 0) return { id: RESPONSE_TIME.id, status: 'skip', expected, got: 'no 2xx answers to time', ms: 0, exchanges: [] };
  const failed = slowest > o.timeoutMs;
  const warning = !failed && o.slowMs !== undefined && slowest > o.slowMs ? `slowest 2xx took ${slowest} ms (above --slow ${o.slowMs} ms)` : undefined;
  return {
    id: RESPONSE_TIME.id,
    status: failed ? 'fail' : 'pass',
    expected,
    got: `slowest ${slowest} ms`,
    ms: 0,
    exchanges: [],
    warning,
    message: failed ? `slowest 2xx took ${slowest} ms: ${o.profile.name} gives up after ${o.timeoutMs} ms and retries; acknowledge first, work later` : undefined,
  };
}
