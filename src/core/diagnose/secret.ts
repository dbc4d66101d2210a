import type { SecretSpec } from '../signing/index.js';
import type { Recheck, Variant } from './types.js';

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const HEX = /^(?:[0-9a-fA-F]{2})+$/;

/** Records one hypothesis: the key the sender may have used, as a change to the recheck. */
type AddSecret = (code: Variant['code'], message: string, hint: string | undefined, apply: (a: Recheck) => Recheck | undefined) => void;

/** Keys the sender may have derived from the secrets we hold (PROVIDERS.md "why signatures fail" 3). */
export function secretVariants(secrets: readonly string[], spec: SecretSpec): Variant[] {
  const out: Variant[] = [];
  const add: AddSecret = (code, message, hint, apply) => out.push({ group: 'secret', code, message, hint, apply });
  if (spec.encoding === 'utf8') addTextSecretVariants(add, secrets);
  else {
    add(
      'secret-literal',
      `the signature matches when the secret is used literally as UTF-8 text (Stripe style); this provider ${spec.encoding}-decodes it${spec.prefix ? ` after the ${spec.prefix} prefix` : ''}`,
      spec.encoding === 'hex'
        ? 'the sender (or your verifier) uses the hex text as the key: Adyen decodes it to bytes'
        : 'the sender (or your verifier) uses the whole string as the key: Standard Webhooks and Svix decode it',
      (a) => ({ ...a, scheme: { ...a.scheme, secret: { encoding: 'utf8' } } }),
    );
  }

  const padded = secrets.filter((s) => s !== s.trim());
  if (padded.length > 0) {
    const newline = padded.some((s) => /\r?\n$/.test(s));
    add(
      'secret-trailing-whitespace',
      newline ? 'the signature matches with the trailing newline removed from the secret' : 'the signature matches with the surrounding whitespace removed from the secret',
      'strip the secret where it is loaded: echo adds a newline, .env values keep trailing spaces',
      (a) => withSecrets(a, (s) => s.trim()),
    );
  }
  return out;
}

/** For a provider that uses its secret as text: the decodings, prefixes and newline a sender may have applied. */
function addTextSecretVariants(add: AddSecret, secrets: readonly string[]): void {
  const prefix = commonPrefix(secrets);
  if (secrets.some((s) => decodable(s, prefix))) {
    const what = prefix ? `the ${prefix} secret is` : 'the secret is';
    add(
      'secret-base64-decoded',
      `the signature matches when ${what} base64-decoded${prefix === 'whsec_' ? ' (Standard Webhooks style)' : ''}; this provider uses it literally`,
      'the sender (or your verifier) decodes the secret: use the string exactly as shown as the HMAC key',
      (a) => ({ ...a, scheme: { ...a.scheme, secret: { encoding: 'base64', ...(prefix ? { prefix } : {}) } } }),
    );
  }
  if (secrets.some((s) => HEX.test(s))) {
    add(
      'secret-hex-decoded',
      'the signature matches when the secret is hex-decoded; this provider uses it literally as text even though it looks like hex',
      'use the secret string itself as the HMAC key, not its hex decoding',
      (a) => withSecrets(a, (s) => (HEX.test(s) ? Buffer.from(s, 'hex').toString('base64') : s), { encoding: 'base64' }),
    );
  }
  if (secrets.some((s) => s.startsWith('whsec_'))) {
    add(
      'secret-prefix',
      "the signature matches with the whsec_ prefix removed from the secret: the sender signed with the bare value, this provider's key is the whole string as shown",
      undefined,
      (a) => withSecrets(a, (s) => s.replace(/^whsec_/, '')),
    );
  } else {
    add(
      'secret-prefix',
      'the signature matches with whsec_ put in front of the secret: the key is the whole string as shown in the dashboard, prefix included',
      'copy the secret with its whsec_ prefix',
      (a) => withSecrets(a, (s) => `whsec_${s}`),
    );
  }
  add(
    'secret-trailing-whitespace',
    "the signature matches with a trailing newline added to the secret: the sender's copy of the secret ends with a newline (from echo or a .env file)",
    'strip the secret where it is loaded (echo -n, trim the .env value)',
    (a) => withSecrets(a, (s) => `${s}\n`),
  );
}

/** The recheck with every secret mapped, and the scheme's secret spec replaced (kept by default). */
function withSecrets(a: Recheck, map: (s: string) => string, secret: SecretSpec = a.scheme.secret): Recheck {
  return { ...a, secrets: a.secrets.map(map), scheme: { ...a.scheme, secret } };
}

/** Whitespace around a secret is worth a note even when it does not explain the failure. */
export function paddedSecretNote(secrets: readonly string[]): string | undefined {
  const i = secrets.findIndex((s) => s !== s.trim());
  if (i < 0) return undefined;
  return `secret #${i + 1} has ${/\n$/.test(secrets[i] as string) ? 'a trailing newline' : 'surrounding whitespace'}: most senders sign with the trimmed value`;
}

function commonPrefix(secrets: readonly string[]): string | undefined {
  if (secrets.some((s) => s.startsWith('whsec_'))) return 'whsec_';
  return /^[a-z]+_/i.exec(secrets[0] ?? '')?.[0];
}

function decodable(secret: string, prefix: string | undefined): boolean {
  const raw = prefix && secret.startsWith(prefix) ? secret.slice(prefix.length) : secret;
  return raw.length > 0 && raw.length % 4 !== 1 && BASE64.test(raw);
}
