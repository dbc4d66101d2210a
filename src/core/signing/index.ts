/**
 * THE signing and verification module: every command and the library API go through here.
 * A leaf: it knows schemes, not providers (src/library.ts resolves a provider id to its scheme).
 */

export type { SignInput, Signed } from './sign.js';
export type { VerifyInput } from './verify.js';
export * from './types.js';
export { signWithScheme } from './sign.js';
export { verifyWithScheme } from './verify.js';
export { signedContent } from './content.js';
export { SigningError } from './errors.js';
