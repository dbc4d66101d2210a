/** Which provider a request is from, and whether its signature holds: shared by `verify` and `replay`. */
import type { ResolvedSecrets, SecretSource } from '../config/secret-sources.js';
import type { Settings } from '../config/types.js';
import { diagnose, toHeaders, type Finding } from '../diagnose/index.js';
import { detectProvider, getProvider } from '../providers/registry.js';
import type { ProviderProfile } from '../providers/types.js';
import { effectiveTolerance, type Tolerance, type VerifyResult, verifyUsable } from '../signing/index.js';
import type { LoadedRequest } from '../captures/source.js';
import { requestUrl } from '../http/request-url.js';
import { detectHandshake } from '../handshake/detect.js';
import { handshakeEvent } from '../handshake/lookup.js';
import type { CapturedHandshake } from '../store/types.js';

export type ProviderChoice = 'flag' | 'headers' | 'capture' | 'default';

/** --provider, else the headers, else what the capture recorded, else the configured default. */
export function pickProvider(req: Pick<LoadedRequest, 'headers' | 'capture'>, settings: Settings, flag?: string): { profile: ProviderProfile; how: ProviderChoice } {
  if (flag) return { profile: getProvider(flag, settings.customProviders), how: 'flag' };
  const detected = detectProvider(toHeaders(req.headers), settings.providers);
  if (detected) return { profile: detected, how: 'headers' };
  const recorded = req.capture?.provider && settings.providers.find((p) => p.id === req.capture?.provider);
  if (recorded) return { profile: recorded, how: 'capture' };
  return { profile: settings.profile, how: 'default' };
}

export interface CheckInput {
  settings: Settings;
  provider?: string;
  /** A provider's secrets: --secret, else the environment, the config, then the dev secret. */
  secretsOf: (profile: ProviderProfile, quiet?: boolean) => ResolvedSecrets;
  toleranceSec?: number;
  now: number;
  /** The URL the request was received at (URL-signed schemes); default: rebuilt from its Host and path. */
  url?: string;
  /** Other URLs the same delivery was captured at (URL-signed schemes), for the diagnosis. */
  urls?: readonly string[];
}

export interface CheckOutcome {
  profile: ProviderProfile;
  how: ProviderChoice;
  secrets: string[];
  secretSource: SecretSource;
  /** The source as the user names it (`HOOKCTL_SECRET_STRIPE`). */
  secretFrom: string;
  result: VerifyResult;
  /** The window the timestamp was checked against (--tolerance applied); undefined for schemes without one. */
  tolerance: Tolerance | undefined;
  /** Empty when no known cause explains a failure; when valid, only a `duplicate-header` warning can appear. */
  diagnosis: Finding[];
  /** When the request is an endpoint-verification handshake: which, and the answer a capture recorded. */
  handshake?: CheckedHandshake;
}

export interface CheckedHandshake {
  /** The check's name (`url_validation`) and the event it is sent as. */
  name: string;
  event: string;
  /** The provider sends it without a signature: a missing one is how it must arrive, not a failure. */
  unsignedByDesign: boolean;
  recorded?: CapturedHandshake;
}

/** Whether the request holds up: a valid signature (or none, where the provider sends none), and a right answer where one was recorded. */
export function checkPassed(o: CheckOutcome): boolean {
  const signed = o.result.ok || o.handshake?.unsignedByDesign === true;
  return signed && o.handshake?.recorded?.ok !== false;
}

export function checkRequest(req: LoadedRequest, input: CheckInput): CheckOutcome {
  const { profile, how } = pickProvider(req, input.settings, input.provider);
  const { secrets, source, from } = input.secretsOf(profile);
  const headers = toHeaders(req.headers);
  const url = input.url ?? requestUrl(headers, req.path);
  const result = verifyUsable(profile, secrets, { headers, body: req.body, now: input.now, toleranceSec: input.toleranceSec, url });
  const diagnosis = diagnose({
    profile,
    secrets,
    headers: req.headers,
    body: req.body,
    now: input.now,
    toleranceSec: input.toleranceSec,
    result,
    url,
    urls: input.urls ?? [],
    providers: input.settings.providers,
    secretsFor: (p) => input.secretsOf(p, true).secrets,
  });
  const base = profile.scheme.timestamp?.tolerance;
  const tolerance = base && effectiveTolerance(base, input.toleranceSec);
  const handshake = handshakeOf(req, profile, result);
  return { profile, how, secrets, secretSource: source, secretFrom: from, result, tolerance, diagnosis, ...(handshake ? { handshake } : {}) };
}

function handshakeOf(req: LoadedRequest, profile: ProviderProfile, result: VerifyResult): CheckedHandshake | undefined {
  const name = req.capture?.event ?? detectHandshake([profile], toHeaders(req.headers), req.path, req.body)?.event.name;
  const event = handshakeEvent(profile, name);
  if (!event?.handshake) return undefined;
  const unsignedByDesign = event.request?.unsigned === true && !result.ok && result.reason === 'missing-signature';
  const recorded = req.capture?.handshake;
  return { name: event.handshake.name, event: event.name, unsignedByDesign, ...(recorded ? { recorded } : {}) };
}
