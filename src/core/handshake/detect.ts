import type { EventSpec, ProviderProfile } from '../providers/types.js';
import type { Headers } from '../signing/index.js';
import { arrivedRequest, readSource } from './values.js';

/**
 * The unsigned handshake a request is, when no signature header names its provider: Meta's GET
 * with `hub.mode` and `hub.challenge`, Asana's `X-Hook-Secret`, Notion's `verification_token`.
 * Each handshake spec's `detect` lists the parts that must all be there. Read only when ordinary
 * detection found nothing, so a delivery never pays for it.
 */
export function detectHandshake(providers: readonly ProviderProfile[], headers: Headers, path: string, body: Buffer): { provider: ProviderProfile; event: EventSpec } | undefined {
  const request = arrivedRequest(path, headers, body);
  for (const provider of providers) {
    // Only hand-written events carry `detect` (the unsigned checks): no catalogue is read for it.
    for (const event of provider.events) {
      const detect = event.handshake?.detect;
      if (detect?.length && detect.every((src) => readSource(request, src) !== undefined)) return { provider, event };
    }
  }
  return undefined;
}
