import { resolve } from 'node:path';
import { readFileCapped, readStreamCapped, type ReadLimits } from './capped.js';

/** Everything from a stream (stdin), as bytes, within the input cap. */
export function readAll(stream: NodeJS.ReadableStream, limits: ReadLimits): Promise<Buffer> {
  return readStreamCapped(stream, 'stdin', limits);
}

/** A file named on the command line (`-` is stdin), within the input cap, or a one-line error naming the flag. */
export async function readArgFile(flag: string, file: string, cwd: string, stdin: NodeJS.ReadableStream, limits: ReadLimits, hint = 'check the path'): Promise<Buffer> {
  if (file === '-') return readAll(stdin, limits);
  return readFileCapped(resolve(cwd, file), `${flag} file ${file}`, limits, hint);
}
