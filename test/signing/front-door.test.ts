import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';

describe('the signing module has one front door', () => {
  it('no source file outside src/core/signing imports one of its files but index.ts', () => {
    const src = join(ROOT, 'src');
    const bypass = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.startsWith('core/signing/'))
      .flatMap((f) => [...readFileSync(join(src, f), 'utf8').matchAll(/from '[./]*(?:core\/)?signing\/([a-z-]+)\.js'/g)].filter((m) => m[1] !== 'index').map((m) => `${f}: ${m[0]}`));
    expect(bypass).toEqual([]);
  });
});
