import { UsageError } from '../errors.js';
import { BUILTIN_PROVIDERS } from '../providers/registry.js';
import { ALGORITHMS, ASYMMETRIC_ALGORITHMS, ENCODINGS, KEY_ENCODINGS } from '../signing/index.js';
import { nearest } from '../text/nearest.js';
import type { HookctlConfig } from './types.js';

const TOP_KEYS = ['provider', 'secrets', 'verifyTokens', 'target', 'listen', 'store', 'fixtures', 'providers', 'expect'];
const PROVIDER_KEYS = ['id', 'extends', 'name', 'docs', 'scheme', 'request', 'events', 'fixtures', 'devSecret', 'delivery'];
const SCHEME_KEYS = ['content', 'signatures', 'secret', 'timestamp', 'id', 'headerAliases', 'bodyHashParam'];
const SIGNATURE_KEYS = ['header', 'algorithm', 'encoding', 'format', 'key'];
/** The names the issue and the docs use for HMACs, beside the hash names the built-ins use. */
export const ALGORITHM_ALIASES: Record<string, string> = { 'hmac-sha256': 'sha256', 'hmac-sha1': 'sha1', 'hmac-sha512': 'sha512' };
const BUILTIN_IDS = BUILTIN_PROVIDERS.map((p) => p.id);

type Check = (cond: boolean, key: string, problem: string, hint?: string) => void;

/**
 * Validate a parsed config; `where` ("config file .hookctlrc.json") starts every message, the key path follows.
 * Problems that make the config unusable throw; the rest come back as warnings.
 */
export function validateConfig(raw: unknown, where: string): { config: HookctlConfig; warnings: string[] } {
  const check: Check = (cond, key, problem, hint) => {
    if (!cond) throw new UsageError(`${where}: ${key} ${problem}`, hint ?? 'see docs/configuration.md for every key');
  };
  check(isObject(raw), 'the top level', 'must be an object');
  const cfg = raw as Record<string, unknown>;
  knownKeys(cfg, TOP_KEYS, '', check);
  optional(cfg.providers, (v) => {
    check(Array.isArray(v), 'providers', 'must be a list of provider profiles');
    (v as unknown[]).forEach((p, i) => {
      validateProvider(p, `providers[${i}]`, check);
    });
  });
  // Custom providers count as known, so validated first.
  const ids = [...BUILTIN_IDS, ...((cfg.providers ?? []) as { id: string }[]).map((p) => p.id)];
  optional(cfg.provider, (v) => {
    check(typeof v === 'string' && v !== '', 'provider', 'must be a provider id');
    // The list is inline because `hookctl providers` loads this same config and would fail too.
    const near = nearest(v as string, ids);
    check(ids.includes((v as string).toLowerCase()), 'provider', `"${v as string}" is not a known provider`, near ? `did you mean "${near}"?` : `known providers: ${ids.join(', ')}`);
  });
  optional(cfg.target, (v) => check(typeof v === 'string' && v !== '', 'target', 'must be a URL like http://localhost:3000/webhooks'));
  optional(cfg.store, (v) => check(typeof v === 'string' && v !== '', 'store', 'must be a directory path'));
  optional(cfg.fixtures, (v) => check(Array.isArray(v) && v.every((d) => typeof d === 'string'), 'fixtures', 'must be a list of directories'));
  const warnings: string[] = [];
  providerMaps(cfg, ids, where, check, warnings);
  optional(cfg.listen, (v) => {
    check(isObject(v), 'listen', 'must be an object with port, host, maxBody');
    const l = v as Record<string, unknown>;
    knownKeys(l, ['port', 'host', 'maxBody'], 'listen.', check);
    optional(l.port, (p) => check(Number.isInteger(p) && (p as number) >= 0 && (p as number) < 65536, 'listen.port', 'must be a port number 0-65535'));
    optional(l.host, (h) => check(typeof h === 'string' && h !== '', 'listen.host', 'must be a host name or address'));
    optional(l.maxBody, (m) =>
      check(Number.isInteger(m) && (m as number) > 0 && (m as number) <= 1024 ** 3, 'listen.maxBody', 'must be a number of bytes from 1 to 1073741824 (1 GiB), as --max-body'),
    );
  });
  optional(cfg.expect, (v) => {
    check(isObject(v), 'expect', 'must map scenario names to lists of status codes');
    for (const [k, codes] of Object.entries(v as object)) {
      check(Array.isArray(codes) && codes.every((c) => Number.isInteger(c) && c >= 100 && c < 600), `expect.${k}`, 'must be a list of HTTP status codes');
    }
  });
  return { config: cfg as HookctlConfig, warnings };
}

