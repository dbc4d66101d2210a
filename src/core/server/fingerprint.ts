import { loadFixture } from '../templates/load.js';
import type { ProviderProfile } from '../providers/types.js';

type Print = { event: string; values: Record<string, string> }[];

/**
 * The seed providers name no event in their payloads (ChangeThisFile's `state: "done"` is a
 * job.completed). Their fixtures tell the events apart: the top-level fields that every event's
 * template sets to a literal string, with different values across events. A body whose values
 * match exactly one event's is that event.
 */
export function fingerprinter(dirs: readonly string[] = []): (provider: ProviderProfile, body: Record<string, unknown>) => string | undefined {
  const cache = new Map<string, Print | undefined>();
  return (provider, body) => {
    if (!cache.has(provider.id)) cache.set(provider.id, build(provider, dirs));
    const print = cache.get(provider.id);
    if (!print) return undefined;
    const hits = print.filter((p) => Object.entries(p.values).every(([k, v]) => body[k] === v));
    return hits.length === 1 ? hits[0]?.event : undefined;
  };
}

function build(provider: ProviderProfile, dirs: readonly string[]): Print | undefined {
  const literals: { event: string; fields: Record<string, string> }[] = [];
  for (const event of provider.events) {
    let template: unknown;
    try {
      template = loadFixture(provider, event, dirs);
    } catch {
      return undefined; // an event without a fixture: no fingerprint for this provider
    }
    if (!template || typeof template !== 'object' || Array.isArray(template)) return undefined;
    const fields: Record<string, string> = {};
    for (const [k, v] of Object.entries(template)) if (typeof v === 'string' && !v.includes('{{')) fields[k] = v;
    literals.push({ event: event.name, fields });
  }
  if (literals.length < 2) return undefined;
  const keys = Object.keys(literals[0]?.fields ?? {}).filter((k) => literals.every((l) => k in l.fields) && new Set(literals.map((l) => l.fields[k])).size > 1);
  if (keys.length === 0) return undefined;
  return literals.map((l) => ({ event: l.event, values: Object.fromEntries(keys.map((k) => [k, l.fields[k] as string])) }));
}
