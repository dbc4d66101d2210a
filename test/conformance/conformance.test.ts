import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { runInProcess } from '../support/inproc.js';
import type { TestServer } from '../support/server.js';
import { startReceiver, SW_SECRET, TRANSCODELY_SECRET, type Flaw } from './receivers.js';

const ALL_REJECTIONS = [
  'invalid-signature',
  'wrong-secret',
  'missing-signature',
  'malformed-signature',
  'stale-timestamp',
  'future-timestamp',
  'missing-timestamp',
  'malformed-timestamp',
  'tampered-body',
];

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function suite(provider: 'transcodely' | 'standard-webhooks', flaw: Flaw, extra: string[] = []) {
  server = await startReceiver(provider, flaw);
  const secret = provider === 'transcodely' ? TRANSCODELY_SECRET : SW_SECRET;
  const r = await runInProcess(['test', '--to', `${server.url}/hooks`, '--provider', provider, '--secret', secret, '--json', ...extra], { timeoutMs: 30_000 });
  // The baseline row (a valid delivery sent before refusals are judged) is checked in test/verdicts.
  const rows = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { type: string; id: string; status: string; message?: string; warning?: string; failed?: number })
    .filter((x) => x.type !== 'baseline');
  const failed = rows
    .filter((x) => x.type === 'scenario' && x.status === 'fail')
    .map((x) => x.id)
    .sort();
  return { r, rows, failed };
}

describe('hookctl test catches each receiver bug with the right scenario', () => {
  it.each([
    ['transcodely', 'none', []],
    ['transcodely', 'crash-on-short-signature', ['malformed-signature']],
    ['transcodely', 'accepts-any-signature', ALL_REJECTIONS],
    // With no timestamp check at all it also accepts a missing timestamp, signed over `.{body}`.
    ['transcodely', 'ignores-timestamp', ['future-timestamp', 'malformed-timestamp', 'missing-timestamp', 'stale-timestamp']],
    // `parseInt('abc')` is NaN, and `NaN > 300` is false: the same unguarded check takes `abc` for fresh.
    ['transcodely', 'no-timestamp-check-when-missing', ['malformed-timestamp', 'missing-timestamp']],
    ['transcodely', 'not-idempotent', ['duplicate', 'retry']],
    ['standard-webhooks', 'none', []],
    ['standard-webhooks', 'accepts-any-signature', ALL_REJECTIONS],
    ['standard-webhooks', 'no-timestamp-check-when-missing', ['malformed-timestamp', 'missing-timestamp']],
    ['standard-webhooks', 'not-idempotent', ['duplicate', 'retry']],
  ] as const)('%s receiver with flaw %s fails exactly %j', async (provider, flaw, expected) => {
    const { r, failed, rows } = await suite(provider, flaw);
    expect(failed).toEqual([...expected].sort());
    expect(r.code).toBe(expected.length ? 1 : 0);
    expect(rows.at(-1)).toMatchObject({ type: 'summary', failed: expected.length });
  });

  it('a crash on a short signature is reported as a crash, with the fix said once for every probe it hit', async () => {
    const { rows } = await suite('transcodely', 'crash-on-short-signature', ['--only', 'malformed-signature']);
    expect(rows[0]!.message).toBe(
      'wrong length, base64 instead of hex, no prefix: answered 500: the receiver failed instead of rejecting; a verifier must refuse a signature of the wrong length, a missing header or a timestamp that is not a number with 401, not throw (compare lengths before the constant-time comparison, check each header is present and well formed)',
    );
  });

  it.each([
    ['transcodely', '`undefined.{body}`: the receiver skips the freshness check when the X-Transcodely-Timestamp header is missing'],
    ['standard-webhooks', '`{id}.undefined.{body}`: the receiver skips the freshness check when the webhook-timestamp header is missing'],
  ] as const)('a %s receiver that skips the freshness check without a timestamp is told so, with the fix', async (provider, text) => {
    const { rows } = await suite(provider, 'no-timestamp-check-when-missing', ['--only', 'missing-timestamp']);
    expect(rows[0]).toMatchObject({ id: 'missing-timestamp', status: 'fail', got: '401, 200, 401, 401, 401' });
    expect(rows[0]!.message).toBe(`no timestamp (undefined): accepted a delivery with no timestamp, signed over ${text}; reject a missing timestamp with 4xx`);
  });

  it('a slow receiver fails response-time only, and --slow warns below the limit', async () => {
    const slow = await suite('transcodely', 'slow', ['--timeout', '200', '--only', 'event:job.completed,duplicate,response-time']);
    expect(slow.failed).toEqual(['response-time']);
    await server?.close();
    const warned = await suite('transcodely', 'slow', ['--timeout', '5000', '--slow', '100', '--only', 'event:job.completed,response-time']);
    expect(warned.failed).toEqual([]);
    expect(warned.rows.find((x) => x.id === 'response-time')?.warning).toMatch(/above --slow 100 ms/);
  });

  it('skips timestamp scenarios for a provider that signs no timestamp, with the reason', async () => {
    server = await startReceiver('transcodely', 'accepts-any-signature');
    const r = await runInProcess(['test', '--to', server.url, '--provider', 'github', '--json', '--only', 'stale-timestamp,future-timestamp,missing-timestamp']);
    const rows = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.slice(0, 3).map((x) => [x.id, x.status, x.got])).toEqual([
      ['stale-timestamp', 'skip', 'github signs no timestamp'],
      ['future-timestamp', 'skip', 'github signs no timestamp'],
      ['missing-timestamp', 'skip', 'github signs no timestamp'],
    ]);
  });
});

