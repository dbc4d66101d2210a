import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { SigningError } from './errors.js';
import type { AsymmetricAlgorithm, KeySpec, Scheme, SignatureSpec } from './types.js';

export type KeyRole = 'private' | 'public';

// DER headers that wrap raw Ed25519 bytes (RFC 8410): PKCS#8 for the seed, SPKI for the public key.
const ED25519_PKCS8 = Buffer.from('302e020100300506032b657004220420', 'hex');
const ED25519_SPKI = Buffer.from('302a300506032b6570032100', 'hex');
const NAMES: Record<AsymmetricAlgorithm, string> = { ed25519: 'Ed25519', 'ecdsa-p256-sha256': 'ECDSA P-256', 'jwt-es256': 'ECDSA P-256 (ES256)' };

// listen verifies every request with the same few keys: parse each once.
const cache = new Map<string, KeyObject>();

/** The key object for a key string in the scheme's format; a SigningError says what the text is instead. */
export function parseKey(text: string, spec: KeySpec, algorithm: AsymmetricAlgorithm, role: KeyRole): KeyObject {
  const cacheKey = `${role}\u0000${algorithm}\u0000${spec.encoding}\u0000${spec.privatePrefix ?? ''}\u0000${spec.publicPrefix ?? ''}\u0000${text}`;
  let key = cache.get(cacheKey);
  if (key) return key;
  const found = readKey(text, spec, algorithm);
  if (!found) {
    throw new SigningError(
      `the ${role === 'private' ? 'signing' : 'verifying'} key is not ${algorithm === 'ed25519' ? 'an' : 'a'} ${NAMES[algorithm]} key in this scheme's format`,
      formatHint(spec, algorithm, role),
    );
  }
  if (found.role !== role) {
    throw new SigningError(
      role === 'public'
        ? `a private key was given where the ${NAMES[algorithm]} public key belongs`
        : `a public key was given where the ${NAMES[algorithm]} private key belongs: a public key can only verify`,
      role === 'public' ? 'receivers verify with the public key (hookctl keys generate prints both)' : 'sign with the private key of the pair (hookctl keys generate prints both)',
    );
  }
  key = found.key;
  if (cache.size >= 64) cache.delete(cache.keys().next().value as string);
  cache.set(cacheKey, key);
  return key;
}

/** Whether a key string reads as this scheme's private or public key (undefined: neither). */
export function keyRole(text: string, spec: KeySpec, algorithm: AsymmetricAlgorithm): KeyRole | undefined {
  return readKey(text, spec, algorithm)?.role;
}

/** The public key of a private key string, written in the scheme's format. */
export function publicKeyOf(privateText: string, spec: KeySpec, algorithm: AsymmetricAlgorithm): string {
  return writePublic(createPublicKey(parseKey(privateText, spec, algorithm, 'private')), spec);
}

/** A fresh key pair in the scheme's format: the private key signs (hookctl), the public one verifies (the receiver). */
export function generateKeys(spec: KeySpec, algorithm: AsymmetricAlgorithm): { privateKey: string; publicKey: string } {
  const pair = algorithm === 'ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { privateKey: writePrivate(pair.privateKey, spec), publicKey: writePublic(pair.publicKey, spec) };
}

function writePublic(key: KeyObject, spec: KeySpec): string {
  const der = key.export({ format: 'der', type: 'spki' });
  if (spec.encoding === 'der') return `${spec.publicPrefix ?? ''}${der.toString('base64')}`;
  return `${spec.publicPrefix ?? ''}${der.subarray(ED25519_SPKI.length).toString(spec.encoding)}`;
}

function writePrivate(key: KeyObject, spec: KeySpec): string {
  const der = key.export({ format: 'der', type: 'pkcs8' });
  if (spec.encoding === 'der') return `${spec.privatePrefix ?? ''}${der.toString('base64')}`;
  const seed = der.subarray(ED25519_PKCS8.length);
  const pub = createPublicKey(key).export({ format: 'der', type: 'spki' }).subarray(ED25519_SPKI.length);
  return `${spec.privatePrefix ?? ''}${Buffer.concat([seed, pub]).toString(spec.encoding)}`;
}

function readKey(text: string, spec: KeySpec, algorithm: AsymmetricAlgorithm): { role: KeyRole; key: KeyObject } | undefined {
  const t = text.trim();
  try {
    if (t.startsWith('-----BEGIN')) {
      const role: KeyRole = /PRIVATE KEY-----/.test(t) ? 'private' : 'public';
      const key = role === 'private' ? createPrivateKey(t) : createPublicKey(t);
      return fits(key, algorithm) ? { role, key } : undefined;
    }
    if (spec.encoding === 'der') return readDer(t, spec, algorithm);
    return readRaw(t, spec);
  } catch {
    return undefined;
  }
}

