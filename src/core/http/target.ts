import { UsageError } from '../errors.js';

/**
 * A target as users type it: `localhost:3000`, `:3000`, `3000`, `127.0.0.1:3000/hooks`
 * or a full http(s) URL. A target without a path gets `defaultPath` (the provider's).
 */
export function parseTarget(input: string, defaultPath = '/'): URL {
  const raw = input.trim();
  // `-1` or `:-1` is a port typed wrong, not a host named "-1".
  if (/^:?-\d+(\/.*)?$/.test(raw)) throw badPort(input, raw.replace(/^:/, '').replace(/\/.*$/, ''));
  let text: string;
  if (/^\d+$/.test(raw)) text = `http://localhost:${raw}`;
  else if (/^:\d+(\/.*)?$/.test(raw)) text = `http://localhost${raw}`;
  else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) text = raw;
  else text = `http://${raw}`;
  let url: URL;
  // URL rejects a port over 65535 without saying why: say it.
  const port = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/?#@]*@)?(?:\[[^\]]*\]|[^/?#:]*):(\d+)(?:[/?#]|$)/i.exec(text)?.[1];
  if (port !== undefined && Number(port) > 65535) throw badPort(input, port);
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`"${input}" is not a valid target URL`, 'use localhost:3000, :3000/webhooks or http://host:port/path');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`unsupported protocol "${url.protocol}" in ${input}`, 'targets are http:// or https:// URLs');
  }
  if (!url.hostname) throw new UsageError(`"${input}" has no host`, 'use localhost:3000 or http://host:port/path');
  // URL normalises `:00` to "0" and drops a scheme's default port ("" for :80 on http).
  if (url.port === '0') throw badPort(input, '0');
  if (!targetHasPath(raw) && url.pathname === '/') url.pathname = defaultPath;
  return url;
}

/** Whether a target as typed names a path (`:3000/hooks`, `http://x/`), where parseTarget leaves the provider's default path out. */
export function targetHasPath(input: string): boolean {
  return /[/?#]/.test(input.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, ''));
}

/** A target parsed once, for choosing a provider by its path before the provider's default path applies. */
export interface Target {
  /** As typed, with `/` for a target that names no path. */
  url: URL;
  /** Whether the target as typed names a path (see targetHasPath). */
  hasPath: boolean;
  /** The URL to send to: the target's own path, else `defaultPath`. */
  withPath(defaultPath: string): URL;
}

export function readTarget(input: string): Target {
  const url = parseTarget(input);
  const hasPath = targetHasPath(input);
  return {
    url,
    hasPath,
    withPath(defaultPath) {
      if (hasPath) return url;
      const u = new URL(url.href);
      u.pathname = defaultPath;
      return u;
    },
  };
}

/** Port 0 means "any free port" to a server, nothing to connect to; targets go to ports 1 to 65535. */
function badPort(input: string, port: string): UsageError {
  return new UsageError(`port ${port} is out of range in "${input}"`, "a target's port is from 1 to 65535, like localhost:3000");
}

/** Query parameters that carry the provider's secret (Meta's verify token travels in the check's URL). */
const SECRET_PARAMS = ['hub.verify_token'];

/**
 * A target's password, and a secret in its query, are secrets like any other: shown masked, never in
 * full (`--curl` alone keeps them, to reproduce the request).
 */
export function redactUrl(href: string | URL): string {
  try {
    const u = new URL(String(href));
    const params = SECRET_PARAMS.filter((p) => u.searchParams.has(p));
    if (!u.password && params.length === 0) return String(href);
    if (u.password) u.password = '***';
    for (const p of params) u.searchParams.set(p, '***');
    return u.href;
  } catch {
    // A bare path (a dry run with no target).
    return redactPath(String(href));
  }
}

/** A received request's path with the secret-bearing query parameters masked, for the lines listen prints. */
export function redactPath(path: string): string {
  if (!SECRET_PARAMS.some((p) => path.includes(`${p}=`))) return path;
  return path.replace(/([?&])([^=&]+)=([^&#]*)/g, (all, sep: string, name: string) => (SECRET_PARAMS.includes(decodeURIComponent(name)) ? `${sep}${name}=***` : all));
}
