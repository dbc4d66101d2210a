import { toHeaders } from '../diagnose/index.js';
import { describeProvider } from '../providers/describe.js';
import type { ProviderProfile } from '../providers/types.js';
import { type VerifyResult, verifyWithScheme } from '../signing/index.js';
import { ageText } from '../text/age.js';
import type { LoadedRequest } from '../captures/source.js';
import { requestUrl } from '../http/request-url.js';

/**
 * Why a replayed capture may have been refused, judged from the capture itself:
 * a timestamped scheme answering 4xx to a stale one, or a 500 to a signature a careless receiver cannot parse.
 */
export function replayHint(req: LoadedRequest, profile: ProviderProfile, secrets: readonly string[], status: number, now: number, resigned: boolean, target?: string): string | undefined {
  if (resigned) return undefined;
  const headers = toHeaders(req.headers);
  // A URL-signed scheme (Twilio) was signed for where the capture arrived, not where it is replayed to.
  const signedFor = profile.scheme.content.includes('{url}') ? requestUrl(headers, req.path) : undefined;
  let result: VerifyResult;
  try {
    result = verifyWithScheme(profile.scheme, profile.id, { secrets: [...secrets], headers, body: req.body, now, ...(signedFor ? { url: signedFor } : {}) });
  } catch {
    return undefined;
  }
  if (result.ok) {
    if (signedFor === undefined || target === undefined || target === signedFor || status < 400) return undefined;
    return `${profile.id} signs the request URL: this capture was signed for ${signedFor}, and replayed to ${target} it no longer verifies — pass --resign to sign it for the new URL`;
  }
  if (status >= 400 && status < 500 && (result.reason === 'timestamp-too-old' || result.reason === 'timestamp-too-new') && result.ageSec !== undefined) {
    return `the capture's signed timestamp is ${ageText(result.ageSec)} and ${profile.id} accepts ${describeProvider(profile).tolerance}: the receiver rejects it as a replay — pass --resign to sign it again with a fresh timestamp and delivery id`;
  }
  if (status === 500 && (result.reason === 'malformed-signature' || result.reason === 'missing-signature')) {
    return `500 to a ${result.reason.replace('-', ' ')}: the receiver probably crashed comparing signatures of different lengths (timingSafeEqual without a length check)`;
  }
  return undefined;
}
