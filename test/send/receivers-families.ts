/**
 * The receivers of the providers added in batches, each family in its own file: every one verifies
 * with the provider's own library where it has one, else as its documentation says (cited inline).
 */
import { BODY_RECEIVERS, BODY_SECRETS } from './receivers-body.js';
import { FIELD_RECEIVERS, FIELD_SECRETS } from './receivers-field.js';
import { JWT_PUBLIC_KEYS, JWT_RECEIVERS, JWT_SECRETS } from './receivers-jwt.js';
import { MORE_RECEIVERS, MORE_SECRETS } from './receivers-more.js';
import type { ReceiverFamily } from './receiver-kit.js';
import { STAMPED_PUBLIC_KEYS, STAMPED_RECEIVERS, STAMPED_SECRETS } from './receivers-stamped.js';
import { SVIX_RECEIVERS, SVIX_SECRETS } from './receivers-svix.js';
import { TOKEN_RECEIVERS, TOKEN_SECRETS } from './receivers-token.js';

export const FAMILY_RECEIVERS: ReceiverFamily = { ...SVIX_RECEIVERS, ...BODY_RECEIVERS, ...STAMPED_RECEIVERS, ...TOKEN_RECEIVERS, ...JWT_RECEIVERS, ...MORE_RECEIVERS, ...FIELD_RECEIVERS };

/** Test secrets in each provider's own form (a whsec_ base64 key, a hex key, a key pair's private half). */
export const FAMILY_SECRETS: Record<string, string> = { ...SVIX_SECRETS, ...BODY_SECRETS, ...STAMPED_SECRETS, ...TOKEN_SECRETS, ...JWT_SECRETS, ...MORE_SECRETS, ...FIELD_SECRETS };

/** The public half a receiver holds, for the providers that sign with a key pair. */
export const FAMILY_PUBLIC_KEYS: Record<string, string> = { ...STAMPED_PUBLIC_KEYS, ...JWT_PUBLIC_KEYS };
