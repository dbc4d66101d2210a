import { keyProblem } from './crypto.js';
import { SigningError } from './errors.js';
import type { Scheme, VerifyResult } from './types.js';
import { verifyWithScheme, type VerifyInput } from './verify-scheme.js';

/**
 * A secret the scheme cannot decode (a whsec_ value with a newline, a Stripe-style secret given to Standard
 * Webhooks) is a failed check to diagnose, not bad input: verify with the others and say which were unusable.
 */
/** Who owns a scheme, as far as verification needs to name it (a provider profile fits). */
export interface SchemeOwner {
  id: string;
  name: string;
  scheme: Scheme;
}

export function verifyUsable(profile: SchemeOwner, secrets: readonly string[], input: Omit<VerifyInput, 'secrets'>): VerifyResult {
  // The common case, every secret decodable, costs nothing extra: listen runs this per request.
  try {
    // A literal of one shape, not a spread: listen runs this for every request.
    return verifyWithScheme(profile.scheme, profile.id, { headers: input.headers, body: input.body, now: input.now, toleranceSec: input.toleranceSec, url: input.url, method: input.method, secrets });
  } catch (err) {
    if (!(err instanceof SigningError)) throw err;
  }
  const usable: number[] = [];
  const unusable: string[] = [];
  const { scheme } = profile;
  secrets.forEach((s, i) => {
    // Usable when any of the scheme's signatures can take it (v1 a whsec_ secret, v1a a whpk_ key).
    const problems = scheme.signatures.map((spec) => keyProblem(spec, scheme.secret, s, 'public'));
    if (problems.includes(undefined)) usable.push(i);
    // The most telling reason: a key of the wrong half (a private key to verify) over "not base64".
    else unusable.push(`secret #${i + 1}: ${problems.find((p) => p?.includes(' was given where ')) ?? problems[0] ?? 'unusable'}`);
  });
  if (usable.length === 0) {
    // Say the scheme decodes its secret when that is what failed (not a key of the wrong half).
    const decodes = scheme.secret.encoding === 'base64' && unusable.some((u) => !u.includes(' was given where '));
    return { ok: false, scheme: profile.id, reason: 'bad-secret', detail: `${unusable.join('; ')}${decodes ? ` (${profile.name} base64-decodes its secret)` : ''}` };
  }
  const result = verifyWithScheme(profile.scheme, profile.id, { ...input, secrets: usable.map((i) => secrets[i] as string) });
  const original = (i: number | undefined) => (i === undefined ? undefined : usable[i]);
  if (result.ok) return { ...result, secretIndex: original(result.secretIndex) as number };
  const note = unusable.length ? `; ${unusable.join('; ')}` : '';
  return { ...result, detail: result.detail + note, ...(result.secretIndex === undefined ? {} : { secretIndex: original(result.secretIndex) }) };
}