function readDer(t: string, spec: KeySpec, algorithm: AsymmetricAlgorithm): { role: KeyRole; key: KeyObject } | undefined {
  const [role, body] = strip(t, spec);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return undefined;
  const der = Buffer.from(body, 'base64');
  const attempt = (r: KeyRole) => {
    try {
      const key = r === 'private' ? createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }) : createPublicKey({ key: der, format: 'der', type: 'spki' });
      return fits(key, algorithm) ? { role: r, key } : undefined;
    } catch {
      return undefined;
    }
  };
  return role ? attempt(role) : (attempt('public') ?? attempt('private'));
}

function readRaw(t: string, spec: KeySpec): { role: KeyRole; key: KeyObject } | undefined {
  const [prefixed, body] = strip(t, spec);
  const pattern = spec.encoding === 'hex' ? /^[0-9a-fA-F]+$/ : /^[A-Za-z0-9+/]+={0,2}$/;
  if (!pattern.test(body)) return undefined;
  const raw = Buffer.from(body, spec.encoding === 'hex' ? 'hex' : 'base64');
  const role: KeyRole | undefined = prefixed ?? (raw.length === 64 ? 'private' : raw.length === 32 ? 'public' : undefined);
  if (role === 'public' && raw.length === 32) return { role, key: createPublicKey({ key: Buffer.concat([ED25519_SPKI, raw]), format: 'der', type: 'spki' }) };
  if (role !== 'private' || (raw.length !== 64 && raw.length !== 32)) return undefined;
  const key = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8, raw.subarray(0, 32)]), format: 'der', type: 'pkcs8' });
  // A 64-byte key carries its public half: one that does not belong to the seed is a damaged key.
  if (raw.length === 64 && !createPublicKey(key).export({ format: 'der', type: 'spki' }).subarray(ED25519_SPKI.length).equals(raw.subarray(32))) return undefined;
  return { role, key };
}

/** The role a prefix names (`whsk_` private, `whpk_` public), and the text after it. */
function strip(t: string, spec: KeySpec): [KeyRole | undefined, string] {
  if (spec.privatePrefix && t.startsWith(spec.privatePrefix)) return ['private', t.slice(spec.privatePrefix.length)];
  if (spec.publicPrefix && t.startsWith(spec.publicPrefix)) return ['public', t.slice(spec.publicPrefix.length)];
  // With prefixes declared, a bare value is not in the scheme's format.
  if (spec.privatePrefix || spec.publicPrefix) return [undefined, '\u0000'];
  return [undefined, t];
}

function fits(key: KeyObject, algorithm: AsymmetricAlgorithm): boolean {
  if (algorithm === 'ed25519') return key.asymmetricKeyType === 'ed25519';
  return key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1';
}

function formatHint(spec: KeySpec, algorithm: AsymmetricAlgorithm, role: KeyRole): string {
  const prefix = role === 'private' ? spec.privatePrefix : spec.publicPrefix;
  const shape =
    spec.encoding === 'der' ? `base64 DER (${role === 'private' ? 'PKCS#8' : 'SPKI'}) or PEM` : `${role === 'private' ? '64' : '32'} bytes of ${NAMES[algorithm]} key in ${spec.encoding}, or PEM`;
  return `give the ${role} key as ${prefix ? `${prefix}<${shape}>` : shape}; hookctl keys generate --provider <id> prints a pair`;
}

/**
 * The public key for a private key under whichever asymmetric spec of the scheme reads it; other text
 * (an HMAC secret, a public key) comes back unchanged.
 */
export function verifyingKeyOf(scheme: Scheme, key: string): string {
  for (const spec of scheme.signatures) {
    if (spec.algorithm !== 'ed25519' && spec.algorithm !== 'ecdsa-p256-sha256' && spec.algorithm !== 'jwt-es256') continue;
    const format = keySpecOf(spec);
    if (keyRole(key, format, spec.algorithm) === 'private') return publicKeyOf(key, format, spec.algorithm);
  }
  return key;
}

/** The key format of an asymmetric spec: its own, else raw base64 (Ed25519) or DER (ECDSA). */
export function keySpecOf(spec: SignatureSpec): KeySpec {
  return spec.key ?? { encoding: spec.algorithm === 'ed25519' ? 'base64' : 'der' };
}
