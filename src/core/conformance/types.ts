import type { DeliveryBuilder } from '../delivery/build.js';
import type { Delivery, DeliveryOverrides, SignatureMode } from '../delivery/types.js';
import type { HttpResponse } from '../http/client.js';
import type { EventSpec, ProviderProfile } from '../providers/types.js';

/** What a scenario demands of the receiver's answer. */
export type Demand = 'accept' | 'reject' | 'no-crash';

/** One request a scenario sends, and how its answer is judged. */
export interface Probe {
  label: string;
  delivery: Delivery;
  demand: Demand;
  /** Sent for its side effect (the original before a retry): its answer is not judged. */
  unjudged?: boolean;
  /**
   * For a probe that must be rejected: the bug a 2xx to it reveals, ending in the fix
   * (`…; reject a missing timestamp`); the judge appends `with <expected statuses>`.
   */
  ifAccepted?: string;
  /**
   * For a valid probe whose body `JSON.stringify(JSON.parse(body))` would change: the same event as compact
   * JSON, correctly signed. Sent only when the probe is refused: accepted, it proves the receiver verifies a
   * re-serialized body rather than the bytes it was sent.
   */
  compactTwin?: Delivery;
  /** How the probe's body is laid out, for that diagnosis (`Stripe's indented`, `re-serialization probe`). */
  layout?: string;
  /**
   * Judges the whole answer, not only its status (a handshake: the challenge echoed right, in time):
   * the mistake in words, or undefined when the answer is right.
   */
  answer?: (res: HttpResponse) => string | undefined;
}

export interface ScenarioTools {
  profile: ProviderProfile;
  events: readonly EventSpec[];
  /** The provider's first event: what the negative scenarios send, and the baseline they are judged against. */
  event: EventSpec;
  /** The secrets of the run; the first signs, as the builder's deliveries are signed. */
  secrets: readonly string[];
  /** A builder for this provider (valid unless a mode is given), fresh ids per build. */
  builder(mode?: SignatureMode, event?: EventSpec, overrides?: DeliveryOverrides): DeliveryBuilder;
  /** The clock (ms) and id source for a new delivery. */
  world(): { now: number; random: import('../random.js').Random };
}

export interface Scenario {
  id: string;
  /** The config key that overrides its expected statuses (`expect: { invalidSignature: [401] }`). */
  key: string;
  description: string;
  /**
   * Its probes must be refused: a refusal only counts when a valid delivery to the same route was accepted
   * in the same run (the baseline); otherwise the result is inconclusive.
   */
  rejects?: boolean;
  /**
   * Its 2xx means something only from a route that verifies: when the same route accepted a delivery
   * it had to refuse (a forged one), a pass is inconclusive (docs/verdicts.md).
   */
  provesVerification?: boolean;
  /** A reason to skip it for this provider, or undefined when it applies. */
  skip?(profile: ProviderProfile): string | undefined;
  probes(tools: ScenarioTools): Probe[];
}

export interface Exchange {
  label: string;
  demand: Demand;
  unjudged?: boolean;
  /** The probe's `ifAccepted`, for the judge (not reported). */
  ifAccepted?: string;
  /** The probe's layout, for the judge (not reported). */
  layout?: string;
  /** What the probe's `answer` judge found wrong with the answer. */
  problem?: string;
  status?: number;
  /** The compact twin's answer, when the probe was refused and had one. */
  twinStatus?: number;
  ms: number;
  error?: string;
  /** Answered on a fresh connection: the receiver closed the kept-alive one after the exchange before. */
  reconnected?: true;
}

export interface ScenarioResult {
  id: string;
  /** `inconclusive`: a refusal that proves nothing, because the route refused the valid baseline too. */
  status: 'pass' | 'fail' | 'skip' | 'inconclusive';
  /** What was expected and what came back, or why it was skipped. */
  expected: string;
  got: string;
  message?: string;
  warning?: string;
  ms: number;
  exchanges: Exchange[];
}
