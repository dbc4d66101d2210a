import type { DeliveryBuilder } from '../delivery/build.js';
import type { Delivery, DeliveryOverrides, SignatureMode } from '../delivery/types.js';
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
}

export interface ScenarioTools {
  profile: ProviderProfile;
  events: readonly EventSpec[];
  /** The provider's first event: what the negative scenarios send. */
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
  status?: number;
  ms: number;
  error?: string;
}

export interface ScenarioResult {
  id: string;
  status: 'pass' | 'fail' | 'skip';
  /** What was expected and what came back, or why it was skipped. */
  expected: string;
  got: string;
  message?: string;
  warning?: string;
  ms: number;
  exchanges: Exchange[];
}
