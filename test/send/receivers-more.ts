import type { ReceiverFamily } from './receiver-kit.js';

export const MORE_RECEIVERS: ReceiverFamily = {};

export const MORE_SECRETS: Record<string, string> = {};
