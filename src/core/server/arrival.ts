import { detectProvider, headerNamesSender } from '../providers/registry.js';
import { builtinEvents } from '../catalogue/builtin.js';
import { detectHandshake } from '../handshake/detect.js';
import type { EventSpec, ProviderProfile } from '../providers/types.js';
import { type Headers, headerValue, isFormType, verifyUsable } from '../signing/index.js';
import type { CapturedVerification } from '../store/types.js';
import { requestUrl } from '../http/request-url.js';
import { decodeForm } from '../templates/form.js';
import { parseBoundedJson } from '../text/bounded-json.js';

export interface ArrivalOptions {
  /** Candidates for detection (built-ins plus custom providers). */
  providers: readonly ProviderProfile[];
  /** --provider: every request is checked against this one. */
  fixed?: ProviderProfile;
  /** Used when detection finds nothing (a provider chosen in config or env), so the reason is specific. */
  fallback?: ProviderProfile;
  secretsFor(profile: ProviderProfile): string[];
  /** The token a provider's endpoint check must carry where it is not the secret (Meta's verify token). */
  verifyTokenFor?(profile: ProviderProfile): string | undefined;
  toleranceSec?: number;
  /** Names the event from the provider's fixtures when nothing else does (see fingerprint.ts). */
  fingerprint?: (provider: ProviderProfile, body: Record<string, unknown>) => string | undefined;
}

export interface ArrivalCheck {
  provider?: ProviderProfile;
  verification: CapturedVerification;
  event?: string;
  deliveryId?: string;
}

/** Which provider sent a request, whether its signature holds, and what it is about. */
export function checkArrival(o: ArrivalOptions, headers: Headers, body: Buffer, now: number, path = '/'): ArrivalCheck {
  const detected = o.fixed ?? atOwnPath(detectProvider(headers, o.providers), o.providers, headers, path) ?? tokenProviderAt(o.providers, path);
  // No signature header names a provider: it may be an endpoint check (Meta's hub.challenge GET, Okta's challenge).
  const endpointCheck = detected ? undefined : detectHandshake(o.providers, headers, path, body);
  if (endpointCheck?.event.request?.unsigned) {
    const verification = { ok: false, reason: 'missing-signature', detail: `${endpointCheck.provider.name} signs no ${endpointCheck.event.name} request: it is an endpoint check` };
    return { provider: endpointCheck.provider, verification, event: endpointCheck.event.name };
  }
  const provider = detected ?? endpointCheck?.provider ?? o.fallback;
  const json = lazyFields(body, headerValue(headers, 'content-type'));
  if (!provider) {
    return {
      verification: { ok: false, reason: 'unknown-provider', detail: 'no signature header of any known provider; pass --provider' },
      event: eventFromBody(json()),
    };
  }
  return {
    provider,
    verification: check(o, provider, headers, body, now, path),
    // With --provider meta, Meta's unsigned GET names no event of its own: its check's parts do.
    event: eventOf(provider, headers, body, json) ?? fingerprintOf(o, provider, json()) ?? detectHandshake([provider], headers, path, body)?.event.name,
    deliveryId: deliveryIdOf(provider, headers),
  };
}

/** Whether a request path is a provider's own: its default path, or one ending in its id (`/api/webhooks/clerk`). */
const ownPath = (p: ProviderProfile, bare: string) => p.request.path === bare || bare.endsWith(`/${p.id}`);

/**
 * Several providers sign alike (Clerk and Resend deliver through Svix, with Svix's headers): the
 * headers name the first of them; the path the request was sent to, when it is another's own and
 * the request carries that one's signature header, names that one.
 */
function atOwnPath(detected: ProviderProfile | undefined, providers: readonly ProviderProfile[], headers: Headers, path: string): ProviderProfile | undefined {
  const bare = path.split('?')[0] ?? '';
  if (!detected || ownPath(detected, bare)) return detected;
  const signs = (p: ProviderProfile) => p.scheme.signatures.some((s) => headerNamesSender(s) && headerValue(headers, s.header, p.scheme.headerAliases) !== undefined);
  return providers.find((p) => p !== detected && ownPath(p, bare) && p.scheme.content === detected.scheme.content && signs(p)) ?? detected;
}

/**
 * A provider whose signature travels where it names nobody (Okta's token and LiveKit's JWT in Authorization,
 * Graph's clientState in the body) sends no header that names it; the path it was registered at does, when
 * it is the provider's own (`/webhooks/okta`).
 */
function tokenProviderAt(providers: readonly ProviderProfile[], path: string): ProviderProfile | undefined {
  const bare = path.split('?')[0] ?? '';
  return providers.find((p) => !p.scheme.signatures.some(headerNamesSender) && ownPath(p, bare));
}

