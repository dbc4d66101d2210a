import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';

const require = createRequire(import.meta.url);

// src/core/http/client.ts loads undici's Agent from a path that is not undici's public API (it saves
// a third of a one-shot send's start). An upgrade may move it: the pin makes upgrades deliberate, and this says what to check.
describe('undici, loaded through a private path', () => {
  it('is pinned exactly to the installed version', () => {
    const wanted = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).dependencies.undici;
    const installed = require('undici/package.json').version;
    expect(wanted, 'pin undici to an exact version: client.ts deep-imports undici/lib/dispatcher/agent.js').toBe(installed);
  });

  it('still has its Agent at lib/dispatcher/agent.js', async () => {
    // @ts-expect-error: a deep import with no type declarations, as in client.ts.
    const deep = (await import('undici/lib/dispatcher/agent.js')) as { default: unknown };
    expect(deep.default, 'undici moved its Agent: update loadAgent in src/core/http/client.ts, then the pin').toBe((await import('undici')).Agent);
  });
});