function validateProvider(p: unknown, at: string, check: Check): void {
  check(isObject(p), at, 'must be an object');
  const prov = p as Record<string, unknown>;
  // Ids name files, headers and map keys: a closed alphabet keeps them from meaning anything else.
  check(typeof prov.id === 'string' && /^[a-z0-9][a-z0-9._-]*$/.test(prov.id), `${at}.id`, 'must be a lowercase id like "acme" (letters a-z, digits, ".", "_", "-")');
  knownKeys(prov, PROVIDER_KEYS, `${at}.`, check);
  optional(prov.extends, (v) => {
    const near = typeof v === 'string' ? nearest(v, BUILTIN_IDS) : undefined;
    check(
      typeof v === 'string' && BUILTIN_IDS.includes(v.toLowerCase()),
      `${at}.extends`,
      `${JSON.stringify(v)} is not a built-in provider`,
      near ? `did you mean "${near}"?` : `built-in providers: ${BUILTIN_IDS.join(', ')}`,
    );
  });
  check(prov.scheme !== undefined || prov.extends !== undefined, `${at}.scheme`, 'is required unless the provider extends a built-in');
  optional(prov.scheme, (s) => validateScheme(s, `${at}.scheme`, check));
  optional(prov.request, (r) => {
    check(isObject(r), `${at}.request`, 'must be an object');
    optional((r as Record<string, unknown>).bodyFormat, (f) => check(f === 'compact' || f === 'pretty', `${at}.request.bodyFormat`, 'must be "compact" or "pretty"'));
  });
  optional(prov.events, (e) => {
    check(Array.isArray(e), `${at}.events`, 'must be a list of { name, description?, payload? }');
    (e as unknown[]).forEach((ev, i) => {
      check(isObject(ev) && typeof (ev as { name?: unknown }).name === 'string', `${at}.events[${i}].name`, 'must be a string');
    });
  });
}

function validateScheme(s: unknown, at: string, check: Check): void {
  check(isObject(s), at, 'must be an object');
  const sc = s as Record<string, unknown>;
  knownKeys(sc, SCHEME_KEYS, `${at}.`, check);
  check(
    typeof sc.content === 'string' && /\{(body|params)\}/.test(sc.content),
    `${at}.content`,
    'must be a template containing {body} (or {url}{params} for a URL-signed form), like "{timestamp}.{body}"',
  );
  optional(sc.bodyHashParam, (v) =>
    check(typeof v === 'string' && v !== '' && (sc.content as string).includes('{url}'), `${at}.bodyHashParam`, 'must be a query parameter name, for a content that signs {url}'),
  );
  check(Array.isArray(sc.signatures) && sc.signatures.length > 0, `${at}.signatures`, 'must be a non-empty list');
  (sc.signatures as unknown[]).forEach((sig, i) => {
    const k = `${at}.signatures[${i}]`;
    check(isObject(sig), k, 'must be an object');
    const g = sig as Record<string, unknown>;
    knownKeys(g, SIGNATURE_KEYS, `${k}.`, check);
    check(typeof g.header === 'string' && g.header !== '', `${k}.header`, 'must be a header name');
    const algorithms = [...Object.keys(ALGORITHM_ALIASES), ...ALGORITHMS];
    check(algorithms.includes(g.algorithm as string), `${k}.algorithm`, `must be ${algorithms.join(', ')}`);
    optional(g.key, (key) => {
      check((ASYMMETRIC_ALGORITHMS as readonly string[]).includes(g.algorithm as string), `${k}.key`, "is only for ed25519 and ecdsa-p256-sha256 (an HMAC uses the scheme's secret)");
      check(isObject(key) && (KEY_ENCODINGS as readonly string[]).includes((key as { encoding?: string }).encoding as string), `${k}.key.encoding`, `must be ${KEY_ENCODINGS.join(', ')}`);
      knownKeys(key as Record<string, unknown>, ['encoding', 'privatePrefix', 'publicPrefix'], `${k}.key.`, check);
    });
    check((ENCODINGS as readonly string[]).includes(g.encoding as string), `${k}.encoding`, `must be ${ENCODINGS.join(', ')}`);
    check(isObject(g.format) && ['prefixed', 'kv'].includes((g.format as { style?: string }).style as string), `${k}.format.style`, 'must be "prefixed" or "kv"');
  });
  check(isObject(sc.secret) && ['utf8', 'base64', 'hex'].includes((sc.secret as { encoding?: string }).encoding as string), `${at}.secret.encoding`, 'must be "utf8", "base64" or "hex"');
  optional(sc.timestamp, (t) => {
    check(isObject(t), `${at}.timestamp`, 'must be an object');
    const ts = t as Record<string, unknown>;
    check(['header', 'signature', 'body'].includes(ts.source as string), `${at}.timestamp.source`, 'must be header, signature or body');
    check(['s', 'ms', 'iso'].includes(ts.unit as string), `${at}.timestamp.unit`, 'must be "s", "ms" or "iso"');
    // A body timestamp is read and moved as a number (stale, future): an RFC 3339 one travels in a header.
    check(ts.unit !== 'iso' || ts.source !== 'body', `${at}.timestamp.unit`, '"iso" needs source "header" or "signature"');
    check(isObject(ts.tolerance), `${at}.timestamp.tolerance`, 'must be { pastSec, futureSec } (numbers or null)');
  });
  const uses = (name: string) => (sc.content as string).includes(`{${name}}`);
  if (uses('timestamp')) check(sc.timestamp !== undefined, `${at}.timestamp`, 'is required when the content signs {timestamp}');
  if (uses('id')) check(isObject(sc.id), `${at}.id`, 'is required when the content signs {id}');
}

