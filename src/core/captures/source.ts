import { existsSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { readFileCapped, type ReadLimits } from '../io/capped.js';
import { parseRawRequest } from '../http/raw-request.js';
import { CaptureNotFoundError, decodeCaptureFile, isCaptureRef, type Capture, type CaptureStore } from '../store/index.js';

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
  /** The input cap and Ctrl-C, for files and stdin. */
  limits: ReadLimits;
  warn(text: string): void;
}

type RefKind = 'stdin' | 'file' | 'store';

/** `-` is stdin; an existing file, or anything path-like, is a file; the rest are store ids (and `last`). */
function refKind(ref: string, cwd: string): RefKind {
  if (ref === '-') return 'stdin';
  if (ref.toLowerCase() === 'last') return 'store';
  const path = resolve(cwd, ref);
  if (existsSync(path) && statSync(path).isFile()) return 'file';
  if (/[/\\]/.test(ref) || /\.(ndjson|jsonl|json|http|txt|req)$/i.test(ref)) return 'file';
  return 'store';
}

const REF_HINT = 'give a capture id from `hookctl captures list`, `last`, a capture file, or `-` for a raw request on stdin';

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Resolve one ref to its requests: a capture file may hold several. */
export async function loadRef(ref: string, ctx: SourceContext): Promise<LoadedRequest[]> {
  const kind = refKind(ref, ctx.cwd);
  if (kind === 'store') {
    // A directory can never be a capture: say so, rather than that no capture has its name. One
    // named like an id (prefix) still defers to the store.
    const directory = isDirectory(resolve(ctx.cwd, ref));
    const notACapture = () => new UsageError(`cannot read ${ref}: it is a directory, not a capture`, REF_HINT);
    if (directory && !isCaptureRef(ref)) throw notACapture();
    try {
      return [fromCapture(await ctx.store().get(ref))];
    } catch (err) {
      throw directory && err instanceof CaptureNotFoundError ? notACapture() : err;
    }
  }
  if (kind === 'stdin') return [fromRaw(await ctx.readStdin(), 'stdin', 'stdin')];
  return loadFile(ref, ctx);
}

async function loadFile(ref: string, ctx: SourceContext): Promise<LoadedRequest[]> {
  const path = resolve(ctx.cwd, ref);
  if (isDirectory(path)) throw new UsageError(`cannot read ${ref}: it is a directory, not a capture`, REF_HINT);
  const data = await readFileCapped(path, ref, ctx.limits, REF_HINT);
  const first = data.find((b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09);
  if (first !== 0x7b) return [fromRaw(data, basename(path), ref)];
  // A file the user named is read strictly (unlike the store): a damaged record is exit 2, not a
  // warning and a quietly shorter run.
  return decodeCaptureFile(data, ref).map(fromCapture);
}

export function fromCapture(c: Capture): LoadedRequest {
  return { label: c.id, capture: c, method: c.method, path: c.path, headers: c.headers.map(([k, v]) => [k, v]), body: c.body };
}

function fromRaw(data: Buffer, label: string, source: string): LoadedRequest {
  const req = parseRawRequest(data, source);
  return { label, method: req.method, path: req.target, headers: req.headers, body: req.body };
}
