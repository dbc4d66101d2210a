import { verifyWithScheme } from '../signing/index.js';
import type { Recheck, Variant } from './types.js';

/** Re-check one hypothesis through the signing module; the index of the secret that matched, or -1. */
export function matchingSecret(name: string, a: Recheck, now: number): number {
  for (const [i, secret] of a.secrets.entries()) {
    try {
      // Tolerance 0 turns the clock check off: here only the signature is in question.
      if (verifyWithScheme(a.scheme, name, { secrets: secret, headers: a.headers, body: a.body, now, toleranceSec: 0, ...(a.url === undefined ? {} : { url: a.url }) }).ok) return i;
    } catch {
      // A variant the scheme cannot use (say, a secret that is not base64) is simply not a match.
    }
  }
  return -1;
}

export interface Explanation {
  variants: Variant[];
  secretIndex: number;
}

/** Bodies above this size get single hypotheses only: pairs cost hundreds of HMACs over the whole body. */
const PAIR_BODY_LIMIT = 256 * 1024;

/**
 * Try each hypothesis alone, then pairs from different groups (a re-serialized body signed with a
 * base64-decoded secret). Every hypothesis that alone explains the signature is returned; otherwise the first pair.
 */
export function explain(name: string, base: Recheck, variants: readonly Variant[], now: number): Explanation[] {
  const singles: Explanation[] = [];
  for (const v of variants) {
    const a = v.apply(base);
    if (!a) continue;
    const i = matchingSecret(name, a, now);
    if (i >= 0) singles.push({ variants: [v], secretIndex: i });
  }
  if (singles.length > 0 || base.body.length > PAIR_BODY_LIMIT) return singles;
  for (const [n, first] of variants.entries()) {
    for (const second of variants.slice(n + 1)) {
      if (second.group === first.group) continue;
      const once = first.apply(base);
      const a = once && second.apply(once);
      if (!a) continue;
      const i = matchingSecret(name, a, now);
      if (i >= 0) return [{ variants: [first, second], secretIndex: i }];
    }
  }
  return [];
}
