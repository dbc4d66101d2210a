import { type Dirent, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { ProviderProfile } from '../providers/types.js';

/** An event defined by a file in a fixtures directory of the user's: `<dir>/<folder>/<event>.json`. */
export interface UserFixture {
  name: string;
  file: string;
}

/**
 * The fixture files of a provider's folders in the user's directories, first directory first
 * (it wins a name clash, as in loading). Names nest like Shopify topics (`orders/create`).
 * A directory that does not exist holds no events: the config may name one not created yet.
 */
export function userFixtures(dirs: readonly string[], folders: readonly string[]): UserFixture[] {
  const out: UserFixture[] = [];
  const seen = new Set<string>();
  for (const base of dirs.flatMap((d) => folders.map((f) => join(d, f)))) {
    for (const file of jsonFiles(base)) {
      const name = relative(base, file).slice(0, -'.json'.length).split(sep).join('/');
      if (seen.has(name)) continue;
      seen.add(name);
      out.push({ name, file });
    }
  }
  return out;
}

function jsonFiles(dir: string, depth = 0): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, e.name);
    if (e.isDirectory() && depth < 4) out.push(...jsonFiles(path, depth + 1));
    else if (e.isFile() && e.name.endsWith('.json')) out.push(path);
  }
  return out;
}

/** The folders of a provider in a user's fixtures directory: its id, then the fixture folder it shares (`extends`). */
export function userFolders(profile: ProviderProfile): string[] {
  return [...new Set([profile.id, profile.fixtures ?? profile.id])];
}
