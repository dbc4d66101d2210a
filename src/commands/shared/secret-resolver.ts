import { secretsFor, type ResolvedSecrets } from '../../core/config/secret-sources.js';
import type { Settings } from '../../core/config/types.js';
import type { ProviderProfile } from '../../core/providers/types.js';
import { devSecretWarning } from '../../core/config/secret-display.js';
import { refuseNotSecret } from '../../core/providers/secret-form.js';

export type SecretUse = 'signing' | 're-signing' | 'verifying';

/**
 * A provider's secrets for this run, with at most one dev-secret warning per provider. `quiet` is for
 * secrets tried on the side (a diagnosis testing whether another provider signed): no warning for those.
 */
export type SecretResolver = (profile: ProviderProfile, quiet?: boolean) => ResolvedSecrets;

/**
 * The one way every command finds secrets (flags, env, config, dev secret; see core/config/secret-sources.ts):
 * a command makes one resolver per run, so a provider's fallback to its development secret is said once.
 */
export function secretResolver(settings: Pick<Settings, 'config'>, env: NodeJS.ProcessEnv, warn: (text: string) => void, use: SecretUse, flags: readonly string[] = []): SecretResolver {
  const cache = new Map<string, ResolvedSecrets>();
  const warned = new Set<string>();
  return (profile, quiet = false) => {
    let found = cache.get(profile.id);
    if (!found) {
      found = secretsFor(profile, settings, env, flags, use === 'verifying' ? 'verify' : 'sign');
      // Signing with an API key makes a signature no receiver accepts: say so before anything is sent.
      if (!quiet && use !== 'verifying') for (const s of found.secrets) refuseNotSecret(profile, s, found.from);
      cache.set(profile.id, found);
    }
    if (!quiet && found.source === 'dev' && !warned.has(profile.id)) {
      warned.add(profile.id);
      warn(devSecretWarning(profile.id, profile.devSecret, use, profile.devKeyPair?.publicKey));
    }
    return found;
  };
}
