/** The library's provider-level conveniences: a provider id or profile in, its scheme signed or verified. */
import { resolveProvider } from './core/providers/registry.js';
import type { ProviderProfile } from './core/providers/types.js';
import { toHeaders } from './core/diagnose/index.js';
import { signWithScheme, verifyWithScheme, type Signed, type SignInput, type VerifyInput, type VerifyResult } from './core/signing/index.js';
import type { Capture } from './core/store/types.js';

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

/**
 * Verify a stored capture as `hookctl verify` does: its timestamp judged as of the moment it was received
 * (pass `now` to judge it at another instant), its provider the one recorded unless given.
 */
export function verifyCapture(capture: Capture, input: Partial<ProviderRef> & Pick<VerifyInput, 'secrets' | 'toleranceSec'> & { now?: number }): VerifyResult {
  const provider = input.provider ?? capture.provider;
  if (provider === undefined) throw new TypeError(`capture ${capture.id} names no provider: pass { provider }`);
  const profile = resolveProvider(provider);
  return verifyWithScheme(profile.scheme, profile.id, {
    secrets: input.secrets,
    headers: toHeaders(capture.headers),
    body: capture.body,
    now: input.now ?? Date.parse(capture.receivedAt),
    toleranceSec: input.toleranceSec,
  });
}
