import { nestsDeeperThan, parseBoundedJson, tooDeepText } from '../text/bounded-json.js';
import type { Recheck, Variant } from './types.js';

const VERIFY_RAW = 'verify the raw request bytes (express.raw(), req.rawBody), before any parser touches them';

/** Records one hypothesis: the bytes the sender may have signed (nothing when `bytes` is undefined). */
type AddBody = (code: Variant['code'], message: string, bytes: Buffer | string | undefined, hint?: string) => void;

/** Bodies the sender may have signed, given the bytes we hold (PROVIDERS.md "why signatures fail" 1 and 2). */
export function bodyVariants(body: Buffer, contentType: string): Variant[] {
  const out: Variant[] = [];
  const seen: Buffer[] = [body];
  const text = body.toString('utf8');
  const add: AddBody = (code, message, bytes, hint = VERIFY_RAW) => {
    if (bytes === undefined) return;
    const next = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    // Two hypotheses that yield the same bytes are one re-computation: the first (likeliest) names it.
    if (seen.some((b) => b.equals(next))) return;
    seen.push(next);
    out.push({ group: 'body', code, message, hint, apply: (a: Recheck) => ({ ...a, body: next }) });
  };

  // Byte-level edits first: when a trailing newline alone explains it, that is the simpler story.
  addByteEdits(add, body, text);
  const json = parseJson(text);
  if (json !== undefined) addReserialized(add, json.value, text);
  if (isForm(text, contentType)) addFormReencoded(add, text);
  addCharsetMixups(add, body, text);
  return out;
}

/** A trailing newline added or removed, line endings converted. */
function addByteEdits(add: AddBody, body: Buffer, text: string): void {
  if (/\r?\n$/.test(text))
    add(
      'body-trailing-newline',
      'the signature matches the body without its trailing newline: something appended one (an editor, echo, a logging proxy)',
      text.replace(/\r?\n$/, ''),
      'verify the exact bytes received; do not save bodies through an editor or echo',
    );
  add(
    'body-trailing-newline',
    'the signature matches the body with a trailing newline added: the sender signed a newline that was stripped before your verifier',
    Buffer.concat([body, Buffer.from('\n')]),
  );
  if (text.includes('\r\n')) add('body-crlf', 'the signature matches the body with CRLF line endings turned into LF: something converted the line endings', text.replace(/\r\n/g, '\n'));
  else if (text.includes('\n')) add('body-crlf', 'the signature matches the body with LF line endings turned into CRLF: something converted the line endings', text.replace(/\n/g, '\r\n'));
}

/** The JSON body `value` (parsed from `text`) serialized again the ways parsers and senders write it. */
function addReserialized(add: AddBody, value: unknown, text: string): void {
  add('body-reserialized-compact', 'the signature matches the body re-serialized as compact JSON: something between the wire and your verifier parsed and re-stringified it', JSON.stringify(value));
  for (const [indent, label] of [
    [2, '2-space indent'],
    [4, '4-space indent'],
    ['\t', 'tab indent'],
  ] as const) {
    add(
      'body-reserialized-pretty',
      `the signature matches the body pretty-printed as JSON (${label}): the sender signed formatted JSON and something between the wire and your verifier re-serialized it`,
      JSON.stringify(value, null, indent),
    );
  }
  add(
    'body-reserialized-spaced',
    "the signature matches the body serialized with a space after every `:` and `,` (Python's json.dumps default): something between the wire and your verifier re-serialized it",
    spaced(value),
  );
  add('body-key-order', 'the signature matches the body with its object keys sorted: something between the wire and your verifier re-ordered the keys', JSON.stringify(sortKeys(value)));
  add(
    'body-unicode-escaped',
    'the signature matches the body with non-ASCII characters written as \\u escapes: the sender escaped them and something in between un-escaped them',
    escapeNonAscii(text),
  );
  add('body-unicode-escaped', 'the signature matches the body with its \\u escapes written as plain characters: something in between escaped non-ASCII characters', unescapeNonAscii(text));
}

