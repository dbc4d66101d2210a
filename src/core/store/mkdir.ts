import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * `mkdir -p` that always ends: Node's recursive mkdir loops forever on a path under /proc
 * (the parent exists, yet creating the child fails ENOENT). Resolves to whether `dir` was created.
 */
export async function makeDirs(dir: string, mode: number): Promise<boolean> {
  try {
    await mkdir(dir, { mode });
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    const parent = dirname(dir);
    if (code !== 'ENOENT' || parent === dir) throw err;
    // The parent is missing: make it, then try once more. A second ENOENT is the answer.
    await makeDirs(parent, mode);
    await mkdir(dir, { mode });
    return true;
  }
}
