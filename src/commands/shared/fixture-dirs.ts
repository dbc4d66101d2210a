import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Settings } from '../../core/config/types.js';
import { UsageError } from '../../core/errors.js';

/**
 * The user's fixtures directories: `--fixtures <dir>` first (it wins a name clash), then the
 * config's. A flag naming no directory is a typo worth stopping for; a config entry may name
 * one not created yet.
 */
export function fixtureDirs(flag: string | undefined, settings: Settings, cwd: string): string[] {
  if (flag === undefined) return settings.fixtureDirs;
  const dir = resolve(cwd, flag);
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    // reported below
  }
  if (!isDir) throw new UsageError(`--fixtures ${flag} is not a directory`, 'give the directory holding <provider>/<event>.json files');
  return [dir, ...settings.fixtureDirs];
}
