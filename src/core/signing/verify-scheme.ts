import { placeholders, signedContent } from './content.js';
import { expectedShape, isWellFormed, signatureMatches, usableKey } from './crypto.js';
import { parseSignatureHeader } from './signature-header.js';
import { headerValue } from './header-lookup.js';
import { readBodyField } from './body-field.js';
import { readTimestamp, checkTolerance, effectiveTolerance } from './timestamp.js';
import type { Headers, Scheme, SignatureSpec, VerifyFailure, VerifyResult } from './types.js';
import { bodyHash, isFormType, queryParam, sortedParams } from './url.js';
import { isJwt, verifyJwt } from './jwt.js';

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
  /** The request's method, for schemes that sign `{method}`; defaults to POST. */
  method?: string;
}

type Fail = (reason: VerifyFailure['reason'], detail: string, extra?: Partial<VerifyFailure>) => VerifyFailure;
type Candidate = { spec: SignatureSpec; sigs: ReturnType<typeof parseSignatureHeader> };
type WellFormed = { spec: SignatureSpec; sigs: string[] };

/** Check a delivery. A bad signature is a value (`ok: false` with a stable reason), never a throw. */
export function verifyWithScheme(scheme: Scheme, name: string, input: VerifyInput): VerifyResult {
  const body = typeof input.body === 'string' ? Buffer.from(input.body, 'utf8') : input.body;
  const secrets = typeof input.secrets === 'string' ? [input.secrets] : input.secrets;
  const aliases = scheme.headerAliases ?? [];
  const fail: Fail = (reason, detail, extra = {}) => ({ ok: false, scheme: name, reason, detail, ...extra });

  const found = findSignatures(scheme, input.headers, body, aliases, fail);
  if ('ok' in found) return found;
  const { header, specs, candidates } = found;
  const spec = specs[0] as SignatureSpec;
  if (isJwt(spec.algorithm))
    return verifyJwt(scheme, spec, name, { token: candidates[0]?.sigs.signatures[0] ?? '', header, secrets, body, now: input.now ?? Date.now(), toleranceSec: input.toleranceSec });

  const used = placeholders(scheme.content);
  let id: string | undefined;
  if (used.has('id') && scheme.id) {
    id = headerValue(input.headers, scheme.id.header, aliases);
    if (id === undefined) return fail('missing-id', `no ${scheme.id.header} header`);
  }

  const now = input.now ?? Date.now();
  const parsed = candidates[0]?.sigs ?? { signatures: [], foreign: [] };
  const ts = scheme.timestamp ? readTimestamp(scheme.timestamp, input.headers, body, parsed.timestamp, aliases) : undefined;
  if (ts && !ts.ok) return fail(ts.reason, ts.detail);

  const wellFormed = wellFormedOf(candidates, spec, fail);
  if (!Array.isArray(wellFormed)) return wellFormed;

  let url: string | undefined;
  let params = '';
  if (used.has('url')) {
    url = input.url;
    if (url === undefined) return fail('missing-url', 'the scheme signs the request URL, and none was given');
    if (used.has('params') && isFormType(headerValue(input.headers, 'content-type'))) params = sortedParams(body);
  }
  const content = signedContent(scheme.content, { body, timestamp: ts?.text, id, url, params, method: input.method ?? 'POST' });
  const match = matchSecret(scheme, specs, wellFormed, secrets, content);
  const matched = match !== undefined;

  if (ts?.ok && scheme.timestamp) {
    const check = checkTolerance(ts.seconds, now, effectiveTolerance(scheme.timestamp.tolerance, input.toleranceSec));
    if (!check.ok) {
      const signature = matched ? { secretIndex: match.secretIndex } : {};
      return fail(check.reason, `${check.detail}${matched ? '; the signature itself matches' : ''}`, { signatureMatched: matched, timestamp: ts.seconds, ageSec: check.ageSec, ...signature });
    }
  }
  if (!matched) {
    const n = wellFormed.reduce((sum, c) => sum + c.sigs.length, 0);
    const against = secrets.length === 1 ? 'the secret' : `any of ${secrets.length} secrets`;
    return fail('no-match', `${n} signature${n === 1 ? '' : 's'} in ${header}, none matches ${against}${url === undefined ? '' : ` for ${url}`}`);
  }
  const hashParam = scheme.bodyHashParam && url !== undefined ? queryParam(url, scheme.bodyHashParam) : undefined;
  if (hashParam !== undefined && hashParam !== bodyHash(body)) {
    return fail('body-hash-mismatch', `the signature matches, but the body's SHA-256 is not the ${scheme.bodyHashParam} the URL carries: the body changed after signing`, {
      signatureMatched: true,
      secretIndex: match.secretIndex,
    });
  }
  return { ok: true, scheme: name, secretIndex: match.secretIndex, header: match.header, ...(ts?.ok ? { timestamp: ts.seconds, ageSec: Math.round(now / 1000 - ts.seconds) } : {}) };
}

