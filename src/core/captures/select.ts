import { UsageError } from '../errors.js';
import { getProvider } from '../providers/registry.js';
import type { ProviderProfile } from '../providers/types.js';
import type { Capture, CaptureStore, ListFilter } from '../store/index.js';

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** `--since 10m` (s, m, h, d, w) or an ISO date: the earliest receivedAt, in ms. */
function parseSince(text: string, now: number): number {
  const m = /^(\d+(?:\.\d+)?)\s*([smhdw])$/i.exec(text.trim());
  if (m) return now - Number(m[1]) * (UNIT_MS[(m[2] as string).toLowerCase()] as number);
  if (/^\d{4}-\d{2}-\d{2}/.test(text.trim())) {
    const t = Date.parse(text.trim());
    if (!Number.isNaN(t)) return t;
  }
  throw new UsageError(`--since "${text}" is not a duration or a date`, 'e.g. --since 10m, --since 2h, --since 1d, or --since 2025-01-31T09:00:00Z');
}

export interface FilterFlags {
  provider?: string;
  event?: string;
  failed?: boolean;
  since?: string;
}

/**
 * The store filter for these flags. With `customProviders` (the config's), `--provider` must name
 * a known provider: an unknown one (a typo) is a UsageError with a did-you-mean, not a filter that
 * quietly matches nothing. Without it the id is taken as given.
 */
export function listFilter(flags: FilterFlags, now: number, customProviders?: readonly ProviderProfile[]): ListFilter {
  const provider = flags.provider && customProviders ? getProvider(flags.provider, customProviders).id : flags.provider;
  return {
    ...(provider ? { provider } : {}),
    ...(flags.event ? { event: flags.event } : {}),
    ...(flags.failed ? { failed: true } : {}),
    ...(flags.since ? { sinceMs: parseSince(flags.since, now) } : {}),
  };
}

/** Explicit refs in the order given, else every capture the filter keeps (oldest first: replay order). */
export async function selectCaptures(store: CaptureStore, refs: readonly string[], filter: ListFilter): Promise<Capture[]> {
  if (refs.length > 0) {
    const out: Capture[] = [];
    for (const ref of refs) out.push(await store.get(ref));
    return out;
  }
  return (await store.list(filter)).reverse();
}
