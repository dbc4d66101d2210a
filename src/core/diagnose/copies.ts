import { type Headers, parseSignatureHeader, type Scheme, type SignatureFormat, type SignatureSpec } from '../signing/index.js';

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

/** The signature header present more than once: as separate header lines, or as one value Node joined with ", ". */
export interface SignatureCopies {
  present: PresentSignature;
  /** Each copy on its own, in arrival order. */
  copies: string[];
  /** One value holding the copies joined (Node's req.headers), rather than separate header lines. */
  joined: boolean;
  /** Every copy carries an entry of the scheme's format (so the joined value is plainly duplicated copies). */
  wellFormed: boolean;
}

/** Copies of the signature header the scheme reads (PROVIDERS.md "why signatures fail" 9); undefined when it came once. */
export function signatureCopies(scheme: Scheme, headers: Headers): SignatureCopies | undefined {
  const present = presentSignature(scheme, headers);
  if (!present) return undefined;
  const format = present.spec.format;
  const copies = present.values.flatMap((v) => splitJoined(format, v) ?? [v]);
  if (copies.length < 2) return undefined;
  const wellFormed = copies.every((c) => parseSignatureHeader(format, c).signatures.length > 0);
  return { present, copies, joined: present.values.length < copies.length, wellFormed };
}

/**
 * Split a value Node joined from repeated header lines (`a, b`) into its copies, where the scheme's own
 * format tells a join from a list: Stripe's `t=..,v1=..,v1=..` is one copy, `t=1,v1=a, t=2,v1=b` two;
 * Standard Webhooks' `v1,a v1,b` one, `v1,a, v1,b` two. Undefined when the value is a single copy, or
 * when the format itself separates entries with commas (a join would be indistinguishable from a list).
 */
export function splitJoined(format: SignatureFormat, value: string): string[] | undefined {
  if (format.style === 'kv') {
    // A copy starts at its timestamp entry; a comma-separated format needs Node's ", " between copies.
    const joiner = format.separator.includes(',') ? /,[ \t]+/ : /[ \t]*,[ \t]*/;
    const copies: string[] = [];
    for (const part of value.split(joiner)) {
      const starts = part.trimStart().startsWith(`${format.timestampKey}=`);
      if (copies.length === 0 || starts) copies.push(part.trim());
      else copies[copies.length - 1] += `, ${part}`;
    }
    return copies.length > 1 && copies.every((c) => c !== '') ? copies : undefined;
  }
  if ((format.separator ?? '').includes(',')) return undefined;
  // `v1,<sig>`: the prefix holds a comma, so only a comma followed by a space joins copies.
  const joiner = format.prefix.includes(',') ? /,[ \t]+/ : /[ \t]*,[ \t]*/;
  const copies = value
    .split(joiner)
    .map((c) => c.trim())
    .filter((c) => c !== '');
  return copies.length > 1 ? copies : undefined;
}

/** Identical copies (a proxy repeating the header) count once; each keeps the positions it arrived at. */
export function distinctCopies(copies: readonly string[]): { copy: string; ordinals: number[] }[] {
  const out: { copy: string; ordinals: number[] }[] = [];
  copies.forEach((copy, i) => {
    const seen = out.find((d) => d.copy === copy);
    if (seen) seen.ordinals.push(i + 1);
    else out.push({ copy, ordinals: [i + 1] });
  });
  return out;
}

export function duplicateText(header: string, dup: Pick<SignatureCopies, 'copies' | 'joined'>): string {
  const n = dup.copies.length;
  return dup.joined
    ? `${header} holds ${n} comma-joined copies of the header (Node's req.headers joins a repeated header with ", ")`
    : `${header} arrives ${n} times (Node's req.headers joins the copies with ", ")`;
}

/** `the 2nd copy is the valid signature`, `the 1st and 2nd copies are each the valid signature` */
export function validCopyText(ordinals: readonly number[]): string {
  if (ordinals.length === 0) return 'no copy alone is a valid signature';
  if (ordinals.length === 1) return `the ${ordinal(ordinals[0] as number)} copy is the valid signature`;
  const list = ordinals.map(ordinal);
  return `the ${list.slice(0, -1).join(', ')} and ${list.at(-1)} copies are each the valid signature`;
}

export function duplicateHint(header: string): string {
  return `verify each copy from the raw header list (req.rawHeaders, or req.headersDistinct['${header.toLowerCase()}']), or fix the proxy or sender that adds a second copy`;
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
