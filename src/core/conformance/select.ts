import { EditMismatchError } from '../delivery/edits.js';
import { UsageError } from '../errors.js';
import type { EventSpec, ProviderProfile } from '../providers/types.js';
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
