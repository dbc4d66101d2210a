import type { ProviderProfile } from '../types.js';
import { BODY_SIGNERS } from './body-signers.js';
import { FIELD_SIGNERS } from './field-signers.js';
import { JWT_SIGNERS } from './jwt-signers.js';
import { MORE_SIGNERS } from './more-signers.js';
import { STAMPED_SIGNERS } from './stamped-signers.js';
import { SVIX_SENDERS } from './svix-senders.js';
import { TOKEN_SENDERS } from './token-senders.js';

/** The providers added by signing family (issue 26), in the order `hookctl providers` lists them within a category. */
export const BATCH_PROVIDERS: readonly ProviderProfile[] = [...SVIX_SENDERS, ...BODY_SIGNERS, ...STAMPED_SIGNERS, ...TOKEN_SENDERS, ...JWT_SIGNERS, ...MORE_SIGNERS, ...FIELD_SIGNERS];
