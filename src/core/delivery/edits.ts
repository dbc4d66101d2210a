import { UsageError } from '../errors.js';
import type { ReadLimits } from '../io/capped.js';
import { nestsDeeperThan, tooDeepText } from '../text/bounded-json.js';
import type { HeaderPair } from './types.js';

/** One payload edit: `--set` changes a key that exists, `--add` creates one, `--remove` deletes one. */
export interface Edit {
  op: EditOp;
  path: string;
  keys: string[];
  value?: unknown;
}
export type EditOp = 'set' | 'add' | 'remove';

/** The edit flags of send, replay and test, as given (each repeatable). */
export interface EditFlags {
  set?: readonly string[];
  add?: readonly string[];
  remove?: readonly string[];
}

/** An edit that sets one dotted path, as `--set path=value` would (used to move a body timestamp). */
export function fieldEdit(path: string, value: unknown): Edit {
  return { op: 'set', path, keys: path.split('.'), value };
}

/**
 * Every edit, in the order they apply: removals, then changes, then additions (so
 * `--remove a --add a={...}` replaces a key with another shape). Within a kind, flag order.
 */
export function parseEdits(flags: EditFlags): Edit[] {
  return [...(flags.remove ?? []).map((t) => parseEditOf(t, 'remove')), ...(flags.set ?? []).map((t) => parseEditOf(t, 'set')), ...(flags.add ?? []).map((t) => parseEditOf(t, 'add'))];
}

/** One `--set path=value`. */
export function parseEdit(text: string): Edit {
  return parseEditOf(text, 'set');
}

/**
 * `job.status=failed` sets a string, `job.progress=50` a number, `x=null`, `x=true`,
 * `x={"a":1}` and `x="42"` what they say: a value that parses as JSON is that JSON, anything else a string.
 * Paths are dotted; array items by index (`outputs.0.status` or `outputs[0].status`). `--remove` takes a path alone.
 */
export function parseEditOf(text: string, op: EditOp): Edit {
  const eq = op === 'remove' ? text.length : text.indexOf('=');
  if (eq <= 0) {
    const example = op === 'remove' ? '--remove data.object.metadata' : `--${op} data.object.metadata.order_id=123`;
    throw new UsageError(`--${op} "${text}" is not of the form ${op === 'remove' ? 'path' : 'path=value'}`, `e.g. ${example}`);
  }
  const path = text.slice(0, eq).trim();
  const keys = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  if (keys.some((k) => k === '')) throw new UsageError(`--${op} path "${path}" has an empty segment`, 'write dotted paths like job.outputs.0.status');
  return op === 'remove' ? { op, path, keys } : { op, path, keys, value: jsonOrString(text.slice(eq + 1), op, path) };
}