describe('hookctl test output and exit codes', () => {
  it('writes JUnit XML that parses and counts the same failures as the human output', async () => {
    server = await startReceiver('transcodely', 'ignores-timestamp');
    const file = join(mkdtempSync(join(tmpdir(), 'hookctl-junit-')), 'junit.xml');
    const r = await runCli(['test', '--to', server.url, '--provider', 'transcodely', '--secret', TRANSCODELY_SECRET, '--junit', file]);
    expect(r.code).toBe(1);
    const xml = readFileSync(file, 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml);
    const cases = doc.testsuites.testsuite.testcase as { '@_name': string; failure?: unknown }[];
    const failedCases = cases.filter((c) => c.failure !== undefined).map((c) => c['@_name']);
    const humanFailed = r.stdout
      .split('\n')
      .filter((l) => l.startsWith('✘'))
      .map((l) => l.split(/\s+/)[1]);
    expect(failedCases.sort()).toEqual(humanFailed.sort());
    expect(Number(doc.testsuites['@_failures'])).toBe(4);
    expect(r.stdout).toMatch(/12 passed, 4 failed, 3 inconclusive, 0 skipped/);
  });

  it('expectations from the config override the default 4xx', async () => {
    server = await startReceiver('transcodely', 'none');
    const cwd = mkdtempSync(join(tmpdir(), 'hookctl-expect-'));
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(cwd, '.hookctlrc.json'), JSON.stringify({ expect: { invalidSignature: [403] } }));
    const r = await runInProcess(['test', '--to', server.url, '--provider', 'transcodely', '--secret', TRANSCODELY_SECRET, '--only', 'invalid-signature', '--json'], { cwd });
    const rows = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { type: string });
    expect(rows.find((x) => x.type === 'scenario')).toMatchObject({ id: 'invalid-signature', status: 'fail', expected: '403', got: '401' });
  });

  it('exits 3 with a hint when nothing listens at the target', async () => {
    const r = await runInProcess(['test', '--to', 'http://127.0.0.1:1/hooks']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^✗ .*\n {2}hint: /m);
  });

  it('a --junit path that cannot be written fails before a single request is sent', async () => {
    server = await startReceiver('transcodely', 'none');
    const dir = mkdtempSync(join(tmpdir(), 'hookctl-junit-'));
    const isDir = await runInProcess(['test', '--to', `${server.url}/hooks`, '--junit', dir]);
    expect(isDir.code).toBe(2);
    expect(isDir.stderr).toContain(`✗ --junit ${dir} is a directory`);
    const noDir = await runInProcess(['test', '--to', `${server.url}/hooks`, '--junit', join(dir, 'missing', 'junit.xml')]);
    expect(noDir.code).toBe(3);
    expect(noDir.stderr).toContain(`✗ cannot write the JUnit report in ${join(dir, 'missing')}: no such file`);
    expect(server.received).toHaveLength(0);
  });

  it('an unknown scenario name is a usage error listing the names', async () => {
    const r = await runInProcess(['test', '--to', ':3000', '--only', 'stale']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown scenario "stale"');
  });

  it('a custom provider with no events is a usage error, not a crash', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'hookctl-noevents-'));
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      join(cwd, '.hookctlrc.json'),
      JSON.stringify({
        providers: [
          {
            id: 'acme',
            scheme: { content: '{body}', signatures: [{ header: 'X-Sig', algorithm: 'sha256', encoding: 'hex', format: { style: 'prefixed', prefix: '' } }], secret: { encoding: 'utf8' } },
          },
        ],
      }),
    );
    const r = await runInProcess(['test', '--provider', 'acme', '--to', ':1'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('✗ acme has no events to test with');
  });

  it('a selection that leaves nothing to run is a usage error, not a pass', async () => {
    const none = await runInProcess(['test', '--to', ':1', '--only', 'events', '--skip', 'events']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('✗ --only and --skip leave no scenario to run');
    const empty = await runInProcess(['test', '--to', ':1', '--only', '']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('✗ --only names no scenario');
  });
});
