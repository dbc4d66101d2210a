/** The library's provider-level conveniences: a provider id or profile in, its scheme signed or verified. */
import { resolveProvider } from './core/providers/registry.js';
import type { ProviderProfile } from './core/providers/types.js';
import { signWithScheme, verifyWithScheme, type Signed, type SignInput, type VerifyInput, type VerifyResult } from './core/signing/index.js';

export interface ProviderRef {
  /** A provider id (`stripe`) or a profile object (a custom provider). */
  provider: string | ProviderProfile;
}

/** Sign a body as the provider does; returns the scheme's headers and the exact bytes signed. */
export function sign(input: ProviderRef & SignInput): Signed {
  return signWithScheme(resolveProvider(input.provider).scheme, input);
}

/** Verify a delivery; a bad signature is `{ ok: false, reason, detail }`, never a throw. */
export function verify(input: ProviderRef & VerifyInput): VerifyResult {
  const profile = resolveProvider(input.provider);
  return verifyWithScheme(profile.scheme, profile.id, input);
}
