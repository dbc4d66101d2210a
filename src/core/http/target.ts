import { UsageError } from '../errors.js';

/**
 * A target as users type it: `localhost:3000`, `:3000`, `3000`, `127.0.0.1:3000/hooks`
 * or a full http(s) URL. A target without a path gets `defaultPath` (the provider's).
 */
export function parseTarget(input: string, defaultPath = '/'): URL {
  const raw = input.trim();
  let text: string;
  if (/^\d{1,5}$/.test(raw)) text = `http://localhost:${raw}`;
  else if (/^:\d{1,5}(\/.*)?$/.test(raw)) text = `http://localhost${raw}`;
  else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) text = raw;
  else text = `http://${raw}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`"${input}" is not a valid target URL`, 'use localhost:3000, :3000/webhooks or http://host:port/path');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`unsupported protocol "${url.protocol}" in ${input}`, 'targets are http:// or https:// URLs');
  }
  if (!url.hostname) throw new UsageError(`"${input}" has no host`, 'use localhost:3000 or http://host:port/path');
  if (url.port && Number(url.port) > 65535) throw new UsageError(`port ${url.port} is out of range`, 'ports go up to 65535');
  const hasPath = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*[/?#]/i.test(text);
  if (!hasPath && url.pathname === '/') url.pathname = defaultPath;
  return url;
}
