import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** Paths whose reads fail with EACCES: permission denied, even when the tests run as root. */
const denied = new Set<string>();

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const open = (async (path: unknown, ...rest: unknown[]) => {
    if (typeof path === 'string' && denied.has(path)) {
      throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES', errno: -13, syscall: 'open', path });
    }
    return (real.open as (...a: unknown[]) => Promise<unknown>)(path, ...rest);
  }) as typeof real.open;
  return { ...real, open, default: { ...real, open } };
});

const { IoError } = await import('../../src/core/errors.js');
const { openStore } = await import('../../src/core/store/index.js');
const { makeCapture } = await import('../captures/helpers.js');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hookctl-eacces-'));
});
afterEach(() => {
  denied.clear();
  rmSync(dir, { recursive: true, force: true });
});

describe('a store segment without read permission', () => {
  it('is an I/O error (exit 3) naming the segment, with a hint about permissions, not "no captures"', async () => {
    const store = openStore(dir);
    await store.append(makeCapture({ provider: 'github', secret: 's', body: '{}', at: Date.now() }));
    await store.close();
    const [name] = readdirSync(join(dir, 'captures'));
    const file = join(dir, 'captures', name as string);
    denied.add(file);
    const warnings: unknown[] = [];
    for (const read of [(s: ReturnType<typeof openStore>) => s.list(), (s: ReturnType<typeof openStore>) => s.get('last')]) {
      const err = await read(openStore(dir, { onWarning: (w) => warnings.push(w) })).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(IoError);
      expect(err).toMatchObject({ exitCode: 3, message: `cannot read the capture segment ${file}: permission denied`, hint: expect.stringMatching(/permissions/) });
    }
    expect(warnings).toEqual([]);
  });
});