function knownKeys(obj: Record<string, unknown>, known: readonly string[], prefix: string, check: Check): void {
  for (const k of Object.keys(obj)) {
    const near = nearest(k, known);
    check(known.includes(k), `${prefix}${k}`, `is not a known key (known: ${known.join(', ')})`, near ? `did you mean "${prefix}${near}"?` : undefined);
  }
}

const isKeyPair = (v: unknown): boolean =>
  isObject(v) && Object.keys(v).length > 0 && Object.entries(v).every(([k, x]) => (k === 'privateKey' || k === 'publicKey') && typeof x === 'string' && x !== '');
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
function optional(v: unknown, fn: (v: unknown) => void): void {
  if (v !== undefined) fn(v);
}

/** `secrets` and `verifyTokens`: maps by provider id; an id no provider has is a warning (it silently falls back otherwise). */
function providerMaps(cfg: Record<string, unknown>, ids: readonly string[], where: string, check: Check, warnings: string[]): void {
  optional(cfg.secrets, (v) => {
    check(isObject(v), 'secrets', 'must map provider ids to a secret or a list of secrets');
    for (const [id, s] of Object.entries(v as object)) {
      const entry = (x: unknown) => typeof x === 'string' || isKeyPair(x);
      check(
        entry(s) || (Array.isArray(s) && s.length > 0 && s.every(entry)),
        `secrets.${id}`,
        'must be a string (a secret), a key pair { "privateKey", "publicKey" } (either may be left out), or a non-empty list of them',
        'hookctl keys generate --provider <id> --json prints a key pair in that shape',
      );
      // Secrets are looked up by exact id, so a typo silently falls back to the dev secret: say so, but keep going.
      if (!ids.includes(id)) {
        const near = nearest(id, ids);
        warnings.push(`${where}: secrets.${id} is for an unknown provider (${near ? `did you mean ${near}?` : 'hookctl providers lists them'})`);
      }
    }
  });
  optional(cfg.verifyTokens, (v) => {
    check(isObject(v), 'verifyTokens', 'must map provider ids to a verify token');
    for (const [id, t] of Object.entries(v as object)) {
      check(typeof t === 'string' && t !== '', `verifyTokens.${id}`, 'must be a non-empty string (the token typed into the provider dashboard)');
      if (!ids.includes(id)) warnings.push(`${where}: verifyTokens.${id} is for an unknown provider (${nearest(id, ids) ? `did you mean ${nearest(id, ids)}?` : 'hookctl providers lists them'})`);
    }
  });
}
