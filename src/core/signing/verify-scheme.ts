import { placeholders, signedContent } from './content.js';
import { expectedShape, isWellFormed, signatureMatches, usableKey } from './crypto.js';
import { parseSignatureHeader } from './signature-header.js';
import { headerValue } from './header-lookup.js';
import { readTimestamp, checkTolerance, effectiveTolerance } from './timestamp.js';
import type { Headers, Scheme, SignatureSpec, VerifyFailure, VerifyResult } from './types.js';
import { bodyHash, isFormType, queryParam, sortedParams } from './url.js';

export interface VerifyInput {
  secrets: string | readonly string[];
  headers: Headers;
  body: Buffer | string;
  /** Clock in ms, injected; defaults to Date.now(). */
  now?: number;
  /** Overrides the scheme's tolerance; 0 turns the timestamp check off. */
  toleranceSec?: number;
  /** The full URL the request was received at, for schemes that sign `{url}` (Twilio). */
  url?: string;
}

/** Check a delivery. A bad signature is a value (`ok: false` with a stable reason), never a throw. */
export function verifyWithScheme(scheme: Scheme, name: string, input: VerifyInput): VerifyResult {
  const body = typeof input.body === 'string' ? Buffer.from(input.body, 'utf8') : input.body;
  const secrets = typeof input.secrets === 'string' ? [input.secrets] : input.secrets;
  const aliases = scheme.headerAliases ?? [];
  const fail = (reason: VerifyFailure['reason'], detail: string, extra: Partial<VerifyFailure> = {}): VerifyFailure => ({
    ok: false,
    scheme: name,
    reason,
    detail,
    ...extra,
  });

  // The first signature header present decides; specs sharing it (v1 and v1a) are checked together.
  let header: string | undefined;
  let raw: string | undefined;
  for (const sp of scheme.signatures) {
    raw = headerValue(input.headers, sp.header, aliases);
    if (raw !== undefined) {
      header = sp.header;
      break;
    }
  }
  if (header === undefined || raw === undefined) {
    return fail('missing-signature', `no ${[...new Set(scheme.signatures.map((sp) => sp.header))].join(' or ')} header`);
  }
  const specs = scheme.signatures.filter((sp) => sp.header === header);
  const spec = specs[0] as SignatureSpec;
  const candidates = specs.map((sp) => ({ spec: sp, sigs: parseSignatureHeader(sp.format, raw) }));
  const parsed = candidates[0]?.sigs ?? { signatures: [], foreign: [] };
  const oversized = candidates.find((c) => c.sigs.oversized)?.sigs.oversized;
  if (oversized) return fail('malformed-signature', `${header} has ${oversized}`);
  if (candidates.every((c) => c.sigs.signatures.length === 0)) {
    const expected = specs.map((sp) => (sp.format.style === 'kv' ? `${sp.format.signatureKey}=<signature>` : `${sp.format.prefix}<signature>`)).join(' or ');
    return fail('malformed-signature', raw.trim() ? `${header} has no entry of the form ${expected}` : `${header} is empty`);
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

  const wellFormed = candidates.map((c) => ({ spec: c.spec, sigs: c.sigs.signatures.filter((sig) => isWellFormed(sig, c.spec.algorithm, c.spec.encoding)) }));
  if (wellFormed.every((c) => c.sigs.length === 0)) {
    const first = candidates.find((c) => c.sigs.signatures.length > 0) ?? candidates[0];
    const got = first?.sigs.signatures[0] ?? '';
    return fail('malformed-signature', `expected ${expectedShape(first?.spec.algorithm ?? spec.algorithm, first?.spec.encoding ?? spec.encoding)}, got ${describe(got)}`);
  }

  let url: string | undefined;
  let params = '';
  if (used.has('url')) {
    url = input.url;
    if (url === undefined) return fail('missing-url', 'the scheme signs the request URL, and none was given');
    if (used.has('params') && isFormType(headerValue(input.headers, 'content-type'))) params = sortedParams(body);
  }
  const content = signedContent(scheme.content, { body, timestamp: ts?.text, id, url, params });
  let secretIndex = -1;
  let matchedHeader = header;
  for (let i = 0; i < secrets.length && secretIndex < 0; i++) {
    const key = secrets[i] as string;
    const usable = specs.filter((sp) => usableKey(sp, scheme.secret, key, 'public'));
    // A key no spec can use is misuse the caller reports (verifyUsable): the first spec's error says why.
    if (usable.length === 0) signatureMatches(spec, scheme.secret, key, content, []);
    for (const c of wellFormed) {
      if (!usable.includes(c.spec) || c.sigs.length === 0) continue;
      if (signatureMatches(c.spec, scheme.secret, key, content, c.sigs)) {
        secretIndex = i;
        matchedHeader = c.spec.header;
        break;
      }
    }
  }
  const matched = secretIndex >= 0;

  if (ts?.ok && scheme.timestamp) {
    const tolerance = effectiveTolerance(scheme.timestamp.tolerance, input.toleranceSec);
    const check = checkTolerance(ts.seconds, now, tolerance);
    if (!check.ok) {
      return fail(check.reason, `${check.detail}${matched ? '; the signature itself matches' : ''}`, {
        signatureMatched: matched,
        timestamp: ts.seconds,
        ageSec: check.ageSec,
        ...(matched ? { secretIndex } : {}),
      });
    }
  }
  if (!matched) {
    const n = wellFormed.reduce((sum, c) => sum + c.sigs.length, 0);
    return fail(
      'no-match',
      `${n} signature${n === 1 ? '' : 's'} in ${header}, none matches ${secrets.length === 1 ? 'the secret' : `any of ${secrets.length} secrets`}${url === undefined ? '' : ` for ${url}`}`,
    );
  }
  const hashParam = scheme.bodyHashParam && url !== undefined ? queryParam(url, scheme.bodyHashParam) : undefined;
  if (hashParam !== undefined && hashParam !== bodyHash(body)) {
    return fail('body-hash-mismatch', `the signature matches, but the body's SHA-256 is not the ${scheme.bodyHashParam} the URL carries: the body changed after signing`, {
      signatureMatched: true,
      secretIndex,
    });
  }
  const okTs = ts?.ok ? { timestamp: ts.seconds, ageSec: Math.round(now / 1000 - ts.seconds) } : {};
  return { ok: true, scheme: name, secretIndex, header: matchedHeader, ...okTs };
}

function describe(sig: string): string {
  if (!sig) return 'an empty value';
  return `${sig.length} character${sig.length === 1 ? '' : 's'} ("${sig.length > 12 ? `${sig.slice(0, 12)}...` : sig}")`;
}
