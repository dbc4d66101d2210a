/**
 * Deliveries as a provider sends them: built from a profile and an event (fixture, edits,
 * fresh ids), signed through core/signing (with the negative modes), sent over a keep-alive
 * pool, retried per the provider's policy. `send`, `test` and `replay` share this.
 */
export { buildDelivery, createDeliveryBuilder, type DeliveryBuilder } from './build.js';
export { runDeliveries, type Attempt } from './run.js';
export { judgeAttempt } from './policy.js';
export { planMode } from './modes.js';
export { parseEdit, applyEdits, parseHeader, readDataArg, mergeHeaders } from './edits.js';
export { expectNotMet, parseExpect, REJECTED, unmetHint, type Expectation } from './expect.js';
export { toCurl, quoteBody } from './curl.js';
export { Stats } from './stats.js';
export type { SignatureMode } from './types.js';
