import type { ProviderProfile } from '../types.js';
import { adyen } from './field-adyen.js';
import { hubspot } from './field-hubspot.js';
import { mailgun } from './field-mailgun.js';

/** Providers that sign parts of the request rather than its body alone: body fields (Adyen, Mailgun), the method and URL (HubSpot). */
export const FIELD_SIGNERS: readonly ProviderProfile[] = [hubspot, adyen, mailgun];