/** The signature header and its parsed entries, or why there is nothing to check. */
function findSignatures(
  scheme: Scheme,
  headers: Headers,
  body: Buffer,
  aliases: NonNullable<Scheme['headerAliases']>,
  fail: Fail,
): { header: string; specs: SignatureSpec[]; candidates: Candidate[] } | VerifyFailure {
  // The first signature header present decides; specs sharing it (v1 and v1a) are checked together.
  let header: string | undefined;
  let raw: string | undefined;
  for (const sp of scheme.signatures) {
    raw = sp.field ? readBodyField(body, sp.field) : headerValue(headers, sp.header, aliases);
    if (raw !== undefined) {
      header = sp.header;
      break;
    }
  }
  if (header === undefined || raw === undefined) {
    return fail('missing-signature', `no ${[...new Set(scheme.signatures.map((sp) => (sp.field ? `${sp.field} in the body` : `${sp.header} header`)))].join(' or ')}`);
  }
  const specs = scheme.signatures.filter((sp) => sp.header === header);
  const candidates = specs.map((sp) => ({ spec: sp, sigs: parseSignatureHeader(sp.format, raw) }));
  const oversized = candidates.find((c) => c.sigs.oversized)?.sigs.oversized;
  if (oversized) return fail('malformed-signature', `${header} has ${oversized}`);
  if (candidates.every((c) => c.sigs.signatures.length === 0)) {
    const expected = specs.map((sp) => (sp.format.style === 'kv' ? `${sp.format.signatureKey}=<signature>` : `${sp.format.prefix}<signature>`)).join(' or ');
    return fail('malformed-signature', raw.trim() ? `${header} has no entry of the form ${expected}` : `${header} is empty`);
  }
  return { header, specs, candidates };
}

/** Each spec's signatures of the right shape for its algorithm, or why none has one. */
function wellFormedOf(candidates: Candidate[], spec: SignatureSpec, fail: Fail): WellFormed[] | VerifyFailure {
  const wellFormed = candidates.map((c) => ({ spec: c.spec, sigs: c.sigs.signatures.filter((sig) => isWellFormed(sig, c.spec.algorithm, c.spec.encoding)) }));
  if (wellFormed.some((c) => c.sigs.length > 0)) return wellFormed;
  const first = candidates.find((c) => c.sigs.signatures.length > 0) ?? candidates[0];
  const got = first?.sigs.signatures[0] ?? '';
  return fail('malformed-signature', `expected ${expectedShape(first?.spec.algorithm ?? spec.algorithm, first?.spec.encoding ?? spec.encoding)}, got ${describe(got)}`);
}

/** The first secret (in the order given) that one of the signatures matches, and the header it matched in. */
function matchSecret(scheme: Scheme, specs: SignatureSpec[], wellFormed: WellFormed[], secrets: readonly string[], content: Buffer): { secretIndex: number; header: string } | undefined {
  const spec = specs[0] as SignatureSpec;
  for (let i = 0; i < secrets.length; i++) {
    const key = secrets[i] as string;
    const usable = specs.filter((sp) => usableKey(sp, scheme.secret, key, 'public'));
    // A key no spec can use is misuse the caller reports (verifyUsable): the first spec's error says why.
    if (usable.length === 0) signatureMatches(spec, scheme.secret, key, content, []);
    for (const c of wellFormed) {
      if (!usable.includes(c.spec) || c.sigs.length === 0) continue;
      if (signatureMatches(c.spec, scheme.secret, key, content, c.sigs)) return { secretIndex: i, header: c.spec.header };
    }
  }
  return undefined;
}

function describe(sig: string): string {
  if (!sig) return 'an empty value';
  return `${sig.length} character${sig.length === 1 ? '' : 's'} ("${sig.length > 12 ? `${sig.slice(0, 12)}...` : sig}")`;
}
