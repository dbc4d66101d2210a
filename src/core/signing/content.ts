import { SigningError } from './errors.js';

export interface ContentParts {
  body: Buffer;
  /** The timestamp exactly as it travels (signed verbatim, never re-formatted). */
  timestamp?: string;
  id?: string;
}

const PLACEHOLDER = /\{(body|timestamp|id)\}/g;

/** Which placeholders a content template uses. */
export function placeholders(template: string): Set<string> {
  return new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string));
}

/**
 * The exact bytes that are signed: the template's literals as UTF-8 around the raw body bytes.
 * The body is never decoded, so non-UTF-8 bodies sign correctly.
 */
export function signedContent(template: string, parts: ContentParts): Buffer {
  const chunks: Buffer[] = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    chunks.push(Buffer.from(template.slice(last, m.index), 'utf8'));
    const name = m[1] as 'body' | 'timestamp' | 'id';
    if (name === 'body') chunks.push(parts.body);
    else {
      const value = parts[name];
      if (value === undefined) throw new SigningError(`the signed content needs {${name}} but none was given`);
      chunks.push(Buffer.from(value, 'utf8'));
    }
    last = (m.index ?? 0) + m[0].length;
  }
  chunks.push(Buffer.from(template.slice(last), 'utf8'));
  return Buffer.concat(chunks);
}
