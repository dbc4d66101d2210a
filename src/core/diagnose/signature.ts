import { encodedLength, ENCODINGS, type Headers, HMAC_ALGORITHMS, isWellFormed, parseSignatureHeader, type Scheme, type SignatureFormat, type SignatureSpec } from '../signing/index.js';
import { distinctCopies, duplicateHint, duplicateText, presentSignature, signatureCopies, validCopyText, type PresentSignature } from './copies.js';
import type { Recheck, DiagnosisCode, Variant } from './types.js';

/** How the signature header may have been written differently (PROVIDERS.md "why signatures fail" 4, 5 and 9). */
export function signatureVariants(scheme: Scheme, headers: Headers): Variant[] {
  const present = presentSignature(scheme, headers);
  if (!present) return [];
  const { spec, index, values } = present;
  const at: At = {
    present,
    raw: values.join(', '),
    patch: (p) => (a) => ({ ...a, scheme: { ...a.scheme, signatures: a.scheme.signatures.map((s, i) => (i === index ? { ...s, ...p } : s)) } }),
    bare: spec.format.style === 'prefixed' ? values.map((v) => v.trim()) : candidates(values, spec.format),
  };
  return [...duplicateVariants(scheme, headers, at), ...formatVariants(at), ...digestVariants(at)];
}

/** What every family of variants reads off the signature header. */
interface At {
  present: PresentSignature;
  /** The header's values joined, as a receiver reading req.headers sees them. */
  raw: string;
  /** A recheck with the scheme's signature spec changed. */
  patch: (p: Partial<SignatureSpec>) => (a: Recheck) => Recheck;
  /** The signatures without their format (a prefixed header's values as they are). */
  bare: string[];
}

const candidates = (values: readonly string[], format: SignatureFormat) => values.flatMap((v) => parseSignatureHeader(format, v).signatures);

/** The header arrived more than once: each distinct copy on its own. */
function duplicateVariants(scheme: Scheme, headers: Headers, { present }: At): Variant[] {
  const { spec, key } = present;
  const out: Variant[] = [];
  const dup = signatureCopies(scheme, headers);
  if (dup) {
    for (const { copy, ordinals } of distinctCopies(dup.copies)) {
      out.push({
        group: 'signature',
        code: 'duplicate-header',
        message: `${duplicateText(spec.header, dup)}; ${validCopyText(ordinals)}`,
        hint: duplicateHint(spec.header),
        apply: (a) => ({ ...a, headers: { ...a.headers, [key]: copy } }),
        // Separate header lines are plainly copies; a joined value only when each part is in the scheme's format.
        ...(!dup.joined || dup.wellFormed ? { evident: `${duplicateText(spec.header, dup)}, and no copy alone matches the secret either` } : {}),
      });
    }
  }
  return out;
}

/** The header's format is off: no prefix, another separator. */
function formatVariants({ present: { spec }, raw, patch, bare }: At): Variant[] {
  const out: Variant[] = [];
  const fmt = spec.format;
  if (fmt.style === 'prefixed' && fmt.prefix !== '' && !raw.includes(fmt.prefix)) {
    const looksBare = bare.some((s) => ENCODINGS.some((e) => isWellFormed(s, spec.algorithm, e)));
    out.push({
      group: 'signature',
      code: 'missing-prefix',
      message: `the header has no \`${fmt.prefix}\` prefix; the signature itself is right`,
      hint: `write it as ${spec.header}: ${fmt.prefix}<${spec.encoding}>; receivers written from the docs compare the whole string`,
      apply: patch({ format: { ...fmt, prefix: '' } }),
      ...(looksBare ? { evident: `the header has no \`${fmt.prefix}\` prefix` } : {}),
    });
  }
  if (fmt.style === 'prefixed' && /[,=:]$/.test(fmt.prefix)) {
    for (const alt of [',', '=', ':'].map((c) => fmt.prefix.slice(0, -1) + c).filter((p) => p !== fmt.prefix && raw.includes(p))) {
      out.push({
        group: 'signature',
        code: 'wrong-separator',
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
        group: 'signature',
        code: 'wrong-separator',
        message: `the header separates its fields with \`${sep}\` where the scheme expects \`${fmt.separator}\`; with that fixed the signature matches`,
        apply: patch({ format: { ...fmt, separator: sep } }),
        evident: `the header separates its fields with \`${sep === ' ' ? 'a space' : sep}\` where the scheme expects \`${fmt.separator}\``,
      });
    }
  }
  return out;
}

/** The digest itself is off: another encoding, uppercase hex, another algorithm. */
function digestVariants({ present: { spec, key, values }, patch, bare }: At): Variant[] {
  const out: Variant[] = [];
  const parsed = candidates(values, spec.format);
  const sigs = parsed.length ? parsed : bare;
  for (const enc of ENCODINGS.filter((e) => e !== spec.encoding)) {
    const evidently = sigs.some((s) => isWellFormed(s, spec.algorithm, enc) && !isWellFormed(s, spec.algorithm, spec.encoding));
    const message = `signature is ${enc}, the scheme expects ${spec.encoding}`;
    out.push({
      group: 'signature',
      code: `encoding-${enc}-vs-${spec.encoding}` as DiagnosisCode,
      message,
      hint: `encode the digest as ${spec.encoding} (digest('${spec.encoding}'))`,
      apply: patch({ encoding: enc }),
      ...(evidently ? { evident: message } : {}),
    });
  }
  if (spec.encoding === 'hex' && sigs.some((s) => /[A-F]/.test(s))) {
    out.push({
      group: 'signature',
      code: 'uppercase-hex',
      message: 'the signature is uppercase hex; the scheme writes lowercase and most receivers compare case-sensitively',
      hint: 'send lowercase hex',
      apply: (a) => ({ ...a, headers: { ...a.headers, [key]: values.map((v) => v.toLowerCase()) } }),
      evident: 'the signature is uppercase hex; most receivers compare lowercase hex case-sensitively',
    });
  }
  // Only HMACs are mistaken for one another; an asymmetric scheme has one algorithm by construction.
  for (const alg of HMAC_ALGORITHMS.filter((x) => x !== spec.algorithm && (HMAC_ALGORITHMS as readonly string[]).includes(spec.algorithm))) {
    const evidently = sigs.some((s) => ENCODINGS.some((e) => s.length === encodedLength(alg, e) && isWellFormed(s, alg, e)) && !isWellFormed(s, spec.algorithm, spec.encoding));
    out.push({
      group: 'signature',
      code: 'wrong-algorithm',
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
    group: 'content' as const,
    code: 'signed-content' as const,
    message: `the signature covers \`${content}\`, not \`${scheme.content}\` as this scheme signs`,
    hint: `sign exactly ${scheme.content}`,
    apply: (a: Recheck) => ({ ...a, scheme: { ...a.scheme, content } }),
  }));
}
