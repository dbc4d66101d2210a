import type { SignatureFormat } from './types.js';

/** Render one or more signatures (and, for kv formats, the timestamp) as a header value. */
export function formatSignatureHeader(format: SignatureFormat, signatures: string[], timestamp?: string): string {
  if (format.style === 'kv') {
    const pairs = [`${format.timestampKey}=${timestamp ?? ''}`, ...signatures.map((s) => `${format.signatureKey}=${s}`)];
    return pairs.join(format.separator);
  }
  return signatures.map((s) => format.prefix + s).join(format.separator ?? '');
}

export interface ParsedSignatureHeader {
  /** Candidate signatures carrying the expected prefix or key. */
  signatures: string[];
  /** Entries that did not carry it (e.g. `v1=` where `v1,` is expected): kept for diagnosis. */
  foreign: string[];
  /** The timestamp inside the header, for kv formats. */
  timestamp?: string;
}

/** Parse a signature header leniently: garbage yields no candidates, never an exception. */
export function parseSignatureHeader(format: SignatureFormat, value: string): ParsedSignatureHeader {
  const out: ParsedSignatureHeader = { signatures: [], foreign: [] };
  if (format.style === 'kv') {
    for (const pair of value.split(format.separator)) {
      const eq = pair.indexOf('=');
      const key = (eq < 0 ? pair : pair.slice(0, eq)).trim();
      const val = eq < 0 ? '' : pair.slice(eq + 1).trim();
      if (key === format.timestampKey) out.timestamp = val;
      else if (key === format.signatureKey) out.signatures.push(val);
      else if (pair.trim()) out.foreign.push(pair.trim());
    }
    return out;
  }
  const entries = format.separator ? value.split(format.separator) : [value];
  for (const raw of entries) {
    const entry = format.separator ? raw.trim() : raw;
    if (!entry) continue;
    if (entry.startsWith(format.prefix)) out.signatures.push(entry.slice(format.prefix.length));
    else out.foreign.push(entry);
  }
  return out;
}
