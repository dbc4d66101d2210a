import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { fileProblem } from '../fs-errors.js';

/** Everything from a stream (stdin), as bytes. */
export async function readAll(stream: AsyncIterable<Buffer | string>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/** A file named on the command line (`-` is stdin), or a one-line error naming the flag. */
export async function readArgFile(flag: string, file: string, cwd: string, stdin: AsyncIterable<Buffer | string>, hint = 'check the path'): Promise<Buffer> {
  if (file === '-') return readAll(stdin);
  try {
    return await readFile(resolve(cwd, file));
  } catch (err) {
    throw new UsageError(`cannot read ${flag} file ${file}: ${fileProblem(err)}`, hint, err);
  }
}
