import { UsageError } from '../errors.js';
import type { ReadLimits } from '../io/capped.js';
import type { HeaderPair } from './types.js';

/** One `--set path=value` edit: the path split into keys, the value JSON-typed. */
export interface Edit {
  path: string;
  keys: string[];
  value: unknown;
}

/**
 * `job.status=failed` sets a string, `job.progress=50` a number, `x=null`, `x=true`,
 * `x={"a":1}` and `x="42"` what they say: a value that parses as JSON is that JSON, anything else a string.
 * Paths are dotted; array items by index (`outputs.0.status` or `outputs[0].status`).
 */
/** An edit that sets one dotted path, as `--set path=value` would (used to move a body timestamp). */
export function fieldEdit(path: string, value: unknown): Edit {
  return { path, keys: path.split('.'), value };
}

export function parseEdit(text: string): Edit {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new UsageError(`--set "${text}" is not of the form path=value`, 'e.g. --set job.status=failed --set job.progress=50');
  const path = text.slice(0, eq).trim();
  const keys = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  if (keys.some((k) => k === '')) throw new UsageError(`--set path "${path}" has an empty segment`, 'write dotted paths like job.outputs.0.status');
  return { path, keys, value: jsonOrString(text.slice(eq + 1)) };
}

function jsonOrString(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/**
 * Apply edits to a JSON value in place. Every segment of a path must exist, so a typo
 * is an error that lists the keys that do exist, never a silently added field.
 */
export function applyEdits(target: unknown, edits: readonly Edit[]): unknown {
  for (const edit of edits) {
    let node: unknown = target;
    edit.keys.forEach((key, i) => {
      const where = edit.keys.slice(0, i).join('.') || '(root)';
      const missing = (known: string) => new UsageError(`--set ${edit.path}: no "${key}" in ${where}`, known);
      if (Array.isArray(node)) {
        const idx = Number(key);
        if (!/^\d+$/.test(key) || idx >= node.length) throw missing(`${where} is a list of ${node.length}: use an index 0-${node.length - 1}`);
        if (i === edit.keys.length - 1) node[idx] = edit.value;
        else node = node[idx];
      } else if (node && typeof node === 'object') {
        const obj = node as Record<string, unknown>;
        if (!Object.hasOwn(obj, key)) throw missing(`keys there: ${Object.keys(obj).join(', ') || '(none)'}; to add fields, use --data or --fixture`);
        if (i === edit.keys.length - 1) obj[key] = edit.value;
        else node = obj[key];
      } else {
        throw missing(`${where} is ${node === null ? 'null' : typeof node}, not an object`);
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
  try {
    return JSON.parse(body.toString('utf8'));
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
