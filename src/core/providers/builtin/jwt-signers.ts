import type { ProviderProfile } from '../types.js';

export const JWT_SIGNERS: readonly ProviderProfile[] = [];
