import type { ProviderProfile } from '../types.js';
import { bitbucket } from './more-bitbucket.js';
import { brex } from './more-brex.js';
import { docusign } from './more-docusign.js';
import { intercom } from './more-intercom.js';
import { persona } from './more-persona.js';

/** Providers whose event lists are documented rather than published as types, signed by families hookctl already has. */
export const MORE_SIGNERS: readonly ProviderProfile[] = [brex, persona, bitbucket, intercom, docusign];
