import { encodedLength, isWellFormed } from '../signing/crypto.js';
import { parseSignatureHeader } from '../signing/header.js';
import type { Algorithm, Encoding, Headers, Scheme, SignatureSpec } from '../signing/types.js';
import type { Attempt, DiagnosisCode, Variant } from './types.js';

const ENCODINGS: Encoding[] = ['hex', 'base64', 'base64url'];
const ALGORITHMS: Algorithm[] = ['sha256', 'sha1', 'sha512'];

/** The signature header the scheme would read, with every occurrence of it. */
export interface PresentSignature {
  index: number;
  spec: SignatureSpec;
  /** The key as it appears in the headers record. */
  key: string;
  values: string[];
}

export function presentSignature(scheme: Scheme, headers: Headers): PresentSignature | undefined {
  const names = (name: string) => [name, ...(scheme.headerAliases ?? []).map((a) => a[name.toLowerCase()]).filter((n): n is string => !!n)];
  for (const [index, spec] of scheme.signatures.entries()) {
    for (const name of names(spec.header)) {
      const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase() && headers[k] !== undefined);
      if (key === undefined) continue;
      const v = headers[key] as string | string[];
      return { index, spec, key, values: Array.isArray(v) ? v : [v] };
    }
  }
  return undefined;
}

