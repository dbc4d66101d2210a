/**
 * THE signing and verification module: every command and the library API go through here.
 * A leaf: it knows schemes, not providers (src/provider-api.ts resolves a provider id to its scheme).
 */

export type { SignInput, Signed } from './sign.js';
export type { VerifyInput } from './verify-scheme.js';
export * from './types.js';
export { signWithScheme } from './sign.js';
export { verifyWithScheme } from './verify-scheme.js';
export { signedContent } from './content.js';
export { SigningError } from './errors.js';
// What the rest of hookctl uses besides signing and verifying: header parsing and lookup, keys,
// encodings and tolerances. Other areas import the signing module only through this file.
export { headerValue } from './header-lookup.js';
export { readBodyField, writeBodyField } from './body-field.js';
export { formatSignatureHeader, parseSignatureHeader } from './signature-header.js';
export { basicCredentials, encodedLength, isAsymmetric, isTokenScheme, isWellFormed, safeEqual, usableKey } from './crypto.js';
export { generateKeys, keyRole, keySpecOf, verifyingKeyOf } from './keys.js';
export { effectiveTolerance } from './timestamp.js';
export { isFormType } from './url.js';
export { verifyUsable } from './verify-usable.js';
