import type { ReceiverFamily } from './receiver-kit.js';

export const SVIX_RECEIVERS: ReceiverFamily = {};

export const SVIX_SECRETS: Record<string, string> = {};
