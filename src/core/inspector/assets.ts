import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** The page's files as built into dist/web (tsc output plus the copied HTML and CSS). */
export const DEFAULT_ASSETS_DIR = fileURLToPath(new URL('../../web/', import.meta.url));

export interface Asset {
  type: string;
  body: Buffer;
}

/**
 * The page's files, read once and served from memory. Only the names found in the directory are
 * served (a flat listing, nothing below it), so a request path never becomes a file path.
 */
export function assetStore(dir: string): (name: string) => Promise<Asset | undefined> {
  let loaded: Promise<Map<string, Asset>> | undefined;
  const load = async () => {
    const files = new Map<string, Asset>();
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      const type = TYPES[extname(name)];
      if (type) files.set(name, { type, body: await readFile(join(dir, name)) });
    }
    return files;
  };
  return async (name) => {
    loaded ??= load();
    return (await loaded).get(name);
  };
}
