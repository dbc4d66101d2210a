import { UsageError } from '../errors.js';
import type { HookctlConfig } from './types.js';

const TOP_KEYS = ['provider', 'secrets', 'target', 'listen', 'store', 'fixtures', 'providers', 'expect'];
const PROVIDER_KEYS = ['id', 'extends', 'name', 'docs', 'scheme', 'request', 'events', 'fixtures', 'devSecret', 'delivery'];
const SCHEME_KEYS = ['content', 'signatures', 'secret', 'timestamp', 'id', 'headerAliases'];

type Check = (cond: boolean, key: string, problem: string) => void;

/** Validate a parsed config; a problem names the file and the key. */
export function validateConfig(raw: unknown, file: string): HookctlConfig {
  const check: Check = (cond, key, problem) => {
    if (!cond) throw new UsageError(`${file}: "${key}" ${problem}`, 'see README "Configuration" for every key');
  };
  check(isObject(raw), '(root)', 'must be an object');
  const cfg = raw as Record<string, unknown>;
  for (const k of Object.keys(cfg)) check(TOP_KEYS.includes(k), k, `is not a known key (known: ${TOP_KEYS.join(', ')})`);
  optional(cfg.provider, (v) => check(typeof v === 'string' && v !== '', 'provider', 'must be a provider id'));
  optional(cfg.target, (v) => check(typeof v === 'string' && v !== '', 'target', 'must be a URL like http://localhost:3000/webhooks'));
  optional(cfg.store, (v) => check(typeof v === 'string' && v !== '', 'store', 'must be a directory path'));
  optional(cfg.fixtures, (v) => check(Array.isArray(v) && v.every((d) => typeof d === 'string'), 'fixtures', 'must be a list of directories'));
  optional(cfg.secrets, (v) => {
    check(isObject(v), 'secrets', 'must map provider ids to a secret or a list of secrets');
    for (const [id, s] of Object.entries(v as object)) {
      check(typeof s === 'string' || (Array.isArray(s) && s.length > 0 && s.every((x) => typeof x === 'string')), `secrets.${id}`, 'must be a string or a non-empty list of strings');
    }
  });
  optional(cfg.listen, (v) => {
    check(isObject(v), 'listen', 'must be an object with port, host, maxBody');
    const l = v as Record<string, unknown>;
    for (const k of Object.keys(l)) check(['port', 'host', 'maxBody'].includes(k), `listen.${k}`, 'is not a known key (port, host, maxBody)');
    optional(l.port, (p) => check(Number.isInteger(p) && (p as number) >= 0 && (p as number) < 65536, 'listen.port', 'must be a port number 0-65535'));
    optional(l.host, (h) => check(typeof h === 'string' && h !== '', 'listen.host', 'must be a host name or address'));
    optional(l.maxBody, (m) => check(Number.isInteger(m) && (m as number) > 0, 'listen.maxBody', 'must be a positive number of bytes'));
  });
  optional(cfg.expect, (v) => {
    check(isObject(v), 'expect', 'must map scenario names to lists of status codes');
    for (const [k, codes] of Object.entries(v as object)) {
      check(Array.isArray(codes) && codes.every((c) => Number.isInteger(c) && c >= 100 && c < 600), `expect.${k}`, 'must be a list of HTTP status codes');
    }
  });
  optional(cfg.providers, (v) => {
    check(Array.isArray(v), 'providers', 'must be a list of provider profiles');
    (v as unknown[]).forEach((p, i) => validateProvider(p, `providers[${i}]`, check));
  });
  return cfg as HookctlConfig;
}

function validateProvider(p: unknown, at: string, check: Check): void {
  check(isObject(p), at, 'must be an object');
  const prov = p as Record<string, unknown>;
  check(typeof prov.id === 'string' && /^[a-z0-9][a-z0-9-]*$/.test(prov.id), `${at}.id`, 'must be a lowercase id like "acme"');
  for (const k of Object.keys(prov)) check(PROVIDER_KEYS.includes(k), `${at}.${k}`, `is not a known key (known: ${PROVIDER_KEYS.join(', ')})`);
  optional(prov.extends, (v) => check(typeof v === 'string', `${at}.extends`, 'must be a built-in provider id'));
  check(prov.scheme !== undefined || prov.extends !== undefined, `${at}.scheme`, 'is required unless the provider extends a built-in');
  optional(prov.scheme, (s) => validateScheme(s, `${at}.scheme`, check));
  optional(prov.events, (e) => {
    check(Array.isArray(e), `${at}.events`, 'must be a list of { name, description?, payload? }');
    (e as unknown[]).forEach((ev, i) => check(isObject(ev) && typeof (ev as { name?: unknown }).name === 'string', `${at}.events[${i}].name`, 'must be a string'));
  });
}

function validateScheme(s: unknown, at: string, check: Check): void {
  check(isObject(s), at, 'must be an object');
  const sc = s as Record<string, unknown>;
  for (const k of Object.keys(sc)) check(SCHEME_KEYS.includes(k), `${at}.${k}`, `is not a known key (known: ${SCHEME_KEYS.join(', ')})`);
  check(typeof sc.content === 'string' && sc.content.includes('{body}'), `${at}.content`, 'must be a template containing {body}, like "{timestamp}.{body}"');
  check(Array.isArray(sc.signatures) && sc.signatures.length > 0, `${at}.signatures`, 'must be a non-empty list');
  (sc.signatures as unknown[]).forEach((sig, i) => {
    const k = `${at}.signatures[${i}]`;
    check(isObject(sig), k, 'must be an object');
    const g = sig as Record<string, unknown>;
    check(typeof g.header === 'string' && g.header !== '', `${k}.header`, 'must be a header name');
    check(['sha256', 'sha1', 'sha512'].includes(g.algorithm as string), `${k}.algorithm`, 'must be sha256, sha1 or sha512');
    check(['hex', 'base64', 'base64url'].includes(g.encoding as string), `${k}.encoding`, 'must be hex, base64 or base64url');
    check(isObject(g.format) && ['prefixed', 'kv'].includes((g.format as { style?: string }).style as string), `${k}.format.style`, 'must be "prefixed" or "kv"');
  });
  check(isObject(sc.secret) && ['utf8', 'base64'].includes((sc.secret as { encoding?: string }).encoding as string), `${at}.secret.encoding`, 'must be "utf8" or "base64"');
  optional(sc.timestamp, (t) => {
    check(isObject(t), `${at}.timestamp`, 'must be an object');
    const ts = t as Record<string, unknown>;
    check(['header', 'signature', 'body'].includes(ts.source as string), `${at}.timestamp.source`, 'must be header, signature or body');
    check(['s', 'ms'].includes(ts.unit as string), `${at}.timestamp.unit`, 'must be "s" or "ms"');
    check(isObject(ts.tolerance), `${at}.timestamp.tolerance`, 'must be { pastSec, futureSec } (numbers or null)');
  });
  const uses = (name: string) => (sc.content as string).includes(`{${name}}`);
  if (uses('timestamp')) check(sc.timestamp !== undefined, `${at}.timestamp`, 'is required when the content signs {timestamp}');
  if (uses('id')) check(isObject(sc.id), `${at}.id`, 'is required when the content signs {id}');
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
function optional(v: unknown, fn: (v: unknown) => void): void {
  if (v !== undefined) fn(v);
}
