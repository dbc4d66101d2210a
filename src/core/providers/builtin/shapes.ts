import type { Algorithm, Encoding, SecretSpec, SignatureSpec } from '../../signing/index.js';

/** The secret's UTF-8 bytes are the key, prefix included (every provider but Standard Webhooks). */
export const LITERAL_SECRET: SecretSpec = { encoding: 'utf8' };

/** `<prefix><digest>` in one header: `sha256=<hex>`, `v0=<hex>`, or a bare digest. */
export function prefixed(header: string, prefix: string, encoding: Encoding = 'hex', algorithm: Algorithm = 'sha256'): SignatureSpec {
  return { header, algorithm, encoding, format: { style: 'prefixed', prefix } };
}

export const MINUTES = 60;
export const HOURS = 3600;
