import type { Scheme } from '../signing/index.js';
import type { Variant } from './types.js';

const HINT =
  'verify against the URL the provider was configured with: behind a proxy or tunnel use its public scheme, host and port (X-Forwarded-Proto / X-Forwarded-Host); a capture replayed elsewhere needs hookctl replay <id> --resign';

/**
 * URL-signed schemes (Twilio; PROVIDERS.md "why signatures fail" 8): the URL the sender signed may differ
 * from the one the request was received at in scheme, port, trailing slash or host. `known` adds URLs
 * the request is known to have been sent to (where a replayed capture first arrived).
 */
export function urlVariants(scheme: Scheme, url: string | undefined, known: readonly string[] = []): Variant[] {
  if (url === undefined || !scheme.content.includes('{url}')) return [];
  const seen = new Set([url]);
  const out: Variant[] = [];
  const add = (candidate: string | undefined, why: string) => {
    if (candidate === undefined || seen.has(candidate)) return;
    seen.add(candidate);
    out.push({
      group: 'url',
      code: 'url-mismatch',
      message: `the signature was made for ${candidate}, not ${url} where the request was received (${why})`,
      hint: HINT,
      apply: (a) => ({ ...a, url: candidate }),
    });
  };
  for (const k of known) add(k, 'the URL it was first delivered to');
  const m = /^(https?):\/\/([^/?#]+)([^?#]*)(.*)$/i.exec(url);
  if (!m) return out;
  const [, proto = 'http', host = '', path = '', rest = ''] = m;
  const other = proto.toLowerCase() === 'https' ? 'http' : 'https';
  const bare = host.replace(/:(80|443)$/, '');
  add(`${other}://${host}${path}${rest}`, `${other} instead of ${proto}: a proxy or tunnel terminated TLS`);
  add(`${other}://${bare}${path}${rest}`, `${other} instead of ${proto}, without the port: a tunnel's public URL`);
  if (bare !== host) add(`${proto}://${bare}${path}${rest}`, 'without the default port');
  else add(`${proto}://${host}:${proto.toLowerCase() === 'https' ? 443 : 80}${path}${rest}`, 'with the default port written out');
  add(`${proto}://${host}${path.endsWith('/') ? path.slice(0, -1) : `${path}/`}${rest}`, 'the trailing slash differs');
  return out;
}
