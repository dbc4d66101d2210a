import type { ProviderProfile } from '../types.js';

/**
 * Providers that sign the raw body (or the URL and the body) with one HMAC and no timestamp:
 * each its own header, encoding, secret form and event catalogue.
 */
export const BODY_SIGNERS: readonly ProviderProfile[] = [];
