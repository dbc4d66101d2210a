import { verify as octokitVerify } from '@octokit/webhooks-methods';
import { tmpdir } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { fromCapture } from '../../src/core/captures/source.js';
import { parseEdits } from '../../src/core/delivery/edits.js';
import { buildReplay } from '../../src/core/replay/build.js';
import { getProvider } from '../../src/core/providers/registry.js';
import { seededRandom } from '../../src/core/random.js';
import { makeCapture } from '../captures/helpers.js';
import { runInProcess } from '../support/inproc.js';
import { startServer, type TestServer } from '../support/server.js';

const record = (headers: [string, string][]) => Object.fromEntries(headers.map(([k, v]) => [k.toLowerCase(), v]));

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('--set, --add and --remove beyond send', () => {
  it('replay --resign applies them, array indexes included, then signs the edited body', async () => {
    const body = JSON.stringify({ action: 'opened', labels: [{ name: 'a' }, { name: 'b' }], draft: true });
    const c = makeCapture({ provider: 'github', secret: 'gh', body, at: Date.now(), extraHeaders: [['X-GitHub-Delivery', 'old-guid']] });
    const edits = parseEdits({ set: ['labels[0].name=bug'], add: ['labels.1={"name":"new"}', 'number=7'], remove: ['draft', 'labels.0'] });
    const r = buildReplay(fromCapture(c), {
      profile: getProvider('github'),
      secrets: ['gh'],
      resign: true,
      edits,
      now: Date.now(),
      random: seededRandom(1),
    } as Parameters<typeof buildReplay>[1]);
    expect(JSON.parse(r.body.toString())).toEqual({ action: 'opened', labels: [{ name: 'bug' }, { name: 'new' }], number: 7 });
    expect(await octokitVerify('gh', r.body.toString(), record(r.headers)['x-hub-signature-256'] as string)).toBe(true);
  });

  it('replay takes the flags from the command line', async () => {
    const r = await runInProcess(['replay', 'nope.json', '--resign', '--remove', 'a..b', '--to', ':1'], { cwd: tmpdir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--remove path "a..b" has an empty segment');
  });

  it('test applies them to every delivery it sends', async () => {
    server = await startServer((_req, res) => {
      res.statusCode = 200;
      res.end('ok');
    });
    const r = await runInProcess(['test', '--to', server.url, '--provider', 'transcodely', '--only', 'event:job.completed', '--add', 'job.order_id="123"', '--remove', 'job.id'], { cwd: tmpdir() });
    expect(r.stderr).not.toContain('✗');
    expect(r.code).toBe(0);
    const job = JSON.parse(server.received[0]!.body.toString()).job;
    expect(job.order_id).toBe('123');
    expect('id' in job).toBe(false);
  });
});
