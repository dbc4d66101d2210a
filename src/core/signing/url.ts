import { createHash } from 'node:crypto';

/** Whether a Content-Type names a form body (`application/x-www-form-urlencoded`). */
export function isFormType(contentType: string | undefined): boolean {
  return /^\s*application\/x-www-form-urlencoded\b/i.test(contentType ?? '');
}

/**
 * Twilio's `{params}`: the form's parameters sorted by name, each written as name then value; a
 * repeated name contributes each distinct value, sorted (as twilio's getExpectedTwilioSignature does).
 * Decoded as a form parser would (UTF-8, `+` as a space): the receiver signs what its parser hands it.
 */
export function sortedParams(body: Buffer): string {
  const values = new Map<string, Set<string>>();
  for (const [name, value] of new URLSearchParams(body.toString('utf8'))) {
    const set = values.get(name) ?? new Set<string>();
    values.set(name, set);
    set.add(value);
  }
  let out = '';
  for (const name of [...values.keys()].sort()) {
    for (const value of [...(values.get(name) as Set<string>)].sort()) out += name + value;
  }
  return out;
}

/** The hex SHA-256 a URL-signed scheme binds a non-form body with (Twilio's `bodySHA256`). */
export function bodyHash(body: Buffer): string {
  return createHash('sha256').update(body).digest('hex');
}

/**
 * The URL with `name=value` in its query (replacing an earlier value, as when re-signing a replay),
 * the rest of its text untouched: it is signed verbatim.
 */
export function withQueryParam(url: string, name: string, value: string): string {
  const hash = url.indexOf('#');
  const key = encodeURIComponent(name);
  let base = hash < 0 ? url : url.slice(0, hash);
  const q = base.indexOf('?');
  if (q >= 0) {
    const kept = base
      .slice(q + 1)
      .split('&')
      .filter((p) => p !== '' && p.split('=')[0] !== key);
    base = `${base.slice(0, q)}${kept.length ? `?${kept.join('&')}` : ''}`;
  }
  const sep = base.includes('?') ? (base.endsWith('?') || base.endsWith('&') ? '' : '&') : '?';
  return `${base}${sep}${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
}

/** A query parameter of a URL, read without normalising the rest. */
export function queryParam(url: string, name: string): string | undefined {
  const q = url.indexOf('?');
  if (q < 0) return undefined;
  return new URLSearchParams(url.slice(q + 1).split('#')[0]).get(name) ?? undefined;
}
