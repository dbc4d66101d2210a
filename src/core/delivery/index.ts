/**
 * Deliveries as a provider sends them: built from a profile and an event (fixture, edits,
 * fresh ids), signed through core/signing (with the negative modes), sent over a keep-alive
 * pool, retried per the provider's policy. `send`, `test` and `replay` share this.
 */
export { buildDelivery, createDeliveryBuilder, type DeliveryBuilder } from './build.js';
export { deliver, runDeliveries, type Attempt, type RetryOptions, type RunOptions, type SendTarget } from './run.js';
export { judgeAttempt, maxAttempts, statusIn, type Judgement, type Verdict } from './policy.js';
export { planMode, wrongSecret, truncateSignatures, type ModePlan } from './modes.js';
export { parseEdit, applyEdits, parseHeader, readDataArg, mergeHeaders, type Edit } from './edits.js';
export { parseExpect, type Expectation } from './expect.js';
export { toCurl, shellQuote, quoteBody } from './curl.js';
export { Stats, type RunSummary, type LatencySummary } from './stats.js';
export { SIGNATURE_MODES, type SignatureMode, type Delivery, type PreparedDelivery, type DeliverySpec, type DeliveryOverrides, type HeaderPair, type World } from './types.js';
