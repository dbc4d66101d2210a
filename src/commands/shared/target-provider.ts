import type { Settings } from '../../core/config/types.js';
import { parseTarget, targetHasPath } from '../../core/http/target.js';
import { providerFromPath } from '../../core/providers/registry.js';
import type { ProviderProfile } from '../../core/providers/types.js';
import type { Output } from './output.js';

/**
 * The provider to simulate against a target, and the target's URL: the one chosen (--provider,
 * HOOKCTL_PROVIDER, the config), else the one the target's path names (`:3000/webhooks/stripe`), said on
 * stderr, else the default. Sending Transcodely deliveries to a Stripe route only to blame the secret
 * helps nobody.
 */
export function providerFor(to: string, settings: Settings, out: Pick<Output, 'log'>): { profile: ProviderProfile; url: URL } {
  const named = settings.providerExplicit || !targetHasPath(to) ? undefined : providerFromPath(parseTarget(to), settings.providers);
  if (named && named !== settings.profile) {
    const url = parseTarget(to, named.request.path);
    out.log(`provider ${named.id}, named by the path ${url.pathname} (pass --provider to choose another)`);
    return { profile: named, url };
  }
  return { profile: settings.profile, url: parseTarget(to, settings.profile.request.path) };
}
