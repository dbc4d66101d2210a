import type { ProviderProfile } from '../types.js';

/**
 * Providers that deliver through Svix or sign as Standard Webhooks do (webhook-id, webhook-timestamp,
 * webhook-signature `v1,<base64>`), each with its own secret format, tolerance and event catalogue.
 */
export const SVIX_SENDERS: readonly ProviderProfile[] = [];
