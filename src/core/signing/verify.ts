import { placeholders, signedContent } from './content.js';
import { encode, encodedLength, hmac, isWellFormed, safeEqual, secretKey } from './crypto.js';
import { parseSignatureHeader } from './signature-header.js';
import { headerValue } from './header-lookup.js';
import { readTimestamp, checkTolerance, effectiveTolerance } from './timestamp.js';
import type { Headers, Scheme, SignatureSpec, VerifyFailure, VerifyResult } from './types.js';

export interface VerifyInput {
  secrets: string | readonly string[];
  headers: Headers;
  body: Buffer | string;
  /** Clock in ms, injected; defaults to Date.now(). */
  now?: number;
  /** Overrides the scheme's tolerance; 0 turns the timestamp check off. */
  toleranceSec?: number;
}

/** Check a delivery. A bad signature is a value (`ok: false` with a stable reason), never a throw. */
export function verifyWithScheme(scheme: Scheme, name: string, input: VerifyInput): VerifyResult {
  const body = typeof input.body === 'string' ? Buffer.from(input.body, 'utf8') : input.body;
  const secrets = typeof input.secrets === 'string' ? [input.secrets] : input.secrets;
  const aliases = scheme.headerAliases ?? [];
  const fail = (reason: VerifyFailure['reason'], detail: string, extra: Partial<VerifyFailure> = {}): VerifyFailure => ({
    ok: false, scheme: name, reason, detail, ...extra,
  });

  let spec: SignatureSpec | undefined;
  let raw: string | undefined;
  for (const s of scheme.signatures) {
    raw = headerValue(input.headers, s.header, aliases);
    if (raw !== undefined) { spec = s; break; }
  }
  if (!spec || raw === undefined) {
    return fail('missing-signature', `no ${scheme.signatures.map((s) => s.header).join(' or ')} header`);
  }

  const parsed = parseSignatureHeader(spec.format, raw);
  if (parsed.oversized) return fail('malformed-signature', `${spec.header} has ${parsed.oversized}`);
  if (parsed.signatures.length === 0) {
    const expected = spec.format.style === 'kv' ? `${spec.format.signatureKey}=<signature>` : `${spec.format.prefix}<signature>`;
    return fail('malformed-signature', raw.trim() ? `${spec.header} has no entry of the form ${expected}` : `${spec.header} is empty`);
  }

  const used = placeholders(scheme.content);
  let id: string | undefined;
  if (used.has('id') && scheme.id) {
    id = headerValue(input.headers, scheme.id.header, aliases);
    if (id === undefined) return fail('missing-id', `no ${scheme.id.header} header`);
  }

  const now = input.now ?? Date.now();
  const ts = scheme.timestamp ? readTimestamp(scheme.timestamp, input.headers, body, parsed.timestamp, aliases) : undefined;
  if (ts && !ts.ok) return fail(ts.reason, ts.detail);

  const wellFormed = parsed.signatures.filter((s) => isWellFormed(s, spec.algorithm, spec.encoding));
  if (wellFormed.length === 0) {
    const got = parsed.signatures[0] ?? '';
    return fail('malformed-signature',
      `expected ${encodedLength(spec.algorithm, spec.encoding)} ${spec.encoding} characters, got ${describe(got)}`);
  }

  const content = signedContent(scheme.content, { body, timestamp: ts?.text, id });
  let secretIndex = -1;
  for (let i = 0; i < secrets.length && secretIndex < 0; i++) {
    const expected = encode(hmac(spec.algorithm, secretKey(secrets[i] as string, scheme.secret), content), spec.encoding);
    // Compare against every candidate so timing does not reveal which one matched.
    let hit = false;
    for (const candidate of wellFormed) hit = safeEqual(expected, candidate) || hit;
    if (hit) secretIndex = i;
  }
  const matched = secretIndex >= 0;

  if (ts?.ok && scheme.timestamp) {
    const tolerance = effectiveTolerance(scheme.timestamp.tolerance, input.toleranceSec);
    const check = checkTolerance(ts.seconds, now, tolerance);
    if (!check.ok) {
      return fail(check.reason, `${check.detail}${matched ? '; the signature itself matches' : ''}`, {
        signatureMatched: matched, timestamp: ts.seconds, ageSec: check.ageSec,
        ...(matched ? { secretIndex } : {}),
      });
    }
  }
  if (!matched) {
    const n = wellFormed.length;
    return fail('no-match', `${n} signature${n === 1 ? '' : 's'} in ${spec.header}, none matches ${secrets.length === 1 ? 'the secret' : `any of ${secrets.length} secrets`}`);
  }
  const okTs = ts?.ok ? { timestamp: ts.seconds, ageSec: Math.round(now / 1000 - ts.seconds) } : {};
  return { ok: true, scheme: name, secretIndex, header: spec.header, ...okTs };
}

function describe(sig: string): string {
  if (!sig) return 'an empty value';
  return `${sig.length} character${sig.length === 1 ? '' : 's'} ("${sig.length > 12 ? `${sig.slice(0, 12)}...` : sig}")`;
}
