import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { parseRawRequest } from '../rawhttp/index.js';
import { readCaptureFile, type Capture, type CaptureStore, type StoreWarning } from '../store/index.js';

/** A request to verify or replay, wherever it came from. */
export interface LoadedRequest {
  /** The capture id, the file name, or `stdin`: how output refers to it. */
  label: string;
  /** Set when it came from the store or a capture file (receivedAt, provider, original status...). */
  capture?: Capture;
  method: string;
  path: string;
  headers: [string, string][];
  body: Buffer;
}

export interface SourceContext {
  cwd: string;
  /** Opened on first use: a file or stdin never touches the store. */
  store(): CaptureStore;
  readStdin(): Promise<Buffer>;
  warn(text: string): void;
}

export type RefKind = 'stdin' | 'file' | 'store';

/** `-` is stdin; an existing file, or anything path-like, is a file; the rest are store ids (and `last`). */
export function refKind(ref: string, cwd: string): RefKind {
  if (ref === '-') return 'stdin';
  if (ref.toLowerCase() === 'last') return 'store';
  const path = resolve(cwd, ref);
  if (existsSync(path) && statSync(path).isFile()) return 'file';
  if (/[/\\]/.test(ref) || /\.(ndjson|jsonl|json|http|txt|req)$/i.test(ref)) return 'file';
  return 'store';
}

/** Resolve one ref to its requests: a capture file may hold several. */
export async function loadRef(ref: string, ctx: SourceContext): Promise<LoadedRequest[]> {
  const kind = refKind(ref, ctx.cwd);
  if (kind === 'store') return [fromCapture(await ctx.store().get(ref))];
  if (kind === 'stdin') return [fromRaw(await ctx.readStdin(), 'stdin', 'stdin')];
  return loadFile(ref, ctx);
}

async function loadFile(ref: string, ctx: SourceContext): Promise<LoadedRequest[]> {
  const path = resolve(ctx.cwd, ref);
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code ?? String(err);
    throw new UsageError(`cannot read ${ref}: ${why}`, 'give a capture id from `hookctl captures list`, `last`, a capture file, or `-` for a raw request on stdin', err);
  }
  const first = data.find((b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09);
  if (first !== 0x7b) return [fromRaw(data, basename(path), ref)];
  const warnings: StoreWarning[] = [];
  const captures = await readCaptureFile(path, (w) => warnings.push(w));
  if (captures.length === 0) {
    const why = warnings[0]?.message.replace(/: skipped$/, '') ?? 'it holds no capture';
    throw new UsageError(`${ref} is not a readable capture file: ${why}`, 'it was truncated or edited by hand; capture it again, or give the raw request with `-`');
  }
  for (const w of warnings) ctx.warn(`${w.where}: ${w.message}`);
  return captures.map(fromCapture);
}

export function fromCapture(c: Capture): LoadedRequest {
  return { label: c.id, capture: c, method: c.method, path: c.path, headers: c.headers.map(([k, v]) => [k, v]), body: c.body };
}

function fromRaw(data: Buffer, label: string, source: string): LoadedRequest {
  const req = parseRawRequest(data, source === 'stdin' ? 'stdin' : source);
  return { label, method: req.method, path: req.target, headers: req.headers, body: req.body };
}
