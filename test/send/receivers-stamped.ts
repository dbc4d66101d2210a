import type { ReceiverFamily } from './receiver-kit.js';

export const STAMPED_RECEIVERS: ReceiverFamily = {};

export const STAMPED_SECRETS: Record<string, string> = {};
