import { SigningError } from './errors.js';

export interface ContentParts {
  body: Buffer;
  /** The timestamp exactly as it travels (signed verbatim, never re-formatted). */
  timestamp?: string;
  id?: string;
  /** The full request URL, exactly as signed. */
  url?: string;
  /** The form parameters sorted and concatenated (see url.ts); empty for a body that is not a form. */
  params?: string;
  /** The request method (HubSpot's v3 signature starts with it). */
  method?: string;
}

// `{field:a.b.0.c}` is a JSON body field's value (Adyen signs eight fields of the notification, Mailgun two).
const PLACEHOLDER = /\{(body|timestamp|id|url|params|method|field:[A-Za-z0-9_.-]+)\}/g;

type Field = 'body' | 'timestamp' | 'id' | 'url' | 'params' | 'method';
type Part = Buffer | Field | { field: string };
interface Parsed {
  parts: Part[];
  uses: Set<string>;
}

// Templates are few and fixed per provider: parse each once, not on every delivery.
const parsedCache = new Map<string, Parsed>();

function parse(template: string): Parsed {
  let parsed = parsedCache.get(template);
  if (parsed) return parsed;
  const parts: Part[] = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    if ((m.index ?? 0) > last) parts.push(Buffer.from(template.slice(last, m.index), 'utf8'));
    const name = m[1] as string;
    parts.push(name.startsWith('field:') ? { field: name.slice(6) } : (name as Field));
    last = (m.index ?? 0) + m[0].length;
  }
  if (last < template.length) parts.push(Buffer.from(template.slice(last), 'utf8'));
  parsed = { parts, uses: new Set(parts.map((p) => (typeof p === 'string' ? p : Buffer.isBuffer(p) ? '' : 'field')).filter(Boolean)) };
  if (parsedCache.size < 256) parsedCache.set(template, parsed);
  return parsed;
}

/** Which placeholders a content template uses. */
export function placeholders(template: string): Set<string> {
  return parse(template).uses;
}

/**
 * The exact bytes that are signed: the template's literals as UTF-8 around the raw body bytes.
 * The body is never decoded, so non-UTF-8 bodies sign correctly.
 */
export function signedContent(template: string, parts: ContentParts): Buffer {
  const { parts: layout } = parse(template);
  if (layout.length === 1 && layout[0] === 'body') return parts.body;
  const chunks: Buffer[] = [];
  let json: unknown;
  for (const part of layout) {
    if (part === 'body') chunks.push(parts.body);
    else if (Buffer.isBuffer(part)) chunks.push(part);
    else if (typeof part !== 'string') {
      json ??= parseOrNull(parts.body);
      chunks.push(Buffer.from(fieldText(json, part.field), 'utf8'));
    } else {
      const value = parts[part];
      if (value === undefined) throw new SigningError(`the signed content needs {${part}} but none was given`);
      chunks.push(Buffer.from(value, 'utf8'));
    }
  }
  return Buffer.concat(chunks);
}

function parseOrNull(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
}

/** A body field as its sender joins it into the signed string: scalars as text, anything absent as empty (Adyen's `originalReference`). */
function fieldText(root: unknown, path: string): string {
  let node = root;
  for (const key of path.split('.')) node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  return typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean' ? String(node) : '';
}
