import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeCapture, storeWith, tempDir } from './helpers.js';
import { BIN, runCli } from '../support/cli.js';
import { runInProcess } from '../support/inproc.js';

const lines = (s: string) => s.trim().split('\n').filter(Boolean);
const json = (s: string) => lines(s).map((l) => JSON.parse(l) as Record<string, any>);

describe('hookctl captures', () => {
  let dir: string;
  const now = Date.now();
  const specs = [
    { provider: 'transcodely', secret: 's', body: '{"event":"job.completed","job":{"id":"a"}}', event: 'job.completed', at: now - 2 * 3_600_000 },
    { provider: 'stripe', secret: 's', body: '{"id":"evt_1","type":"invoice.paid"}', event: 'invoice.paid', at: now - 20 * 60_000, verification: { ok: false, reason: 'no-match' }, status: 401 },
    { provider: 'github', secret: 's', body: Buffer.from([0, 1, 2, 0xff]), event: 'push', at: now - 5 * 60_000 },
    { provider: 'transcodely', secret: 's', body: '{"event":"job.failed","job":{"id":"b"}}', event: 'job.failed', at: now - 1_000 },
  ];
  const captures = specs.map(makeCapture);
  beforeAll(async () => {
    dir = await storeWith(captures);
  });

  it('list: newest first; --json has id, receivedAt, method, path, provider, event, verification, body sha256', async () => {
    const r = await runCli(['captures', 'list', '--store', dir, '--json']);
    expect(r.code).toBe(0);
    const rows = json(r.stdout);
    expect(rows.map((c) => c.id)).toEqual(captures.map((c) => c.id).reverse());
    expect(rows[0]).toMatchObject({
      id: captures[3]!.id,
      receivedAt: captures[3]!.receivedAt,
      method: 'POST',
      path: '/webhooks/transcodely',
      provider: 'transcodely',
      event: 'job.failed',
      verification: { ok: true },
      bodySha256: captures[3]!.bodySha256,
    });
  });

  it('bare `captures` lists as a table', async () => {
    const r = await runInProcess(['captures', '--store', dir]);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)[0]).toMatch(/^ID\s+RECEIVED\s+METHOD\s+PATH\s+PROVIDER\s+EVENT\s+SIGNATURE\s+STATUS\s+BYTES$/);
    expect(lines(r.stdout)[2]).toMatch(/github\s+push\s+✔\s+200\s+4$/);
    expect(lines(r.stdout)[3]).toMatch(/stripe\s+invoice\.paid\s+✘ no-match\s+401/);
  });

  it.each([
    [
      ['--provider', 'transcodely'],
      [3, 0],
    ],
    [['--event', 'invoice.paid'], [1]],
    [['--failed'], [1]],
    [
      ['--since', '10m'],
      [3, 2],
    ],
    [['--since', '30m', '--provider', 'stripe'], [1]],
  ])('list %j filters', async (flags, expected) => {
    const r = await runInProcess(['captures', 'list', '--store', dir, '--json', ...flags]);
    expect(json(r.stdout).map((c) => c.id)).toEqual(expected.map((i) => captures[i]!.id));
  });

  it('show: metadata, headers in arrival order, the body; --raw round-trips through verify -', async () => {
    const r = await runInProcess(['captures', 'show', captures[0]!.id.slice(0, 16), '--store', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`id         ${captures[0]!.id}`);
    expect(r.stdout).toContain('Host: 127.0.0.1:4000\nContent-Type: application/json\nContent-Length: 42\nX-Transcodely-Timestamp:');
    expect(r.stdout.trimEnd().endsWith('{"event":"job.completed","job":{"id":"a"}}')).toBe(true);
    const raw = await runInProcess(['captures', 'show', 'last', '--store', dir, '--raw']);
    const v = await runInProcess(['verify', '-', '--secret', 's'], { input: raw.stdout });
    expect(v.code).toBe(0);
    const binary = await runInProcess(['captures', 'show', captures[2]!.id, '--store', dir, '--json']);
    expect(json(binary.stdout)[0]).toMatchObject({ bodyEncoding: 'base64', body: Buffer.from([0, 1, 2, 0xff]).toString('base64') });
  });

  it('export --format har: valid JSON listing every capture', async () => {
    const r = await runInProcess(['captures', 'export', '--format', 'har', '--store', dir]);
    expect(r.code).toBe(0);
    const har = JSON.parse(r.stdout);
    expect(har.log.version).toBe('1.2');
    expect(har.log.entries).toHaveLength(captures.length);
    expect(har.log.entries.map((e: any) => e._hookctl.id).sort()).toEqual(captures.map((c) => c.id).sort());
    const first = har.log.entries.find((e: any) => e._hookctl.id === captures[0]!.id);
    expect(first.request).toMatchObject({
      method: 'POST',
      url: 'http://127.0.0.1:4000/webhooks/transcodely',
      postData: { mimeType: 'application/json', text: '{"event":"job.completed","job":{"id":"a"}}' },
    });
    expect(first.request.headers[0]).toEqual({ name: 'Host', value: '127.0.0.1:4000' });
    expect(har.log.entries.find((e: any) => e._hookctl.id === captures[2]!.id).request.postData).toMatchObject({ encoding: 'base64', text: 'AAEC/w==' });
  });

  it('export --format ndjson: capture records that verify reads back', async () => {
    const r = await runInProcess(['captures', 'export', '--store', dir, '--provider', 'transcodely']);
    expect(lines(r.stdout)).toHaveLength(2);
    const file = join(tempDir(), 'export.ndjson');
    writeFileSync(file, r.stdout);
    const v = await runInProcess(['verify', file, '--secret', 's', '--tolerance', '0', '--json']);
    expect(json(v.stdout).map((o) => [o.id, o.ok])).toEqual([
      [captures[0]!.id, true],
      [captures[3]!.id, true],
    ]);
  });

  it('export --format curl: one runnable command per capture, byte-exact, to --to', async () => {
    const r = await runInProcess(['captures', 'export', captures[3]!.id, '--format', 'curl', '--to', 'localhost:3000', '--store', dir]);
    expect(r.stdout).toContain("curl -sS http://localhost:3000/webhooks/transcodely \\\n  -H 'Content-Type: application/json'");
    expect(r.stdout).not.toMatch(/-H 'Host:|Content-Length/);
    expect(r.stdout).toContain(`--data-binary '{"event":"job.failed","job":{"id":"b"}}'`);
    expect(spawnSync('bash', ['-n'], { input: r.stdout }).status).toBe(0);
  });

  it('clear refuses without a terminal unless --yes, then removes everything', async () => {
    const own = await storeWith(specs.slice(0, 2).map(makeCapture));
    const refused = await runInProcess(['captures', 'clear', '--store', own]);
    expect(refused.code).toBe(2);
    expect(lines(refused.stderr)).toEqual([`✗ refusing to clear ${own} without confirmation: stdin is not a terminal`, '  hint: pass --yes to clear from a script']);
    expect(json((await runInProcess(['captures', 'list', '--store', own, '--json'])).stdout)).toHaveLength(2);
    const cleared = await runInProcess(['captures', 'clear', '--yes', '--store', own]);
    expect(cleared).toMatchObject({ code: 0, stdout: `removed 2 captures from ${own}\n` });
    expect((await runInProcess(['captures', 'list', '--store', own, '--json'])).stdout).toBe('');
  });

  it.skipIf(spawnSync('script', ['--version']).status !== 0)('clear on a terminal asks, and deletes only on yes', async () => {
    const own = await storeWith(specs.slice(0, 2).map(makeCapture));
    const onTty = (answer: string) =>
      spawnSync('script', ['-qec', `${process.execPath} ${BIN} captures clear --store ${own}`, '/dev/null'], { input: `${answer}\n`, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const no = onTty('n');
    expect(no.stdout).toContain(`delete 2 captures in ${own}? [y/N]`);
    expect(no.stdout).toContain('nothing deleted');
    expect(json((await runInProcess(['captures', 'list', '--store', own, '--json'])).stdout)).toHaveLength(2);
    expect(onTty('y').stdout).toContain(`removed 2 captures from ${own}`);
    expect((await runInProcess(['captures', 'list', '--store', own, '--json'])).stdout).toBe('');
  });

  it('bad input: unknown id, a path, a bad --since, exit 2 with one line', async () => {
    for (const args of [
      ['show', 'zzzz'],
      ['show', '../../etc/passwd'],
      ['list', '--since', 'yesterday'],
      ['export', 'nope'],
    ]) {
      const r = await runInProcess(['captures', ...args, '--store', dir]);
      expect(r.code).toBe(2);
      expect(lines(r.stderr)[0]).toMatch(/^✗ /);
      expect(lines(r.stderr).length).toBeLessThanOrEqual(2);
    }
  });
});
