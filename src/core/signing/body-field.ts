import { SigningError } from './errors.js';

/**
 * Signatures that travel inside the JSON body rather than a header (Microsoft Graph's `clientState`
 * in each notification): read and written at a dotted path, where a number indexes an array
 * (`value.0.clientState`).
 */
export function readBodyField(body: Buffer, path: string): string | undefined {
  let node: unknown;
  try {
    node = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * The body with the value set at `path`, laid out as it was (compact, or indented by the width of its
 * first indented line): the sender writes the field as part of building its body.
 */
export function writeBodyField(body: Buffer, path: string, value: string): Buffer {
  const text = body.toString('utf8');
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    throw new SigningError(`the scheme carries its signature in the body field "${path}", and the body is not JSON`, 'send a JSON body (--data or a template)');
  }
  const keys = path.split('.');
  let node = root;
  for (const key of keys.slice(0, -1)) {
    const next = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
    if (next === null || typeof next !== 'object') throw new SigningError(`the body has no "${path}" to carry the signature in`, `keep ${keys.slice(0, -1).join('.')} in the body`);
    node = next;
  }
  (node as Record<string, unknown>)[keys[keys.length - 1] as string] = value;
  const indent = /\n( +|\t)/.exec(text)?.[1];
  return Buffer.from(JSON.stringify(root, null, indent) + (text.endsWith('\n') ? '\n' : ''), 'utf8');
}
