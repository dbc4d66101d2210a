import { UsageError } from '../errors.js';
import { type Headers, headerValue, type SignatureSpec } from '../signing/index.js';
import { nearest } from '../text/nearest.js';
import { changethisfile } from './builtin/changethisfile.js';
import { discord } from './builtin/discord.js';
import { downloadApi } from './builtin/download-api.js';
import { github } from './builtin/github.js';
import { ittybit } from './builtin/ittybit.js';
import { linear } from './builtin/linear.js';
import { mediaconvert } from './builtin/mediaconvert.js';
import { paddle } from './builtin/paddle.js';
import { sendgrid } from './builtin/sendgrid.js';
import { shopify } from './builtin/shopify.js';
import { slack } from './builtin/slack.js';
import { standardWebhooks, svix } from './builtin/standard-webhooks.js';
import { stripe } from './builtin/stripe.js';
import { transcodely } from './builtin/transcodely.js';
import { twilio } from './builtin/twilio.js';
import { asana } from './builtin/asana.js';
import { dropbox } from './builtin/dropbox.js';
import { meta } from './builtin/meta.js';
import { notion } from './builtin/notion.js';
import { twitch } from './builtin/twitch.js';
import { zoom } from './builtin/zoom.js';
import { okta } from './builtin/okta.js';
import { msgraph } from './builtin/msgraph.js';
import { BATCH_PROVIDERS } from './builtin/batches.js';
import type { ProviderProfile } from './types.js';

export const BUILTIN_PROVIDERS: readonly ProviderProfile[] = [
  changethisfile,
  mediaconvert,
  transcodely,
  ittybit,
  downloadApi,
  standardWebhooks,
  svix,
  stripe,
  github,
  slack,
  shopify,
  paddle,
  linear,
  discord,
  sendgrid,
  twilio,
  zoom,
  meta,
  twitch,
  asana,
  dropbox,
  notion,
  okta,
  msgraph,
  ...BATCH_PROVIDERS,
];

/** Used when neither config, HOOKCTL_PROVIDER nor --provider names one. */
export const DEFAULT_PROVIDER = 'transcodely';

/** Built-ins plus custom providers; a custom provider with a built-in id replaces it. */
export function providerList(custom: readonly ProviderProfile[] = []): ProviderProfile[] {
  const ids = new Set(custom.map((p) => p.id));
  return [...BUILTIN_PROVIDERS.filter((p) => !ids.has(p.id)), ...custom];
}

export function getProvider(id: string, custom: readonly ProviderProfile[] = []): ProviderProfile {
  const all = providerList(custom);
  const found = all.find((p) => p.id === id.toLowerCase());
  if (found) return found;
  const near = nearest(
    id,
    all.map((p) => p.id),
  );
  throw new UsageError(`unknown provider "${id}"`, near ? `did you mean "${near}"? (hookctl providers lists them all)` : 'run `hookctl providers` to list them');
}

export function resolveProvider(provider: string | ProviderProfile, custom: readonly ProviderProfile[] = []): ProviderProfile {
  return typeof provider === 'string' ? getProvider(provider, custom) : provider;
}

/**
 * Which provider sent a request, judged by its signature header (aliases included).
 * Ties go to the profile whose other scheme headers (timestamp, id) or documented User-Agent are also present, then to a
 * custom provider over a built-in: a user who wrote `my-github` (extends github) meant it for their traffic.
 * With no signature header at all, the provider's other headers (X-GitHub-Event, a delivery id)
 * still name it, so the verdict is `missing-signature` rather than "unknown provider".
 */
export function detectProvider(headers: Headers, providers: readonly ProviderProfile[] = BUILTIN_PROVIDERS): ProviderProfile | undefined {
  let best: ProviderProfile | undefined;
  let bestScore = 0;
  for (const p of providers) {
    const aliases = p.scheme.headerAliases ?? [];
    const has = (name: string | undefined) => name !== undefined && headerValue(headers, name, aliases) !== undefined;
    let score = 0;
    const named = p.scheme.signatures.filter(headerNamesSender);
    if (named.some((s) => has(s.header))) score += 10;
    if (named.some((s) => headerValue(headers, s.header) !== undefined)) score += 2;
    if (has(p.scheme.timestamp?.header)) score += 1;
    if (has(p.request.eventHeader?.name)) score += 1;
    if (has(p.request.deliveryId?.header)) score += 1;
    if (score === 0) continue;
    // Meta signs with GitHub's header and sends nothing else of GitHub's: its User-Agent tells them apart.
    if (sentBy(p.request.userAgent, headerValue(headers, 'user-agent'))) score += 1;
    if (!BUILTIN_PROVIDERS.includes(p)) score += 0.5;
    if (score > bestScore) {
      best = p;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Whether a signature's header names its sender: Authorization, a header every client may send (Okta's
 * token, Chargebee's Basic credentials, LiveKit's JWT), and a token carried in the body (Graph's
 * clientState) do not; a header of the provider's own (X-Gitlab-Token) does.
 */
export function headerNamesSender(s: SignatureSpec): boolean {
  return !s.field && s.header.toLowerCase() !== 'authorization';
}

/** Whether a User-Agent is the one a provider documents: its text up to the first fixture token (`GitHub-Hookshot/`). */
function sentBy(documented: string | undefined, got: string | undefined): boolean {
  const fixed = documented?.split('{{')[0]?.toLowerCase();
  return Boolean(fixed && got?.toLowerCase().startsWith(fixed));
}

/**
 * The provider a target's path names: a last segment that is a provider id (`/webhooks/stripe`), else a
 * path that is a provider's default path (`/webhooks/ctf`). Used only when no provider was chosen.
 */
export function providerFromPath(url: URL, providers: readonly ProviderProfile[]): ProviderProfile | undefined {
  const path = url.pathname.replace(/\/+$/, '');
  let last = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  try {
    last = decodeURIComponent(last);
  } catch {
    /* a stray % is no provider id anyway */
  }
  return providers.find((p) => p.id === last) ?? providers.find((p) => p.request.path.replace(/\/+$/, '') === path);
}
