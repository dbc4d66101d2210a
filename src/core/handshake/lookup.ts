import { builtinEvents } from '../catalogue/builtin.js';
import type { EventSpec, ProviderProfile } from '../providers/types.js';

/** Per provider, its handshake events by name (few: Slack has one of 114), found on first need. */
const cache = new WeakMap<ProviderProfile, Map<string, EventSpec>>();

/** The handshake event a received request was named as, if it is one. */
export function handshakeEvent(provider: ProviderProfile | undefined, event: string | undefined): EventSpec | undefined {
  if (!provider || event === undefined) return undefined;
  let found = cache.get(provider);
  if (!found) {
    found = new Map(
      builtinEvents(provider)
        .filter((e) => e.handshake)
        .map((e) => [e.name, e]),
    );
    cache.set(provider, found);
  }
  return found.get(event);
}
