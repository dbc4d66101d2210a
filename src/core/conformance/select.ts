import { EditMismatchError } from '../delivery/edits.js';
import { UsageError } from '../errors.js';
import type { EventSpec, ProviderProfile } from '../providers/types.js';
import { handshakeScenarios } from './handshakes.js';
import { allScenarioIds, eventScenarios, NEGATIVE_SCENARIOS, RESPONSE_TIME } from './scenarios.js';
import type { Scenario } from './types.js';

interface Choice {
  profile: ProviderProfile;
  only?: readonly string[];
  skip?: readonly string[];
}

/** The first event whose delivery builds with the run's edits; when none does, the first one's error. */
export function firstFitting(events: readonly EventSpec[], build: (e: EventSpec) => unknown): EventSpec {
  let mismatch: EditMismatchError | undefined;
  for (const e of events) {
    try {
      build(e);
      return e;
    } catch (err) {
      if (!(err instanceof EditMismatchError)) throw err;
      mismatch ??= err;
    }
  }
  throw new UsageError(`the edits fit none of the events: ${mismatch?.message}`, mismatch?.hint);
}

/** The scenarios --only and --skip leave, in the order they run. */
export function select(o: Choice, events: readonly EventSpec[]): { scenarios: Scenario[]; responseTime: boolean } {
  const ids = allScenarioIds(events);
  const group = (x: string, id: string) => ((x === 'event' || x === 'events') && id.startsWith('event:')) || ((x === 'handshake' || x === 'handshakes') && id.startsWith('handshake:'));
  const matches = (list: readonly string[], id: string) => list.some((x) => x === id || group(x, id));
  const hint = `scenarios: handshakes, events, ${ids.filter((i) => !i.includes(':')).join(', ')}, event:<name> or handshake:<name>`;
  for (const x of [...(o.only ?? []), ...(o.skip ?? [])]) {
    if (!ids.includes(x) && !['event', 'events', 'handshake', 'handshakes'].includes(x)) {
      throw new UsageError(`unknown scenario "${x}"`, hint);
    }
  }
  if (o.only && o.only.length === 0) throw new UsageError('--only names no scenario', hint);
  const keep = (id: string) => (!o.only?.length || matches(o.only, id)) && !matches(o.skip ?? [], id);
  // Handshakes first: a receiver that fails one would never be sent an event. They are not events too.
  const ordinary = events.filter((e) => !e.handshake);
  const scenarios = [...handshakeScenarios(o.profile, events), ...eventScenarios(o.profile, ordinary), ...NEGATIVE_SCENARIOS].filter((s) => keep(s.id));
  const responseTime = keep(RESPONSE_TIME.id);
  // A suite that runs nothing must not pass a CI job.
  if (scenarios.length === 0 && !responseTime) throw new UsageError('--only and --skip leave no scenario to run', hint);
  return { scenarios, responseTime };
}