/** A form body decoded and encoded again, with + and %20 swapped. */
function addFormReencoded(add: AddBody, text: string): void {
  const reason = 'the signature matches the form body re-encoded';
  if (text.includes('+')) add('form-reencoded', `${reason} with %20 where the body has +: the body parser decoded and re-encoded the form`, text.replace(/\+/g, '%20'));
  if (/%20/i.test(text)) add('form-reencoded', `${reason} with + where the body has %20: the body parser decoded and re-encoded the form`, text.replace(/%20/gi, '+'));
  add(
    'form-reencoded',
    `${reason} as URLSearchParams writes it: the body parser decoded and re-encoded the form`,
    safe(() => new URLSearchParams(text).toString()),
  );
}

/** Charset mix-ups, and a body handed over base64-encoded. */
function addCharsetMixups(add: AddBody, body: Buffer, text: string): void {
  // Latin-1 mix-ups: bytes decoded as one charset and written back as the other.
  add('body-latin1', 'the signature matches the body re-encoded from Latin-1 to UTF-8: something decoded the bytes with the wrong charset', Buffer.from(body.toString('latin1'), 'utf8'));
  if (/[^\x00-\x7f]/.test(text) && [...text].every((ch) => ch.charCodeAt(0) < 256)) {
    add('body-latin1', 'the signature matches the body encoded as Latin-1: the sender signed Latin-1 bytes, something turned them into UTF-8', Buffer.from(text, 'latin1'));
  }
  if (body.length >= 8 && /^[A-Za-z0-9+/\r\n]+={0,2}\s*$/.test(text)) {
    add(
      'body-base64-encoded',
      'the signature matches the base64-decoded body: a gateway (API Gateway, a queue) handed over the body base64-encoded',
      Buffer.from(text, 'base64'),
      'decode the body (isBase64Encoded) before verifying it',
    );
  }
}

/** A structural note when the body cannot be what anyone signed. */
export function emptyBodyNote(body: Buffer): string | undefined {
  const t = body.toString('utf8').trim();
  if (t === '' || t === '{}' || t === 'null' || t === '[object Object]') {
    return `the body is ${t === '' ? 'empty' : `\`${t}\``}: a body parser that did not recognise the Content-Type (or read the stream first) left nothing to verify`;
  }
  return undefined;
}

function parseJson(text: string): { value: unknown } | undefined {
  const t = text.trim();
  if (!(t.startsWith('{') || t.startsWith('['))) return undefined;
  const parsed = parseBoundedJson(t);
  return parsed.ok ? { value: parsed.value } : undefined;
}

/** Said when the JSON re-serialization checks were skipped: the body is too deep to walk. */
export function tooDeepNote(body: Buffer): string | undefined {
  const t = body.toString('utf8').trimStart();
  if (!(t.startsWith('{') || t.startsWith('[')) || !nestsDeeperThan(t)) return undefined;
  return `${tooDeepText()}: the JSON re-serialization checks (compact, pretty, sorted keys) were skipped`;
}

function spaced(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(spaced).join(', ')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}: ${spaced(v)}`)
      .join(', ')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

function escapeNonAscii(text: string): string | undefined {
  if (!/[^\x00-\x7f]/.test(text)) return undefined;
  return text.replace(/[^\x00-\x7f]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function unescapeNonAscii(text: string): string | undefined {
  // Only escapes preceded by an even number of backslashes are real escapes.
  const re = /(?<!\\)((?:\\\\)*)\\u([0-9a-fA-F]{4})/g;
  let changed = false;
  const out = text.replace(re, (all, slashes: string, hex: string) => {
    const code = parseInt(hex, 16);
    if (code < 0x80) return all;
    changed = true;
    return slashes + String.fromCharCode(code);
  });
  return changed ? out : undefined;
}

function isForm(text: string, contentType: string): boolean {
  if (/x-www-form-urlencoded/i.test(contentType)) return true;
  return /^[^{[\s][^\s]*=/.test(text) && !text.includes('\n');
}

function safe<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}