function check(o: ArrivalOptions, provider: ProviderProfile, headers: Headers, body: Buffer, now: number, path: string): CapturedVerification {
  // The same rules as `verify`: a secret the scheme cannot decode is a failed check (no-match, said why), not a crash.
  const url = provider.scheme.content.includes('{url}') ? requestUrl(headers, path) : undefined;
  const r = verifyUsable(provider, o.secretsFor(provider), { headers, body, now, toleranceSec: o.toleranceSec, url });
  return r.ok ? { ok: true, secretIndex: r.secretIndex } : { ok: false, reason: r.reason, detail: r.detail, ...(r.secretIndex !== undefined ? { secretIndex: r.secretIndex } : {}) };
}

/** The unsigned delivery id (retries repeat it), else the signed message id: the dedup key. */
export function deliveryIdOf(provider: ProviderProfile, headers: Headers): string | undefined {
  const name = provider.request.deliveryId?.header ?? provider.scheme.id?.header;
  return name ? headerValue(headers, name, provider.scheme.headerAliases) : undefined;
}

function eventOf(provider: ProviderProfile, headers: Headers, body: Buffer, json: () => Record<string, unknown> | undefined): string | undefined {
  const spec = provider.request.eventHeader;
  const named = spec ? headerValue(headers, spec.name) : undefined;
  if (named === undefined) return matchedEvent(provider, json()) ?? eventFromBody(json());
  // GitHub and Linear name the resource in the header and the action in the body: `pull_request.opened`.
  // Most bodies have no action: look for the key before parsing the whole body for it.
  // Bodies past MAX_PARSE are never parsed, so searching 80 MiB for the key would be wasted.
  const action = spec?.value === '{eventBase}' && body.length <= MAX_PARSE && body.includes(ACTION_KEY) ? json()?.action : undefined;
  return typeof action === 'string' && action ? `${named}.${action}` : named;
}

function fingerprintOf(o: ArrivalOptions, provider: ProviderProfile, json: Record<string, unknown> | undefined): string | undefined {
  return json && o.fingerprint ? o.fingerprint(provider, json) : undefined;
}

/** The fields payloads commonly name their event in; Slack nests it (`event.type`). */
export function eventFromBody(json: Record<string, unknown> | undefined): string | undefined {
  if (!json) return undefined;
  const nested = json.event;
  if (typeof nested === 'string' && nested) return nested;
  if (nested && typeof nested === 'object' && typeof (nested as { type?: unknown }).type === 'string') return (nested as { type: string }).type;
  for (const key of ['type', 'event_type', 'eventType', 'topic']) {
    const v = json[key];
    if (typeof v === 'string' && v) return v;
  }
  return undefined;
}

const MAX_PARSE = 1024 * 1024;
/** As bytes once: a string needle would be encoded again on every search. */
const ACTION_KEY = Buffer.from('"action"');

/** Per provider, the events that declare a `match` (few: Stripe's 275 events declare none). */
const matchable = new WeakMap<ProviderProfile, EventSpec[]>();

/**
 * The event whose declared `match` the body satisfies: the most specific one when several do (a
 * Slack `message.bot_message` over `message`, a Discord Webhook Event over an interaction PING),
 * none when the most specific are tied.
 */
function matchedEvent(provider: ProviderProfile, fields: Record<string, unknown> | undefined): string | undefined {
  if (!fields) return undefined;
  let candidates = matchable.get(provider);
  if (!candidates) {
    // The generated catalogue's events declare matches too; it is read once per provider, on first need.
    candidates = builtinEvents(provider).filter((e) => e.match);
    matchable.set(provider, candidates);
  }
  let best: string[] = [];
  let bestSize = 0;
  for (const e of candidates) {
    const rules = Object.entries(e.match ?? {});
    if (rules.length < bestSize || !rules.every(([path, want]) => satisfies(fields, path, want))) continue;
    if (rules.length > bestSize) best = [];
    best.push(e.name);
    bestSize = rules.length;
  }
  return best.length === 1 ? best[0] : undefined;
}

function satisfies(fields: Record<string, unknown>, path: string, want: string | number | boolean): boolean {
  const got = path.split('.').reduce<unknown>((n, k) => (n && typeof n === 'object' ? (n as Record<string, unknown>)[k] : undefined), fields);
  return want === true ? got !== undefined : got === want;
}

/**
 * The body's fields, parsed at most once and only when asked: a JSON object, the first object of a
 * JSON array (SendGrid's batches), or a form's fields (with a JSON field like Slack's `payload` parsed).
 */
function lazyFields(body: Buffer, contentType: string | undefined): () => Record<string, unknown> | undefined {
  let done = false;
  let value: Record<string, unknown> | undefined;
  return () => {
    if (done) return value;
    done = true;
    if (body.length === 0 || body.length > MAX_PARSE) return undefined;
    if (isFormType(contentType)) {
      value = decodeForm(body);
      return value;
    }
    // Not JSON, or too deep for the fingerprint to walk: no event name from the body.
    const json = parseBoundedJson(body.toString('utf8'));
    let parsed = json.ok ? json.value : undefined;
    if (Array.isArray(parsed)) parsed = parsed[0];
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) value = parsed as Record<string, unknown>;
    return value;
  };
}
