import type { SignatureFormat } from './types.js';

/** Render one or more signatures (and, for kv formats, the timestamp) as a header value. */
export function formatSignatureHeader(format: SignatureFormat, signatures: string[], timestamp?: string): string {
  if (format.style === 'kv') {
    const stamp = `${format.timestampKey}=${timestamp ?? ''}`;
    if (format.groupSeparator) return signatures.map((s) => `${stamp}${format.separator}${format.signatureKey}=${s}`).join(format.groupSeparator);
    return [stamp, ...signatures.map((s) => `${format.signatureKey}=${s}`)].join(format.separator);
  }
  return signatures.map((s) => format.prefix + s).join(format.separator ?? '');
}

/**
 * Real signature headers hold a few signatures (one per secret being rotated), a few hundred bytes.
 * Past these bounds a header is malformed rather than parsed: a hostile one (megabytes, thousands
 * of entries) must not make verification, and the diagnosis that tries every candidate, slow.
 */
export const MAX_SIGNATURE_HEADER_BYTES = 8192;
export const MAX_SIGNATURE_ENTRIES = 64;

export interface ParsedSignatureHeader {
  /** Candidate signatures carrying the expected prefix or key. */
  signatures: string[];
  /** Entries that did not carry it (e.g. `v1=` where `v1,` is expected): kept for diagnosis. */
  foreign: string[];
  /** The timestamp inside the header, for kv formats. */
  timestamp?: string;
  /** Why the header was not parsed at all: over one of the bounds above. */
  oversized?: string;
}

/** Parse a signature header leniently: garbage yields no candidates, never an exception. */
export function parseSignatureHeader(format: SignatureFormat, value: string): ParsedSignatureHeader {
  const out: ParsedSignatureHeader = { signatures: [], foreign: [] };
  if (value.length > MAX_SIGNATURE_HEADER_BYTES) {
    return { ...out, oversized: `${value.length} bytes, more than the ${MAX_SIGNATURE_HEADER_BYTES} bytes a signature header may hold` };
  }
  if (format.style === 'kv') {
    const pairs = format.groupSeparator ? value.split(format.groupSeparator).flatMap((group) => group.split(format.separator)) : value.split(format.separator);
    for (const pair of pairs) {
      const eq = pair.indexOf('=');
      const key = (eq < 0 ? pair : pair.slice(0, eq)).trim();
      const val = eq < 0 ? '' : pair.slice(eq + 1).trim();
      if (key === format.timestampKey) out.timestamp = val;
      else if (key === format.signatureKey) out.signatures.push(val);
      else if (pair.trim()) out.foreign.push(pair.trim());
    }
    return bounded(out);
  }
  const entries = format.separator ? value.split(format.separator) : [value];
  for (const raw of entries) {
    const entry = format.separator ? raw.trim() : raw;
    if (!entry) continue;
    if (entry.startsWith(format.prefix)) out.signatures.push(entry.slice(format.prefix.length));
    else out.foreign.push(entry);
  }
  return bounded(out);
}

function bounded(out: ParsedSignatureHeader): ParsedSignatureHeader {
  const n = out.signatures.length;
  return n > MAX_SIGNATURE_ENTRIES ? { signatures: [], foreign: [], oversized: `${n} signatures, more than ${MAX_SIGNATURE_ENTRIES} signatures in one header` } : out;
}
