import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { IoError, UsageError } from '../errors.js';
import type { EventSpec, ProviderProfile } from '../providers/types.js';

/** The generated catalogues shipped with the package (same depth from src/ and dist/). */
const CATALOGUE_DIR = fileURLToPath(new URL('../../../catalogue/', import.meta.url));

/** One event of a generated catalogue (catalogue/<id>.json, written by `npm run fixtures:generate`). */
export interface CatalogueEntry extends EventSpec {
  /** Stripe: the resource `data.object` holds. */
  object?: string | null;
  /** GitHub: a recorded delivery or a payload sampled from the schema. */
  source?: 'recorded' | 'schema';
  /** Why the payload is thinner than the rest (Stripe publishes no example of that resource). */
  note?: string;
}

const cache = new Map<string, CatalogueEntry[]>();

/** A provider's generated catalogue, read on first use only: `send github/push` never reads Stripe's. */
export function catalogueEvents(id: string): CatalogueEntry[] {
  let events = cache.get(id);
  if (events) return events;
  // Only the shipped catalogues: a config's "catalogue" value never names a path.
  if (!/^[a-z0-9-]+$/.test(id)) throw new UsageError(`no event catalogue "${id}"`, 'the built-in catalogues are the files in catalogue/ of the package');
  const path = `${CATALOGUE_DIR}${id}.json`;
  try {
    events = (JSON.parse(readFileSync(path, 'utf8')) as { events: CatalogueEntry[] }).events;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError(`no event catalogue "${id}"`, 'the built-in catalogues are the files in catalogue/ of the package');
    throw new IoError(`cannot read the ${id} event catalogue ${path}: ${(err as Error).message}`, 'reinstall hookctl; the package ships catalogue/', err);
  }
  cache.set(id, events);
  return events;
}

/** A provider's built-in events: its generated catalogue's (read on first use), then the profile's own. */
export function builtinEvents(provider: ProviderProfile): EventSpec[] {
  return [...(provider.catalogue ? catalogueEvents(provider.catalogue) : []), ...provider.events];
}
