import { BUILTIN_PROVIDERS } from '../providers/registry.js';
import type { EventSpec, ProviderProfile } from '../providers/types.js';
import { catalogueEvents, type CatalogueEntry } from './builtin.js';
import { userFixtures, userFolders } from './user.js';

/** An event a provider can send, and where it comes from. */
export interface ListedEvent extends CatalogueEntry {
  /** `builtin`: shipped with hookctl; `config`: a custom provider's `events`; `yours`: a file in your fixtures directory. */
  origin: 'builtin' | 'config' | 'yours';
  /** Your file replaces a built-in (or config) event of the same name. */
  overrides?: boolean;
  /** Your fixture file, for `yours`. */
  file?: string;
}

/**
 * Every event of a provider: its generated catalogue (read lazily, only this provider's), the
 * events the profile lists, then the files in the user's fixtures directories, which add events
 * and override same-named ones. Built-in order first, your new events after.
 */
export function listEvents(profile: ProviderProfile, dirs: readonly string[] = []): ListedEvent[] {
  const byName = new Map<string, ListedEvent>();
  if (profile.catalogue) for (const e of catalogueEvents(profile.catalogue)) byName.set(e.name, { ...e, origin: 'builtin' });
  // A built-in's own events, or those a custom provider inherits (`extends`), are built-in; the rest come from the config.
  const builtin = BUILTIN_PROVIDERS.find((p) => p.id === (profile.base ?? profile.id) && (profile.base || p === profile));
  const inherited = new Set(builtin?.events ?? []);
  for (const e of profile.events) {
    const origin = inherited.has(e) ? 'builtin' : 'config';
    byName.set(e.name, { ...e, origin, ...(origin === 'config' && byName.has(e.name) ? { overrides: true } : {}) });
  }
  for (const f of userFixtures(dirs, userFolders(profile))) {
    const before = byName.get(f.name);
    byName.set(f.name, {
      name: f.name,
      description: before?.description ?? 'your event',
      origin: 'yours',
      file: f.file,
      ...(before ? { overrides: true } : {}),
    });
  }
  return [...byName.values()];
}

/** Events whose name or description holds every word of the query (case-insensitive). */
export function searchEvents<E extends EventSpec>(events: readonly E[], query: string): E[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return events.filter((e) => {
    const text = `${e.name} ${e.description}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}
