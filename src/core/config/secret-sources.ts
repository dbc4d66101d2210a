import { UsageError } from '../errors.js';
import type { ProviderProfile } from '../providers/types.js';
import { verifyingKeyOf } from '../signing/index.js';
import type { SecretEntry, Settings } from './types.js';

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
  return providerEnvName('HOOKCTL_SECRET_', providerId);
}

/** `<prefix><PROVIDER>`: the id upper-cased, every other character an underscore. */
function providerEnvName(prefix: string, providerId: string): string {
  return `${prefix}${providerId.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

/**
 * The token a provider's endpoint check carries (Meta's `hub.verify_token`): HOOKCTL_VERIFY_TOKEN_<PROVIDER>,
 * else the config's `verifyTokens`; undefined means the provider's secret is the token.
 */
export function verifyTokenFor(profile: ProviderProfile, settings: Pick<Settings, 'config'>, env: NodeJS.ProcessEnv): string | undefined {
  const fromEnv = env[providerEnvName('HOOKCTL_VERIFY_TOKEN_', profile.id)];
  if (fromEnv) return fromEnv;
  const configured = settings.config.verifyTokens;
  return configured && Object.hasOwn(configured, profile.id) ? configured[profile.id] : undefined;
}

/**
 * Secrets for a provider: flags > HOOKCTL_SECRET_<PROVIDER> > HOOKCTL_SECRET > config > the documented
 * development secret. The per-provider variable comes first so that one job can hold a Stripe `whsec_`
 * literal and a Standard Webhooks base64 secret side by side; an empty variable means unset.
 * `role` picks the half of a key pair (config pairs, the dev pair): `sign` the private key, `verify` the
 * public one. A bare string is used as given either way, so a private key given to verify is diagnosed.
 */
export function secretsFor(profile: ProviderProfile, settings: Pick<Settings, 'config'>, env: NodeJS.ProcessEnv, flags: readonly string[] = [], role: 'sign' | 'verify' = 'sign'): ResolvedSecrets {
  if (flags.length) return { secrets: [...flags], source: 'flag', from: '--secret' };
  const own = secretEnvName(profile.id);
  const fromOwn = env[own];
  if (fromOwn) return { secrets: [fromOwn], source: 'env-provider', from: own };
  if (env.HOOKCTL_SECRET) return { secrets: [env.HOOKCTL_SECRET], source: 'env', from: 'HOOKCTL_SECRET' };
  // Own keys only: a provider named `constructor` must not find Object.prototype.constructor.
  const configured = settings.config.secrets;
  const fromConfig = configured && Object.hasOwn(configured, profile.id) ? configured[profile.id] : undefined;
  if (fromConfig) {
    const secrets = (Array.isArray(fromConfig) ? fromConfig : [fromConfig]).flatMap((e) => pairHalf(profile, e, role));
    if (secrets.length === 0) {
      throw new UsageError(
        `secrets.${profile.id} has no ${role === 'sign' ? 'privateKey' : 'key'} to ${role} with`,
        role === 'sign' ? 'add the privateKey (hookctl keys generate prints a pair); a public key can only verify' : 'add publicKey or privateKey',
      );
    }
    return { secrets, source: 'config', from: 'the config' };
  }
  const pair = profile.devKeyPair;
  if (role === 'verify' && pair) {
    // The dev secret signs; receivers verify with the dev public key (and a v1 HMAC dev secret stays valid beside it).
    return { secrets: [...(profile.devSecret === pair.privateKey ? [] : [profile.devSecret]), pair.publicKey], source: 'dev', from: 'the development key pair' };
  }
  return { secrets: [profile.devSecret], source: 'dev', from: 'the development secret' };
}

function pairHalf(profile: ProviderProfile, entry: SecretEntry, role: 'sign' | 'verify'): string[] {
  if (typeof entry === 'string') return [entry];
  if (role === 'sign') return entry.privateKey ? [entry.privateKey] : [];
  if (entry.publicKey) return [entry.publicKey];
  return entry.privateKey ? [verifyingKeyOf(profile.scheme, entry.privateKey)] : [];
}
