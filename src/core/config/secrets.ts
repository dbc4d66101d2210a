import type { ProviderProfile } from '../providers/types.js';
import type { Settings } from './types.js';

/** Where a provider's secrets came from, most specific first. */
export type SecretSource = 'flag' | 'env-provider' | 'env' | 'config' | 'dev';

export interface ResolvedSecrets {
  /** The first signs; all are tried when verifying (rotation). */
  secrets: string[];
  source: SecretSource;
  /** The source as a user names it: `--secret`, `HOOKCTL_SECRET_STRIPE`, `the config`... */
  from: string;
}

/**
 * `HOOKCTL_SECRET_<PROVIDER>`: the id upper-cased, every other character an underscore
 * (`standard-webhooks` → `HOOKCTL_SECRET_STANDARD_WEBHOOKS`).
 */
export function secretEnvName(providerId: string): string {
  return `HOOKCTL_SECRET_${providerId.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

/**
 * Secrets for a provider: flags > HOOKCTL_SECRET_<PROVIDER> > HOOKCTL_SECRET > config > the documented
 * development secret. The per-provider variable comes first so that one job can hold a Stripe `whsec_`
 * literal and a Standard Webhooks base64 secret side by side; an empty variable means unset.
 */
export function secretsFor(
  profile: ProviderProfile, settings: Pick<Settings, 'config'>, env: NodeJS.ProcessEnv, flags: readonly string[] = [],
): ResolvedSecrets {
  if (flags.length) return { secrets: [...flags], source: 'flag', from: '--secret' };
  const own = secretEnvName(profile.id);
  const fromOwn = env[own];
  if (fromOwn) return { secrets: [fromOwn], source: 'env-provider', from: own };
  if (env.HOOKCTL_SECRET) return { secrets: [env.HOOKCTL_SECRET], source: 'env', from: 'HOOKCTL_SECRET' };
  // Own keys only: a provider named `constructor` must not find Object.prototype.constructor.
  const secrets = settings.config.secrets;
  const fromConfig = secrets && Object.hasOwn(secrets, profile.id) ? secrets[profile.id] : undefined;
  if (fromConfig) return { secrets: Array.isArray(fromConfig) ? fromConfig : [fromConfig], source: 'config', from: 'the config' };
  return { secrets: [profile.devSecret], source: 'dev', from: 'the development secret' };
}
