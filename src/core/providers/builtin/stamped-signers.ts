import type { ProviderProfile } from '../types.js';
import { calendly } from './stamped-calendly.js';
import { elevenlabs } from './stamped-elevenlabs.js';
import { mux } from './stamped-mux.js';
import { sanity } from './stamped-sanity.js';
import { telnyx } from './stamped-telnyx.js';
import { webflow } from './stamped-webflow.js';
import { workos } from './stamped-workos.js';

/**
 * Providers that sign a timestamp with the body (`t=<ts>,v1=<hex>` and its relatives), so a delivery
 * goes stale: each its own header layout, unit, tolerance and event catalogue.
 */
export const STAMPED_SIGNERS: readonly ProviderProfile[] = [workos, mux, elevenlabs, webflow, calendly, telnyx, sanity];
