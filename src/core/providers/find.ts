import { UsageError } from '../errors.js';
import { listEvents } from '../catalogue/list-events.js';
import { nearest } from '../text/nearest.js';
import { PROVIDER_CATEGORIES, type ProviderCategory, type ProviderProfile } from './types.js';

/** How `hookctl providers` titles each category; providers with none (a config's own) are `custom`. */
export const CATEGORY_TITLES: Record<ProviderCategory | 'custom', string> = {
  payments: 'Payments',
  commerce: 'Commerce',
  auth: 'Auth and identity',
  email: 'Email',
  messaging: 'Messaging and chat',
  ai: 'AI',
  media: 'Media and video',
  'dev-tools': 'Developer tools',
  productivity: 'Productivity',
  cms: 'Content (CMS)',
  infrastructure: 'Infrastructure and queues',
  generic: 'Generic schemes',
  custom: 'Your providers (config)',
};

export type CategoryId = ProviderCategory | 'custom';
const categoryOf = (p: ProviderProfile): CategoryId => p.category ?? 'custom';

/** The providers in groups, in the order of PROVIDER_CATEGORIES, then the config's own; empty groups left out. */
export function byCategory(providers: readonly ProviderProfile[]): { category: CategoryId; title: string; providers: ProviderProfile[] }[] {
  return [...PROVIDER_CATEGORIES, 'custom' as const]
    .map((category) => ({ category, title: CATEGORY_TITLES[category], providers: providers.filter((p) => categoryOf(p) === category) }))
    .filter((g) => g.providers.length > 0);
}

/** The providers of one category; an unknown one is a usage error naming the nearest. */
export function inCategory(providers: readonly ProviderProfile[], category: string): ProviderProfile[] {
  const known: string[] = [...PROVIDER_CATEGORIES, 'custom'];
  if (!known.includes(category)) {
    const near = nearest(category, known);
    throw new UsageError(`unknown category "${category}"`, `${near ? `did you mean "${near}"? ` : ''}categories: ${known.join(', ')}`);
  }
  return providers.filter((p) => categoryOf(p) === category);
}

export interface ProviderMatch {
  profile: ProviderProfile;
  /** The events whose names hold the text, when the provider matched by them rather than by its id, name or category. */
  events: string[];
}

/** Providers whose id, name or category holds the text (case-insensitively), else those with an event that does. */
export function searchProviders(providers: readonly ProviderProfile[], text: string, fixtureDirs?: readonly string[]): ProviderMatch[] {
  const q = text.trim().toLowerCase();
  if (!q) throw new UsageError('--search needs some text', 'e.g. --search clerk, --search payments or --search invoice.paid');
  const direct = providers.filter((p) => [p.id, p.name, categoryOf(p), CATEGORY_TITLES[categoryOf(p)]].some((s) => s.toLowerCase().includes(q)));
  if (direct.length) return direct.map((profile) => ({ profile, events: [] }));
  return providers
    .map((profile) => ({
      profile,
      events: listEvents(profile, fixtureDirs)
        .map((e) => e.name)
        .filter((n) => n.toLowerCase().includes(q)),
    }))
    .filter((m) => m.events.length > 0);
}
