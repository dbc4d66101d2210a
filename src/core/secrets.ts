import { secretEnvName } from './config/secrets.js';

/** Show enough of a secret to tell two apart, never the whole thing. */
export function maskSecret(secret: string): string {
  const prefix = /^(whsec_|sk_|pdl_ntfset_|lin_wh_)/.exec(secret)?.[0] ?? '';
  const rest = secret.slice(prefix.length);
  if (rest.length <= 8) return `${prefix}${'*'.repeat(rest.length)}`;
  return `${prefix}${rest.slice(0, 2)}…${rest.slice(-2)} (${secret.length} chars)`;
}

/** The one warning for a provider that falls back to its documented development secret, whichever command. */
export function devSecretWarning(providerId: string, devSecret: string, doing: 'signing' | 're-signing' | 'verifying'): string {
  return `no secret for ${providerId}: ${doing} with its development secret ${maskSecret(devSecret)} (pass --secret, set ${secretEnvName(providerId)}, or add secrets.${providerId} to the config)`;
}
