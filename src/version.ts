import { readFileSync } from 'node:fs';

/** Read once from package.json, which ships beside dist/ (one level below the package root, from src/ and dist/ alike). */
export const VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
