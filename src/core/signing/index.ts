/** THE signing and verification module: every command and the library API go through here. */
import { resolveProvider } from '../providers/registry.js';
import type { ProviderProfile } from '../providers/types.js';
import { signWithScheme, type SignInput, type Signed } from './sign.js';
import { verifyWithScheme, type VerifyInput } from './verify.js';
import type { VerifyResult } from './types.js';

export type { SignInput, Signed } from './sign.js';
export type { VerifyInput } from './verify.js';
export * from './types.js';
export { signWithScheme } from './sign.js';
export { verifyWithScheme } from './verify.js';
export { signedContent } from './content.js';
export { SigningError } from './errors.js';

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
