import type { ReceiverFamily } from './receiver-kit.js';

export const JWT_RECEIVERS: ReceiverFamily = {};
export const JWT_SECRETS: Record<string, string> = {};
export const JWT_PUBLIC_KEYS: Record<string, string> = {};
