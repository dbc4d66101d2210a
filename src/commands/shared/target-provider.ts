import type { Settings } from '../../core/config/types.js';
import { readTarget, type Target } from '../../core/http/target.js';
import { providerFromPath } from '../../core/providers/registry.js';
import type { ProviderProfile } from '../../core/providers/types.js';
import type { Output } from './output.js';

/**
 * The provider a target's path names (`:3000/webhooks/stripe`), when none was chosen (--provider,
 * HOOKCTL_PROVIDER, the config). Sending Transcodely deliveries to a Stripe route only to blame the
 * secret helps nobody. The one place this rule is applied: send, test and their defaults share it.
 */
export function providerNamedBy(target: Target, settings: Settings): ProviderProfile | undefined {
  return settings.providerExplicit || !target.hasPath ? undefined : providerFromPath(target.url, settings.providers);
}

/** Says on stderr that the target's path chose the provider, when it chose another than the default. */
export function sayNamedByPath(named: ProviderProfile, url: URL, out: Pick<Output, 'log'>): void {
  out.log(`provider ${named.id}, named by the path ${url.pathname} (pass --provider to choose another)`);
}

/** The provider to simulate against a target (chosen, else named by the path, else the default) and the URL. */
export function providerFor(to: string, settings: Settings, out: Pick<Output, 'log'>): { profile: ProviderProfile; url: URL } {
  const target = readTarget(to);
  const named = providerNamedBy(target, settings);
  const profile = named ?? settings.profile;
  const url = target.withPath(profile.request.path);
  if (named && named !== settings.profile) sayNamedByPath(named, url, out);
  return { profile, url };
}
