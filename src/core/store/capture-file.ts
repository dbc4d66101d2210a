import { readFile } from 'node:fs/promises';
import { UsageError } from '../errors.js';
import { fileProblem } from '../fs-errors.js';
import { NEWER_FORMAT } from './format.js';
import { decodeAll, decodeStrict } from './scan.js';
import type { Capture, StoreWarning } from './types.js';

/**
 * Reads a file of capture records (an exported capture, a copied segment); damage is skipped with
 * a warning. `verify` and `replay` read a file the user named with `decodeCaptureFile` instead,
 * which refuses damage.
 */
export async function readCaptureFile(path: string, onWarning: (w: StoreWarning) => void = () => {}): Promise<Capture[]> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (err) {
    throw new UsageError(`cannot read capture file ${path}: ${fileProblem(err)}`, 'check the path', err);
  }
  return decodeAll(data, (p) => onWarning({ where: `${path}:${p.offset}`, message: `${p.problem} (${p.length} bytes): skipped` }));
}

/**
 * The captures in a capture file the user named explicitly (already read into `data`; `name` is
 * how the user wrote it). Strict, unlike the store: a damaged record is a UsageError (exit 2)
 * naming the file, the line and what is wrong. Skipping it would quietly verify or replay less
 * than the file holds.
 */
export function decodeCaptureFile(data: Buffer, name: string): Capture[] {
  const decoded = decodeStrict(data);
  if (!decoded.ok) {
    const { line, id, problem } = decoded.problem;
    throw new UsageError(
      `${name} is not a readable capture file: ${problem}, on line ${line}${id ? ` (capture ${id})` : ''}`,
      problem.startsWith(NEWER_FORMAT) ? 'upgrade hookctl to read it' : 'it was truncated or edited: re-export it with `hookctl captures export`, or fix the file',
    );
  }
  if (decoded.captures.length === 0) {
    throw new UsageError(`${name} is not a readable capture file: it holds no capture`, 're-export it with `hookctl captures export`');
  }
  return decoded.captures;
}
