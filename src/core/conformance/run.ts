import { createDeliveryBuilder } from '../delivery/build.js';
import type { EditFlags } from '../delivery/edits.js';
import { deliver } from '../delivery/run.js';
import type { Delivery } from '../delivery/types.js';
import { UsageError } from '../errors.js';
import type { HttpClient } from '../http/client.js';
import { listEvents } from '../catalogue/list.js';
import type { EventSpec, ProviderProfile } from '../providers/types.js';
import type { Random } from '../random.js';
import { isRejection, isRouteMissing, routeNotFound } from '../http/route.js';
import { expectedText, judgeAll, type JudgeContext } from './judge.js';
import { allScenarioIds, eventScenarios, NEGATIVE_SCENARIOS, RESPONSE_TIME } from './scenarios.js';
import type { Exchange, Probe, Scenario, ScenarioResult, ScenarioTools } from './types.js';

export interface ConformanceOptions {
  profile: ProviderProfile;
  secrets: readonly string[];
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
}

/** The scenarios' results, and the valid delivery every refusal was judged against. */
export interface ConformanceRun {
  results: ScenarioResult[];
  /** A valid delivery of the provider's first event to the same route; absent when no scenario refuses. */
  baseline?: Exchange;
}

/** Run the scenarios in order; a receiver that cannot be reached at all throws (exit 3). */
export async function runConformance(o: ConformanceOptions): Promise<ConformanceRun> {
  // Every scenario builds on a real event of the provider: without one there is nothing to send.
  const events = listEvents(o.profile, o.fixtureDirs);
  const first = events[0];
  if (!first) throw new UsageError(`${o.profile.id} has no events to test with`, 'add events to the provider in the config');
  const selected = select(o, events);
  const tools: ScenarioTools = {
    profile: o.profile,
    events,
    event: first,
    secrets: o.secrets,
    builder: (mode = 'valid', event = first, overrides) =>
      createDeliveryBuilder({ profile: o.profile, event, secrets: o.secrets, mode, url: o.url, fixtureDirs: o.fixtureDirs, overrides: { ...o.edits, ...overrides } }),
    world: () => ({ now: o.clock(), random: o.random }),
  };
  // Long enough that a slow receiver is judged by response-time, not by every scenario.
  const requestTimeout = Math.max(2 * o.timeoutMs, o.timeoutMs + 5000);
  const judging: JudgeContext = { method: o.profile.request.method, url: o.url, route: { provider: o.profile.id, path: o.profile.request.path }, timeoutMs: requestTimeout };
  const results: ScenarioResult[] = [];
  const report = (r: ScenarioResult) => {
    results.push(r);
    o.onResult?.(r);
  };
  let baseline: Exchange | undefined;

  for (const s of selected.scenarios) {
    if (o.signal?.aborted) break;
    const codes = o.expect?.[s.key];
    const reason = s.skip?.(o.profile);
    if (reason) {
      report({ id: s.id, status: 'skip', expected: '', got: reason, ms: 0, exchanges: [] });
      continue;
    }
    // A refusal means something only if the same route accepts a valid delivery: send one first.
    if (s.rejects && !baseline) {
      baseline = await send({ label: `baseline ${first.name}`, delivery: tools.builder().build(tools.world()), demand: 'accept' }, o, requestTimeout);
      o.onBaseline?.(baseline);
    }
    const exchanges: Exchange[] = [];
    const t0 = performance.now();
    for (const probe of s.probes(tools)) exchanges.push(await send(probe, o, requestTimeout));
    if (s.id === `event:${first.name}`) baseline ??= exchanges[0];
    const judged = exchanges.filter((x) => !x.unjudged);
    const message = judgeAll(judged, codes, judging);
    const inconclusive = !message && s.rejects && !accepted(baseline);
    report({
      id: s.id,
      status: message ? 'fail' : inconclusive ? 'inconclusive' : 'pass',
      expected: expectedText(judged[0]?.demand ?? 'accept', codes),
      got: judged.map((x) => x.status ?? 'no response').join(', '),
      message: message ?? (inconclusive ? unproven(baseline, judging) : undefined),
      ms: Math.round(performance.now() - t0),
      // The advice is in the message when it applies; the report keeps the exchanges to the facts.
      exchanges: exchanges.map(({ ifAccepted: _advice, layout: _layout, ...x }) => x),
    });
  }
  if (selected.responseTime) report(responseTime(results, o));
  return { results, baseline };
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
    ...(twin?.status === undefined ? {} : { twinStatus: twin.status }),
  };
}

async function exchange(delivery: Delivery, o: ConformanceOptions, timeoutMs: number): Promise<{ status?: number; error?: string }> {
  const { response, error } = await deliver(delivery, { client: o.client, url: o.url, timeoutMs });
  if (error && (error.kind === 'refused' || error.kind === 'dns')) throw error;
  return { status: response?.status, error: error?.message };
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

function select(o: ConformanceOptions, events: readonly EventSpec[]): { scenarios: Scenario[]; responseTime: boolean } {
  const ids = allScenarioIds(events);
  const matches = (list: readonly string[], id: string) => list.some((x) => x === id || (x === 'event' && id.startsWith('event:')) || (x === 'events' && id.startsWith('event:')));
  const hint = `scenarios: events, ${ids.filter((i) => !i.startsWith('event:')).join(', ')}, or event:<name>`;
  for (const x of [...(o.only ?? []), ...(o.skip ?? [])]) {
    if (!ids.includes(x) && x !== 'event' && x !== 'events') {
      throw new UsageError(`unknown scenario "${x}"`, hint);
    }
  }
  if (o.only && o.only.length === 0) throw new UsageError('--only names no scenario', hint);
  const keep = (id: string) => (!o.only?.length || matches(o.only, id)) && !matches(o.skip ?? [], id);
  const scenarios = [...eventScenarios(o.profile, events), ...NEGATIVE_SCENARIOS].filter((s) => keep(s.id));
  const responseTime = keep(RESPONSE_TIME.id);
  // A suite that runs nothing must not pass a CI job.
  if (scenarios.length === 0 && !responseTime) throw new UsageError('--only and --skip leave no scenario to run', hint);
  return { scenarios, responseTime };
}
