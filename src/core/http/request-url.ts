import { type Headers, headerValue } from '../signing/index.js';

/**
 * The full URL a request was received at, as a receiver rebuilds it for a URL-signed scheme (Twilio):
 * scheme and host from X-Forwarded-Proto / X-Forwarded-Host when a proxy or tunnel set them, else
 * plain http and the Host header; the path and query exactly as received.
 */
export function requestUrl(headers: Headers, path: string): string {
  const first = (name: string) => headerValue(headers, name)?.split(',')[0]?.trim() || undefined;
  const proto = first('x-forwarded-proto') ?? 'http';
  const host = first('x-forwarded-host') ?? first('host') ?? 'localhost';
  return `${proto}://${host}${path.startsWith('/') ? path : `/${path}`}`;
}
