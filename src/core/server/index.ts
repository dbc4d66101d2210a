export { DedupIndex } from './dedup.js';
export { fingerprinter } from './fingerprint.js';
export { statusSequence, type ReceivedDelivery } from './pipeline.js';
export { eventFromBody, checkArrival } from './arrival.js';
export type { Rejection } from './http.js';
export * from './capture-server.js';
