import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/core/store/index.js';
import { runCli } from '../support/cli.js';
import { spawnLive } from '../inspector/support.js';

type Live = Awaited<ReturnType<typeof spawnLive>>;

/**
 * Issue 22, item 1: processes sharing one store. Two `listen`s write it under load while `captures
 * clear`, `captures export` and `ui` run in other processes. What is checked is what was promised:
 * every acknowledged delivery is in the store afterwards, unless a clear counted it as removed.
 */
describe('a store shared by processes loses no acknowledged delivery (issue 22, item 1)', () => {
  let store: string;
  let listens: Live[];
  let ui: Live;
  let seq = 0;

  beforeAll(async () => {
    store = join(mkdtempSync(join(tmpdir(), 'hookctl-shared-')), 'store');
    listens = await Promise.all([spawnLive(['listen', '--port', '0', '--no-ui', '--store', store], tmpdir()), spawnLive(['listen', '--port', '0', '--no-ui', '--store', store], tmpdir())]);
    ui = await spawnLive(['ui', '--port', '0', '--store', store], tmpdir());
  });
  afterAll(async () => {
    for (const l of [...(listens ?? []), ui]) expect(await l?.stop()).toBe(0);
  });

  /** One delivery to one of the listens; resolves with the capture id of a 2xx answer. */
  async function deliver(): Promise<string> {
    const n = seq++;
    const url = `${(listens[n % 2] as Live).banner.url}/webhooks/custom`;
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ n }) });
    const answer = (await res.json()) as { id: string };
    expect(res.status).toBe(200);
    return answer.id;
  }

  /** Delivers with `c` senders until `until` settles and at least `min` are acknowledged. */
  async function load(until: Promise<unknown>, min: number, c = 8): Promise<string[]> {
    const acked: string[] = [];
    let done = false;
    void until.finally(() => {
      done = true;
    });
    await Promise.all(
      Array.from({ length: c }, async () => {
        while (!done || acked.length < min) acked.push(await deliver());
      }),
    );
    return acked;
  }

  const present = async () => new Set((await openStore(store).list()).map((c) => c.id));

  it('clear, export and ui beside two listens: every acknowledged delivery is stored or counted by a clear', async () => {
    let cleared = 0;
    let during: string[] = [];
    for (let round = 0; round < 3; round++) {
      // A clear in another process while both listens are busy...
      const clear = runCli(['captures', 'clear', '--yes', '--json', '--store', store]);
      during = during.concat(await load(clear, 100));
      const result = await clear;
      expect(result.code, result.stderr).toBe(0);
      cleared += JSON.parse(result.stdout).cleared as number;
      // ...and afterwards, deliveries no clear can have removed: each must be in the store.
      const after = await load(Promise.resolve(), 100);
      const stored = await present();
      expect(after.filter((id) => !stored.has(id))).toEqual([]);
      during = during.filter((id) => !stored.has(id));
    }
    // What a clear removed while deliveries were acknowledged is at most what it counted.
    expect(during.length).toBeLessThanOrEqual(cleared);

    // An export while both write: a strict reader of its output finds only whole records.
    const exporting = runCli(['captures', 'export', '--store', store]);
    const acked = await load(exporting, 100);
    const exported = await exporting;
    expect(exported.code, exported.stderr).toBe(0);
    const lines = exported.stdout.trim().split('\n');
    expect(lines.every((l) => l.startsWith('{"v":1,'))).toBe(true);
    const stored = await present();
    expect(acked.filter((id) => !stored.has(id))).toEqual([]);

    // ui follows the same store: it lists what the listens wrote since it started.
    const token = new URL(ui.banner.inspector as string).searchParams.get('token');
    const list = (await (await fetch(`${new URL(ui.banner.inspector as string).origin}/_hookctl/api/captures?token=${token}`)).json()) as { captures: { id: string }[] };
    expect(list.captures.length).toBeGreaterThan(0);
    for (const l of [...listens, ui]) expect(l.stderr()).not.toMatch(/\n\s+at |Error:/);
  });
});
