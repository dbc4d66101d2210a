import { type AsymmetricAlgorithm, isAsymmetric, keyRole, keySpecOf, type Scheme, verifyingKeyOf } from '../signing/index.js';
import type { Variant } from './types.js';

/**
 * A private key given where the public key belongs (a receiver configured with the signing half):
 * re-checked with the public key it implies, which names the key the receiver should hold.
 */
export function keyVariants(scheme: Scheme, secrets: readonly string[]): Variant[] {
  const asymmetric = scheme.signatures.filter((s) => isAsymmetric(s.algorithm));
  const out: Variant[] = [];
  secrets.forEach((secret, i) => {
    const isPrivate = asymmetric.some((s) => keyRole(secret, keySpecOf(s), s.algorithm as AsymmetricAlgorithm) === 'private');
    if (!isPrivate) return;
    const publicKey = verifyingKeyOf(scheme, secret);
    const which = secrets.length > 1 ? `key #${i + 1}` : 'the key given';
    out.push({
      group: 'secret',
      code: 'key-private-for-public',
      message: `${which} is the private (signing) key; its public key ${publicKey} verifies the signature`,
      hint: 'configure the receiver with the public key, and keep the private key with the sender only',
      apply: (a) => ({ ...a, secrets: a.secrets.map((s, n) => (n === i ? publicKey : s)) }),
      evident: `${which} is a private (signing) key: a receiver verifies with the public key (${publicKey}), and that does not match either`,
    });
  });
  return out;
}