/** How the signature header may have been written differently (PROVIDERS.md "why signatures fail" 4, 5 and 9). */
export function signatureVariants(scheme: Scheme, headers: Headers): Variant[] {
  const present = presentSignature(scheme, headers);
  if (!present) return [];
  const { spec, index, key, values } = present;
  const raw = values.join(', ');
  const out: Variant[] = [];
  const patch = (p: Partial<SignatureSpec>) => (a: Attempt): Attempt => ({
    ...a, scheme: { ...a.scheme, signatures: a.scheme.signatures.map((s, i) => (i === index ? { ...s, ...p } : s)) },
  });
  const candidates = (format = spec.format) => values.flatMap((v) => parseSignatureHeader(format, v).signatures);
  const bare = spec.format.style === 'prefixed' ? values.map((v) => v.trim()) : candidates();

  if (values.length > 1) {
    values.forEach((value, i) => out.push({
      group: 'signature', code: 'duplicate-header',
      message: `the ${spec.header} header appears ${values.length} times and occurrence #${i + 1} matches: a verifier reading Node's req.headers sees them joined with ", "`,
      hint: 'send the signature header once',
      apply: (a) => ({ ...a, headers: { ...a.headers, [key]: value } }),
      evident: `the ${spec.header} header appears ${values.length} times: Node joins duplicates with ", ", which no verifier can parse`,
    }));
  }

  const fmt = spec.format;
  if (fmt.style === 'prefixed' && fmt.prefix !== '' && !raw.includes(fmt.prefix)) {
    const looksBare = bare.some((s) => ENCODINGS.some((e) => isWellFormed(s, spec.algorithm, e)));
    out.push({
      group: 'signature', code: 'missing-prefix',
      message: `the header has no \`${fmt.prefix}\` prefix; the signature itself is right`,
      hint: `write it as ${spec.header}: ${fmt.prefix}<${spec.encoding}>; receivers written from the docs compare the whole string`,
      apply: patch({ format: { ...fmt, prefix: '' } }),
      ...(looksBare ? { evident: `the header has no \`${fmt.prefix}\` prefix` } : {}),
    });
  }
  if (fmt.style === 'prefixed' && /[,=:]$/.test(fmt.prefix)) {
    for (const alt of [',', '=', ':'].map((c) => fmt.prefix.slice(0, -1) + c).filter((p) => p !== fmt.prefix && raw.includes(p))) {
      out.push({
        group: 'signature', code: 'wrong-separator',
        message: `the header uses \`${alt}\` where the scheme expects \`${fmt.prefix}\`; with that fixed the signature matches`,
        hint: `write each entry as ${fmt.prefix}<${spec.encoding}>`,
        apply: patch({ format: { ...fmt, prefix: alt } }),
        evident: `the header uses \`${alt}\` where the scheme expects \`${fmt.prefix}\``,
      });
    }
  }
  if (fmt.style === 'kv') {
    for (const sep of [',', ';', ' '].filter((s) => s !== fmt.separator && raw.includes(s) && !raw.includes(fmt.separator))) {
      out.push({
        group: 'signature', code: 'wrong-separator',
        message: `the header separates its fields with \`${sep}\` where the scheme expects \`${fmt.separator}\`; with that fixed the signature matches`,
        apply: patch({ format: { ...fmt, separator: sep } }),
        evident: `the header separates its fields with \`${sep === ' ' ? 'a space' : sep}\` where the scheme expects \`${fmt.separator}\``,
      });
    }
  }

  const sigs = candidates().length ? candidates() : bare;
  for (const enc of ENCODINGS.filter((e) => e !== spec.encoding)) {
    const evidently = sigs.some((s) => isWellFormed(s, spec.algorithm, enc) && !isWellFormed(s, spec.algorithm, spec.encoding));
    const message = `signature is ${enc}, the scheme expects ${spec.encoding}`;
    out.push({
      group: 'signature', code: `encoding-${enc}-vs-${spec.encoding}` as DiagnosisCode, message,
      hint: `encode the digest as ${spec.encoding} (digest('${spec.encoding}'))`,
      apply: patch({ encoding: enc }),
      ...(evidently ? { evident: message } : {}),
    });
  }
  if (spec.encoding === 'hex' && sigs.some((s) => /[A-F]/.test(s))) {
    out.push({
      group: 'signature', code: 'uppercase-hex',
      message: 'the signature is uppercase hex; the scheme writes lowercase and most receivers compare case-sensitively',
      hint: 'send lowercase hex',
      apply: (a) => ({ ...a, headers: { ...a.headers, [key]: values.map((v) => v.toLowerCase()) } }),
      evident: 'the signature is uppercase hex; most receivers compare lowercase hex case-sensitively',
    });
  }
  for (const alg of ALGORITHMS.filter((x) => x !== spec.algorithm)) {
    const evidently = sigs.some((s) => ENCODINGS.some((e) => s.length === encodedLength(alg, e) && isWellFormed(s, alg, e)) && !isWellFormed(s, spec.algorithm, spec.encoding));
    out.push({
      group: 'signature', code: 'wrong-algorithm',
      message: `the signature is HMAC-${alg.toUpperCase()}, the scheme expects HMAC-${spec.algorithm.toUpperCase()}`,
      apply: patch({ algorithm: alg }),
      ...(evidently ? { evident: `the signature has the length of an HMAC-${alg.toUpperCase()} digest, the scheme expects HMAC-${spec.algorithm.toUpperCase()}` } : {}),
    });
  }
  return out;
}

const TEMPLATES = ['{body}', '{timestamp}.{body}', '{id}.{timestamp}.{body}', '{timestamp}:{body}', 'v0:{timestamp}:{body}', '{timestamp}{body}', '{id}.{body}'];

/** What else the sender may have signed (a doc whose prose and code disagree, like Transcodely's). */
export function contentVariants(scheme: Scheme): Variant[] {
  const can = (t: string) => (!t.includes('{timestamp}') || scheme.timestamp !== undefined) && (!t.includes('{id}') || scheme.id !== undefined);
  return TEMPLATES.filter((t) => t !== scheme.content && can(t)).map((content) => ({
    group: 'content' as const, code: 'signed-content' as const,
    message: `the signature covers \`${content}\`, not \`${scheme.content}\` as this scheme signs`,
    hint: `sign exactly ${scheme.content}`,
    apply: (a: Attempt) => ({ ...a, scheme: { ...a.scheme, content } }),
  }));
}
