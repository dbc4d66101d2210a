import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCapture, storeWith } from '../captures/helpers.js';
import { getJson, runLive } from '../inspector/support.js';
import { runInProcess as runIn } from '../support/inproc.js';
import { startServer, type TestServer } from '../support/server.js';

const now = Date.now();
const capture = makeCapture({ provider: 'github', secret: 's', body: '{"n":1}', at: now - 1000 });

/**
 * Issue 22, item 3: a FIFO and a directory named like segments. Opening a FIFO to read waits for a
 * writer, in a thread nothing interrupts; every reader must skip both with one warning and go on.
 */
describe('special files where segments should be are skipped with a warning (issue 22, item 3)', () => {
  let cwd: string;
  let store: string;
  let receiver: TestServer;

  beforeAll(async () => {
    store = await storeWith([capture]);
    cwd = store;
    const segs = join(store, 'captures');
    // Named after ids later than the real capture, so `last` and `recent` meet them first.
    execFileSync('mkfifo', [join(segs, 'zzzzzzzzzzzzzzzzzz.ndjson')]);
    mkdirSync(join(segs, 'zzzzzzzzzzzzzzzzzy.ndjson'));
    receiver = await startServer();
  });
  afterAll(() => receiver.close());

  const warned = (stderr: string) => {
    expect(stderr).toMatch(/a named pipe \(FIFO\) is in the place of a capture segment: skipped/);
    expect(stderr).toMatch(/a directory is in the place of a capture segment: skipped/);
    expect(stderr).not.toMatch(/\n\s+at /);
  };

  it('captures list, show, verify last and replay read the real capture and warn about the rest', async () => {
    const list = await runIn(['captures', 'list', '--store', store], { cwd });
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain(capture.id);
    warned(list.stderr);
    const show = await runIn(['captures', 'show', 'last', '--store', store], { cwd });
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain('{"n":1}');
    const verify = await runIn(['verify', 'last', '--secret', 's', '--store', store], { cwd });
    expect(verify.code, verify.stderr).toBe(0);
    const replay = await runIn(['replay', 'last', '--to', receiver.url, '--store', store], { cwd });
    expect(replay.code, replay.stderr).toBe(0);
    expect(receiver.received.at(-1)?.body.toString()).toBe('{"n":1}');
  });

  it('ui and listen start, list the real capture, warn once, and stop on Ctrl-C', async () => {
    for (const args of [
      ['ui', '--port', '0', '--store', store],
      ['listen', '--port', '0', '--store', store],
    ]) {
      const live = await runLive(args, cwd);
      const url = new URL(live.banner.inspector as string);
      // The inspector reads the store after the banner: ask until the capture is listed.
      const listed = async (): Promise<string[]> => (await getJson(`${url.origin}/_hookctl/api/captures?token=${url.searchParams.get('token')}`)).captures.map((c: { id: string }) => c.id);
      for (let ids = await listed(); !ids.includes(capture.id); ids = await listed()) await new Promise((r) => setTimeout(r, 20));
      expect(await live.stop()).toBe(0);
      warned(live.stderr());
      // Once per reader, never at every poll: listen reads the store's tail before it binds, then its inspector follows it.
      expect(live.stderr().match(/named pipe/g)?.length, live.stderr()).toBeLessThanOrEqual(args[0] === 'ui' ? 1 : 2);
    }
  });
});
