import { open, type FileHandle } from 'node:fs/promises';
import { HookctlError, ExitCode, UsageError } from '../errors.js';
import { fileProblem } from '../fs-errors.js';

/**
 * Reading a file or stdin the user named, with a size cap and an abort signal: `/dev/zero`, a
 * 2 GB sparse file or an endless pipe is refused within one chunk of the cap, and Ctrl-C stops
 * the read at once (a plain readFile checks neither until it has everything).
 */
export interface ReadLimits {
  /** Most bytes accepted; one more is a UsageError (exit 2). */
  max: number;
  signal?: AbortSignal;
}

/**
 * `--max-input`, else twice listen's body cap (config `listen.maxBody`, 10 MiB by default): a
 * body listen accepted, stored base64 in a capture file with its headers, still fits.
 */
export function inputLimits(flag: number | undefined, listenMaxBody: number, signal?: AbortSignal): ReadLimits {
  return { max: flag ?? 2 * listenMaxBody, signal };
}

const CHUNK = 1024 * 1024;

/** The read stopped because of Ctrl-C or SIGTERM: exit 130, like any interrupted command. */
export class InterruptedError extends HookctlError {
  constructor(what: string) {
    super(`interrupted while reading ${what}`, { exitCode: ExitCode.interrupted });
    this.name = 'InterruptedError';
  }
}

export function tooLarge(what: string, max: number): UsageError {
  return new UsageError(`${what} is larger than ${max} bytes, the input cap`, 'raise it with --max-input (e.g. --max-input 100mb), or give a smaller file');
}

/** The whole of a regular file (or device, FIFO...) at `path`, within `limits`; `what` names it in errors. */
export async function readFileCapped(path: string, what: string, limits: ReadLimits, hint = 'check the path'): Promise<Buffer> {
  let fh: FileHandle | undefined;
  try {
    fh = await open(path, 'r');
    const st = await fh.stat();
    if (st.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    // A regular file says its size up front: refuse a huge one without reading a byte of it.
    if (st.isFile() && st.size > limits.max) throw tooLarge(what, limits.max);
    const chunks: Buffer[] = [];
    let size = 0;
    for (;;) {
      if (limits.signal?.aborted) throw new InterruptedError(what);
      const buf = Buffer.allocUnsafe(Math.min(CHUNK, limits.max + 1 - size));
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      size += bytesRead;
      if (size > limits.max) throw tooLarge(what, limits.max);
      chunks.push(bytesRead === buf.length ? buf : buf.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, size);
  } catch (err) {
    if (err instanceof HookctlError) throw err;
    throw new UsageError(`cannot read ${what}: ${fileProblem(err)}`, hint, err);
  } finally {
    await fh?.close().catch(() => {});
  }
}

/** Everything from a stream (stdin) within `limits`; the stream is paused, not consumed further, once refused. */
export function readStreamCapped(stream: NodeJS.ReadableStream, what: string, limits: ReadLimits): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (err: unknown, value?: Buffer) => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
      limits.signal?.removeEventListener('abort', onAbort);
      stream.pause();
      if (err) reject(err);
      else resolve(value as Buffer);
    };
    const onData = (chunk: Buffer | string) => {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += b.length;
      if (size > limits.max) done(tooLarge(what, limits.max));
      else chunks.push(b);
    };
    const onEnd = () => done(undefined, Buffer.concat(chunks, size));
    const onError = (err: unknown) => done(new UsageError(`cannot read ${what}: ${fileProblem(err)}`, 'check what is piped in', err));
    const onAbort = () => done(new InterruptedError(what));
    if (limits.signal?.aborted) return onAbort();
    limits.signal?.addEventListener('abort', onAbort, { once: true });
    stream.on('data', onData);
    stream.once('end', onEnd);
    stream.once('error', onError);
    stream.resume();
  });
}
