/** Why a signature fails: re-checks the failure causes of PROVIDERS.md through the signing module. Pure, no I/O. */
import { type Headers, headerValue, verifyWithScheme } from '../signing/index.js';
import { bodyVariants, emptyBodyNote, tooDeepNote } from './body.js';
import { explain, matchingSecret } from './search.js';
import { paddedSecretNote, secretVariants } from './secret.js';
import { distinctCopies, duplicateHint, duplicateText, presentSignature, signatureCopies, validCopyText } from './copies.js';
import { contentVariants, signatureVariants } from './signature.js';
import { timestampFindings } from './timestamp.js';
import { keyVariants } from './key.js';
import { urlVariants } from './url.js';
import type { Recheck, DiagnoseInput, Finding, HeaderInput, Variant } from './types.js';

/**
 * Explain a failed verification: a list of findings, likeliest first, each with a stable code.
 * Empty when no known cause reproduces the signature (most often: the secret is simply wrong).
 * For a verification that passed, only what a real receiver would still trip on: the signature
 * header arriving more than once (`duplicate-header`); empty otherwise.
 */
export function diagnose(input: DiagnoseInput): Finding[] {
  const { profile, result, now } = input;
  const scheme = profile.scheme;
  const headers = toHeaders(input.headers);
  const base: Recheck = { scheme, headers, body: input.body, secrets: [...input.secrets], ...(input.url === undefined ? {} : { url: input.url }) };
  if (result.ok) return duplicateNote(profile.id, base, now);
  const findings: Finding[] = timestampFindings(scheme, result, input.toleranceSec);
  if (result.reason === 'body-hash-mismatch') {
    findings.push({
      code: 'body-hash-mismatch',
      message: `${result.detail}; the signed URL binds the body by its hash`,
      hint: 'verify the raw request bytes; re-sign the delivery if the body was edited on purpose',
    });
  }
  if (result.signatureMatched) return findings;

  const other = () => otherProvider(input, headers);
  // Without the headers the scheme reads there is nothing to re-compute; another provider may still fit.
  if (['missing-signature', 'missing-id', 'missing-timestamp', 'malformed-timestamp'].includes(result.reason)) return [...findings, ...other()];

  const contentType = headerValue(headers, 'content-type') ?? '';
  const variants: Variant[] = [
    ...signatureVariants(scheme, headers),
    ...keyVariants(scheme, input.secrets),
    ...urlVariants(scheme, input.url, input.urls),
    ...secretVariants(input.secrets, scheme.secret),
    ...bodyVariants(input.body, contentType),
    ...contentVariants(scheme),
  ];
  const explanations = explain(profile.id, base, variants, now);
  if (explanations.length > 0) {
    for (const e of explanations) {
      const which = input.secrets.length > 1 ? ` (with secret #${e.secretIndex + 1})` : '';
      const [first, second] = e.variants as [Variant, Variant | undefined];
      findings.push({ code: first.code, message: first.message + which, ...(first.hint ? { hint: first.hint } : {}) });
      // Two causes at once: the second only explains the signature together with the first.
      if (second) findings.push({ code: second.code, message: `${second.message}, together with the above`, ...(second.hint ? { hint: second.hint } : {}) });
    }
    return findings;
  }

  const fromOthers = other();
  if (fromOthers.length > 0) return [...findings, ...fromOthers];
  const clock = findings[0];
  if (clock && result.signatureMatched === false) clock.message += ', and the signature does not match the secret either';
  // Nothing reproduces the signature: still name what is plainly wrong with the request.
  for (const v of variants) {
    if (v.evident && !findings.some((f) => f.code === v.code)) findings.push({ code: v.code, message: v.evident, ...(v.hint ? { hint: v.hint } : {}) });
  }
  const empty = emptyBodyNote(input.body);
  if (empty) findings.push({ code: 'body-empty', message: empty, hint: 'verify the raw request bytes, before any body parser runs' });
  const deep = tooDeepNote(input.body);
  if (deep) findings.push({ code: 'body-too-deep', message: deep, hint: 'verify the raw request bytes; a body this deep is not one any provider sends' });
  const padded = paddedSecretNote(input.secrets);
  if (padded) findings.push({ code: 'secret-trailing-whitespace', message: padded, hint: 'strip the secret where it is loaded' });
  return findings;
}

/**
 * The signing module accepted the request, but its signature header came more than once: a receiver
 * reading Node's req.headers gets the copies joined with ", ", which strict parsers reject. Says which copy is valid.
 */
function duplicateNote(name: string, base: Recheck, now: number): Finding[] {
  const dup = signatureCopies(base.scheme, base.headers);
  if (!dup) return [];
  const { key, spec } = dup.present;
  const valid = distinctCopies(dup.copies)
    .filter(({ copy }) => matchingSecret(name, { ...base, headers: { ...base.headers, [key]: copy } }, now) >= 0)
    .flatMap((d) => d.ordinals)
    .sort((a, b) => a - b);
  return [
    {
      code: 'duplicate-header',
      message: `the signature verifies as read here, but ${duplicateText(spec.header, dup)}: ${validCopyText(valid)}, and a receiver that parses the joined value strictly rejects it`,
      hint: duplicateHint(spec.header),
    },
  ];
}

/** Does the delivery verify under another provider's scheme? (a wrong --provider, or a misdetected one) */
function otherProvider(input: DiagnoseInput, headers: Headers): Finding[] {
  for (const p of input.providers ?? []) {
    if (p.id === input.profile.id) continue;
    if (!presentSignature(p.scheme, headers)) continue;
    const secrets = input.secretsFor?.(p) ?? input.secrets;
    const i = matchingSecret(p.id, { scheme: p.scheme, headers, body: input.body, secrets, ...(input.url === undefined ? {} : { url: input.url }) }, input.now);
    if (i >= 0) {
      const strict = verifyWithScheme(p.scheme, p.id, {
        secrets: secrets[i] as string,
        headers,
        body: input.body,
        now: input.now,
        toleranceSec: input.toleranceSec,
        ...(input.url === undefined ? {} : { url: input.url }),
      });
      const note = strict.ok ? '' : ` (though ${strict.detail})`;
      return [{ code: 'other-provider', message: `the request verifies as ${p.name} (${p.id})${note}, not ${input.profile.name}`, hint: `pass --provider ${p.id}` }];
    }
  }
  return [];
}

/** Capture header pairs become a record; a repeated name keeps every value, in order. */
export function toHeaders(input: HeaderInput): Headers {
  if (!Array.isArray(input)) return input as Headers;
  // No prototype: a header named `__proto__` or `constructor` is just a header.
  const out: Record<string, string | string[]> = Object.create(null);
  const keys = new Map<string, string>();
  for (const [name, value] of input as readonly (readonly [string, string])[]) {
    const key = keys.get(name.toLowerCase());
    if (key === undefined) {
      keys.set(name.toLowerCase(), name);
      out[name] = value;
    } else {
      const prev = out[key] as string | string[];
      // Appended in place: copying the list per repeat made 40,000 repeats quadratic.
      if (Array.isArray(prev)) prev.push(value);
      else out[key] = [prev, value];
    }
  }
  return out;
}
