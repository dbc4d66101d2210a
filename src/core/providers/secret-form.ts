import { UsageError } from '../errors.js';
import type { ProviderProfile } from './types.js';

/** A credential of the provider's that is not its webhook secret (an API key, a bot token) is exit 2, naming where the right one is. */
export function refuseNotSecret(profile: ProviderProfile, secret: string, from: string | undefined): void {
  const not = profile.notSecrets;
  const prefix = not?.prefixes.find((p) => secret.startsWith(p));
  if (!not || prefix === undefined) return;
  throw new UsageError(`the ${profile.id} secret${from ? ` from ${from}` : ''} starts with ${prefix}: that is ${not.is}, not the webhook signing secret`, `use the signing secret: ${not.where}`);
}
