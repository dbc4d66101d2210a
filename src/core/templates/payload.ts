import type { ProviderProfile, EventSpec } from '../providers/types.js';
import { loadFixture } from './load.js';
import { renderTemplate, type TemplateContext } from './template.js';

/** A fresh payload for one delivery: the template with new ids and timestamps. */
export function buildPayload(profile: ProviderProfile, event: EventSpec, ctx: Omit<TemplateContext, 'event'>, dirs: readonly string[] = []): unknown {
  return renderTemplate(loadFixture(profile, event, dirs), { ...ctx, event: event.name });
}
