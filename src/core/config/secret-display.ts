import { secretEnvName } from './secret-sources.js';

/** Show enough of a secret to tell two apart, never the whole thing. */
export function maskSecret(secret: string): string {
  const prefix = /^(whsec_|whsk_|whpk_|sk_|pdl_ntfset_|lin_wh_)/.exec(secret)?.[0] ?? '';
  const rest = secret.slice(prefix.length);
  if (rest.length <= 8) return `${prefix}${'*'.repeat(rest.length)}`;
  return `${prefix}${rest.slice(0, 2)}…${rest.slice(-2)} (${secret.length} chars)`;
}

/** The one warning for a provider that falls back to its documented development secret, whichever command. */
export function devSecretWarning(providerId: string, devSecret: string, doing: 'signing' | 're-signing' | 'verifying', devPublicKey?: string): string {
  // An asymmetric provider verifies with the public half of its development pair: name that one.
  const what = doing === 'verifying' && devPublicKey ? `development public key ${maskSecret(devPublicKey)}` : `development secret ${maskSecret(devSecret)}`;
  return `no secret for ${providerId}: ${doing} with its ${what} (pass --secret, set ${secretEnvName(providerId)}, or add secrets.${providerId} to the config)`;
}
