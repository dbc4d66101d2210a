import { effectiveTolerance, type Scheme, type Tolerance, type VerifyFailure } from '../signing/index.js';
import { ageText } from '../text/age.js';
import type { Finding } from './types.js';

const RESIGN = 'a replay needs a fresh timestamp: hookctl replay <id> --resign --to <url> (or verify with --tolerance 0 to skip the check)';

/** Clock problems (PROVIDERS.md "why signatures fail" 7), from the verification's own numbers. */
export function timestampFindings(scheme: Scheme, result: VerifyFailure, toleranceSec: number | undefined): Finding[] {
  const spec = scheme.timestamp;
  if (!spec || result.timestamp === undefined || result.ageSec === undefined) return [];
  if (result.reason !== 'timestamp-too-old' && result.reason !== 'timestamp-too-new') return [];
  const tol = effectiveTolerance(spec.tolerance, toleranceSec);
  const valid = result.signatureMatched ? 'valid signature, but ' : '';
  const out: Finding[] = [];
  const nowSec = result.timestamp + result.ageSec;

  if (spec.unit === 's' && result.reason === 'timestamp-too-new' && within(result.timestamp / 1000, nowSec, tol)) {
    out.push({ code: 'timestamp-milliseconds', message: `${valid}the timestamp ${result.timestamp} is in milliseconds; the scheme expects Unix seconds`, hint: 'send Math.floor(Date.now() / 1000)' });
    return out;
  }
  if (spec.unit === 'ms' && result.reason === 'timestamp-too-old' && within(result.timestamp * 1000, nowSec, tol)) {
    // readTimestamp divided an ms scheme's value by 1000: a seconds value lands in 1970.
    out.push({ code: 'timestamp-seconds', message: `${valid}the timestamp ${result.timestamp * 1000} is in seconds; the scheme expects milliseconds`, hint: 'send Date.now()' });
    return out;
  }
  if (result.reason === 'timestamp-too-old') {
    out.push({ code: 'timestamp-stale', message: `${valid}the timestamp is ${ageText(result.ageSec)} (tolerance ${tol.pastSec} s)`, hint: RESIGN });
  } else {
    out.push({
      code: 'timestamp-future',
      message: `${valid}the timestamp is ${ageText(result.ageSec)} (tolerance ${tol.futureSec} s): the sender's clock runs ahead of yours`,
      hint: 'check both clocks (NTP); or verify with --tolerance 0 to skip the check',
    });
  }
  return out;
}

function within(seconds: number, nowSec: number, tol: Tolerance): boolean {
  const age = nowSec - seconds;
  return (tol.pastSec === null || age <= tol.pastSec) && (tol.futureSec === null || -age <= tol.futureSec);
}
