import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type StoreWarning } from '../../src/core/store/index.js';

let root: string;
let umask: number;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'hookctl-modes-'));
  umask = process.umask();
});
afterEach(() => {
  process.umask(umask);
  rmSync(root, { recursive: true, force: true });
});

const mode = (p: string) => statSync(p).mode & 0o777;
const capture = (id: string) => ({
  id,
  receivedAt: new Date(0).toISOString(),
  method: 'POST',
  path: '/',
  headers: [['a', 'b']] as [string, string][],
  body: Buffer.from('{}'),
  bodySha256: '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
});

describe('captures are private (issue 13, break 6)', () => {
  for (const mask of [0o000, 0o022, 0o277]) {
    it(`store directory 0700 and segments 0600 under umask ${mask.toString(8).padStart(3, '0')}`, async () => {
      process.umask(mask);
      const dir = join(root, 'nested', '.hookctl');
      const store = openStore(dir);
      await store.prepare();
      await store.append(capture('a00000000000000001'));
      await store.close();
      expect(mode(dir)).toBe(0o700);
      expect(mode(join(dir, 'captures'))).toBe(0o700);
      const segments = readdirSync(join(dir, 'captures'));
      expect(segments).toHaveLength(1);
      for (const s of segments) expect(mode(join(dir, 'captures', s))).toBe(0o600);
    });
  }

  it('a new store holds a .gitignore of `*`, so captures are never committed by accident', async () => {
    const dir = join(root, '.hookctl');
    const store = openStore(dir);
    await store.append(capture('a00000000000000001'));
    await store.close();
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('*\n');
  });

  it('an existing store others can read gets a warning naming the fix; a private one none', async () => {
    const open = join(root, 'open');
    mkdirSync(join(open, 'captures'), { recursive: true });
    chmodSync(open, 0o755);
    const warnings: StoreWarning[] = [];
    const store = openStore(open, { onWarning: (w) => warnings.push(w) });
    await store.prepare();
    await store.close();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toMatch(/readable by other users \(mode 755\).*chmod -R go-rwx/);
    const closed = join(root, 'closed');
    mkdirSync(join(closed, 'captures'), { recursive: true, mode: 0o700 });
    chmodSync(closed, 0o700);
    const quiet: StoreWarning[] = [];
    const s2 = openStore(closed, { onWarning: (w) => quiet.push(w) });
    await s2.prepare();
    await s2.close();
    expect(quiet).toEqual([]);
  });
});
