import { chmod, open, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeDirs } from './mkdir.js';
import type { StoreWarning } from './types.js';

/**
 * Captures hold whatever senders posted (tokens, personal data): the store is the user's alone.
 * Modes are set with chmod after creation because the umask can only take bits away (0277
 * would leave the owner unable to write), never add the ones we need.
 */
export const DIR_MODE = 0o700;
export const FILE_MODE = 0o600;

/**
 * Makes sure `dir` (the store) and `segDir` (its captures) exist. A store created here is 0700
 * with a `.gitignore` of `*`; an existing one others can read is only warned about: its modes
 * are the user's choice, perhaps a shared directory on purpose.
 */
export async function ensureStoreDirs(dir: string, segDir: string, warn: (w: StoreWarning) => void): Promise<void> {
  if (await makeDirs(dir, DIR_MODE)) {
    await chmod(dir, DIR_MODE);
    // Best effort: a store inside a repository is then ignored whatever the project's .gitignore says.
    await writeFile(join(dir, '.gitignore'), '*\n', { mode: FILE_MODE, flag: 'wx' }).catch(() => {});
  } else {
    await warnIfOpen(dir, warn);
  }
  if (await makeDirs(segDir, DIR_MODE)) await chmod(segDir, DIR_MODE);
}

async function warnIfOpen(dir: string, warn: (w: StoreWarning) => void): Promise<void> {
  const mode = (await stat(dir)).mode & 0o777;
  if (mode & 0o044) {
    warn({ where: dir, message: `the capture store is readable by other users (mode ${mode.toString(8)}): run chmod -R go-rwx ${dir}` });
  }
}

/** Creates a segment file exclusively, 0600 whatever the umask. */
export async function createPrivateFile(path: string, flags: number) {
  const fh = await open(path, flags, FILE_MODE);
  try {
    await fh.chmod(FILE_MODE);
  } catch (err) {
    await fh.close().catch(() => {});
    throw err;
  }
  return fh;
}
