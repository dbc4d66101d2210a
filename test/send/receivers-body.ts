import type { ReceiverFamily } from './receiver-kit.js';

export const BODY_RECEIVERS: ReceiverFamily = {};

export const BODY_SECRETS: Record<string, string> = {};
