export type { Views } from './api.js';
export type { ReplayAnswer, ReplayContext } from './replay.js';
export * from './inspector.js';
