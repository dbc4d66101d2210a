import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * The fast tier (`npm run test:fast`): every test file that runs hookctl in this process. A file
 * that starts a process (the built CLI, listen as a child, a shell, npm, a browser) is in the full
 * suite only, and so is one whose first lines say `// test tier: full` (in-process, but seconds of
 * work: regenerating catalogues, 30 MiB bodies, fuzzing). The rule is read from the files
 * themselves, so a new test lands in the right tier by what it does.
 */
// child_process itself, the suite's helpers that spawn, a browser.
const STARTS_A_PROCESS = /from '(node:)?child_process'|\b(runCli|spawnLive|startListen|runShell)\(|chromium|playwright/;
/** Worker threads (the fast tier's pool: they start in a fraction of a process's time) cannot do these. */
const NEEDS_A_PROCESS = /process\.(umask|chdir)\(/;
const MARKED_FULL = /^(\/\/.*\n)*\/\/ test tier: full/;

const files = readdirSync('test', { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => join('test', f))
  .filter((f) => {
    const text = readFileSync(f, 'utf8');
    return !STARTS_A_PROCESS.test(text) && !NEEDS_A_PROCESS.test(text) && !MARKED_FULL.test(text);
  });

// Not mergeConfig: it would append this include to the full suite's instead of replacing it.
export default defineConfig({ ...base, test: { ...base.test, include: files, pool: 'threads' } });