function jsonOrString(raw: string, op: EditOp, path: string): unknown {
  // The edited body is serialized again: a value too deep to serialize is refused here, by name.
  if (nestsDeeperThan(raw)) throw new UsageError(`--${op} ${path}: ${tooDeepText('the value')}`, 'give a flatter value, or the whole body with --data @file');
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** An edit that does not fit the payload it is applied to (a key that is not there): `test` judges that event inconclusive. */
export class EditMismatchError extends UsageError {
  constructor(message: string, hint?: string) {
    super(message, hint);
    this.name = 'EditMismatchError';
  }
}

/**
 * Apply edits to a JSON value in place. Every segment but the last must exist, and the last
 * must exist for `--set` and `--remove` and must not for `--add`: a typo is an error that
 * lists the keys that do exist, never a silently added field. `--add` on a list appends
 * (index = its length).
 */
export function applyEdits(target: unknown, edits: readonly Edit[]): unknown {
  for (const edit of edits) {
    const { keys, op } = edit;
    let node: unknown = target;
    keys.forEach((key, i) => {
      const last = i === keys.length - 1;
      const where = keys.slice(0, i).join('.') || '(root)';
      const fail = (what: string, hint: string) => new EditMismatchError(`--${op} ${edit.path}: ${what}`, hint);
      if (Array.isArray(node)) {
        const idx = /^\d+$/.test(key) ? Number(key) : -1;
        const range = node.length ? `an index 0-${node.length - 1}` : 'no index (it is empty)';
        if (last && op === 'add') {
          if (idx !== node.length)
            throw fail(
              idx >= 0 && idx < node.length ? `${where} already has item ${key}` : `no index "${key}" to add in ${where}`,
              `${where} is a list of ${node.length}: --add ${keys.slice(0, i).join('.')}.${node.length}=... appends; --set changes an item`,
            );
          node.push(edit.value);
        } else if (idx < 0 || idx >= node.length) {
          throw fail(`no "${key}" in ${where}`, `${where} is a list of ${node.length}: use ${range}`);
        } else if (last && op === 'remove') node.splice(idx, 1);
        else if (last) node[idx] = edit.value;
        else node = node[idx];
      } else if (node && typeof node === 'object') {
        const obj = node as Record<string, unknown>;
        const has = Object.hasOwn(obj, key);
        if (last && op === 'add') {
          if (has) throw fail(`"${key}" already exists in ${where}`, `use --set ${edit.path}=... to change it`);
          obj[key] = edit.value;
        } else if (!has) {
          const known = `keys there: ${Object.keys(obj).join(', ') || '(none)'}`;
          throw fail(`no "${key}" in ${where}`, last && op === 'set' ? `${known}; to create it, use --add ${edit.path}=...` : known);
        } else if (last && op === 'remove') delete obj[key];
        else if (last) obj[key] = edit.value;
        else node = obj[key];
      } else {
        throw fail(`no "${key}" in ${where}`, `${where} is ${node === null ? 'null' : typeof node}, not an object`);
      }
    });
  }
  return target;
}

/** `--header 'Name: value'`; an empty value (`'Name:'`) removes the header, as with curl. */
export function parseHeader(text: string): HeaderPair {
  const colon = text.indexOf(':');
  const name = colon < 0 ? '' : text.slice(0, colon).trim();
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
    throw new UsageError(`--header "${text}" is not of the form 'Name: value'`, "e.g. --header 'X-Request-Id: 42'");
  }
  const value = text.slice(colon + 1).trim();
  if (/[\r\n\0]/.test(value)) throw new UsageError(`--header ${name} holds a line break`, 'header values are one line');
  return [name, value];
}

/** `--data '{"a":1}'` or `--data @payload.json` (`@-` reads stdin): the exact bytes. */
export async function readDataArg(arg: string, cwd: string, stdin: NodeJS.ReadableStream, limits: ReadLimits): Promise<Buffer> {
  if (!arg.startsWith('@')) return Buffer.from(arg, 'utf8');
  // Imported here: io.js brings the capture store, which only this path of `send` needs.
  const { readArgFile } = await import('../io/read.js');
  return readArgFile('--data', arg.slice(1), cwd, stdin, limits, 'give a JSON file as @path/to/payload.json, or inline JSON');
}

/** Parse a body as JSON for edits; the error names where it came from. */
export function parseJsonBody(body: Buffer, from: string): unknown {
  const text = body.toString('utf8');
  if (nestsDeeperThan(text)) {
    throw new UsageError(`${tooDeepText(from)}: it cannot be edited`, 'send it without edits (--set, --add, --remove, body timestamps), exactly as it is');
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${from} is not valid JSON: ${(err as Error).message}`, 'edits (--set, timestamps in the body) need a JSON payload', err);
  }
}

/** Replace same-named headers (case-insensitively) in place, append new ones, drop those set to ''. */
export function mergeHeaders(base: HeaderPair[], extra: readonly HeaderPair[]): HeaderPair[] {
  let out = base;
  for (const [name, value] of extra) {
    const lower = name.toLowerCase();
    const at = out.findIndex(([n]) => n.toLowerCase() === lower);
    const rest = out.filter(([n], i) => i === at || n.toLowerCase() !== lower);
    if (value === '') out = rest.filter(([n]) => n.toLowerCase() !== lower);
    else if (at < 0) out = [...rest, [name, value]];
    else out = rest.map((h): HeaderPair => (h[0].toLowerCase() === lower ? [name, value] : h));
  }
  return out;
}
