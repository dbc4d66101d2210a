import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { seededRandom } from '../../src/core/random.js';
import { encodeCapture, idGenerator, openStore, readCaptureFile, type Capture, type StoreWarning } from '../../src/core/store/index.js';

let dir: string;
let clock: number;
let newId: () => string;
let warnings: StoreWarning[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hookctl-store-'));
  clock = Date.UTC(2026, 0, 2, 3, 4, 5, 678);
  newId = idGenerator(() => clock, seededRandom(7));
  warnings = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function capture(body: Buffer | string, extra: Partial<Capture> = {}): Capture {
  const buf = typeof body === 'string' ? Buffer.from(body) : body;
  clock += 1000;
  return {
    id: newId(),
    receivedAt: new Date(clock).toISOString(),
    method: 'POST',
    path: '/webhooks?x=1',
    headers: [
      ['Host', 'localhost'],
      ['X-Hub-Signature-256', 'sha256=abc'],
      ['x-dup', 'a'],
      ['X-Dup', 'b'],
    ],
    body: buf,
    bodySha256: sha(buf),
    provider: 'github',
    event: 'push',
    verification: { ok: true, secretIndex: 0 },
    response: { status: 200 },
    ...extra,
  };
}

const open = () => openStore(dir, { onWarning: (w) => warnings.push(w), segmentBytes: 4096 });
const segmentFiles = () =>
  readdirSync(join(dir, 'captures'))
    .sort()
    .map((f) => join(dir, 'captures', f));

describe('capture store', () => {
  it('append then list returns captures newest first, byte-exact', async () => {
    const store = open();
    const bodies = [
      Buffer.from('{"a":1}'),
      randomBytes(300), // binary: stored as base64
      Buffer.from('\ufeff{"bom":true,"nl":"a\nb","sep":"\u2028","é":"ü"}\r\n'),
      Buffer.alloc(0),
    ];
    const written = bodies.map((b) => capture(b));
    for (const c of written) await store.append(c);
    const listed = await store.list();
    expect(listed.map((c) => c.id)).toEqual(written.map((c) => c.id).reverse());
    for (const c of listed) {
      const original = written.find((w) => w.id === c.id) as Capture;
      expect(c.body.equals(original.body)).toBe(true);
      expect(sha(c.body)).toBe(original.bodySha256);
      expect(c.headers).toEqual(original.headers);
      expect(c).toEqual(original);
    }
    expect(warnings).toEqual([]);
    await store.close();
  });

  it('get accepts an id, a unique prefix and last', async () => {
    const store = open();
    const a = capture('a');
    clock += 10_000_000; // a different time prefix, so a short prefix is unique
    const b = capture('b');
    await store.append(a);
    await store.append(b);
    expect((await store.get(a.id)).body.toString()).toBe('a');
    expect((await store.get(b.id.toUpperCase())).id).toBe(b.id);
    expect((await store.get('last')).id).toBe(b.id);
    expect((await store.get(a.id.slice(0, 9))).id).toBe(a.id);
    await expect(store.get(a.id.slice(0, 3))).rejects.toThrow(/matches several captures/);
    await expect(store.get('0000000000zzzz')).rejects.toThrow(/no capture/);
    await store.close();
  });

  it('rejects refs that are not ids, so nothing can escape the store directory', async () => {
    const store = open();
    await store.append(capture('x'));
    for (const ref of ['../../etc/passwd', '/etc/passwd', 'a/b', '..', '.', 'a\\b', '%2e%2e', '', 'x'.repeat(19)]) {
      const err = await store.get(ref).catch((e: unknown) => e);
      expect(err, ref).toBeInstanceOf(UsageError);
      expect((err as UsageError).exitCode).toBe(2);
    }
    await store.close();
  });

  it('an empty or missing store lists nothing, and last is a usage error', async () => {
    const store = openStore(join(dir, 'nothing-here'));
    expect(await store.list()).toEqual([]);
    await expect(store.get('last')).rejects.toBeInstanceOf(UsageError);
  });

  it('skips a torn trailing record with a warning', async () => {
    const store = open();
    const all = [capture('one'), capture('two'), capture('three')];
    for (const c of all) await store.append(c);
    await store.close();
    const [file] = segmentFiles();
    const size = readFileSync(file as string).length;
    truncateSync(file as string, size - 20);
    const listed = await open().list();
    expect(listed.map((c) => c.body.toString())).toEqual(['two', 'one']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toMatch(/incomplete last record/);
    expect(warnings[0]?.where).toContain(file);
  });

  it('skips a record with one flipped byte, with a warning, and keeps the rest', async () => {
    const store = open();
    const all = [capture('{"n":1}'), capture('{"n":2}'), capture('{"n":3}')];
    for (const c of all) await store.append(c);
    await store.close();
    const [file] = segmentFiles();
    const data = readFileSync(file as string);
    const at = data.indexOf('{\\"n\\":2}') + 6; // the digit inside the second body
    data[at] = '7'.charCodeAt(0);
    writeFileSync(file as string, data);
    const listed = await open().list();
    expect(listed.map((c) => c.body.toString())).toEqual(['{"n":3}', '{"n":1}']);
    expect(warnings.map((w) => w.message)).toEqual([expect.stringMatching(/checksum mismatch/)]);
  });

  it('survives garbage lines, a flipped newline and an unknown format version', async () => {
    const store = open();
    for (const c of [capture('a'), capture('b')]) await store.append(c);
    await store.close();
    const [file] = segmentFiles();
    const future = encodeCapture(capture('c')).replace('{"v":1,', '{"v":9,');
    const text = readFileSync(file as string, 'utf8');
    writeFileSync(file as string, `garbage\n\n{"v":1}\n${text.replace('\n', 'X')}${future}\u0000\u0001\n`);
    // The reader resynchronizes at the next record start: the flipped newline costs one byte, not two captures.
    const listed = await open().list();
    expect(listed.map((c) => c.body.toString())).toEqual(['b', 'a']);
    expect(warnings.length).toBeGreaterThanOrEqual(4);
    expect(warnings.some((w) => /newer hookctl/.test(w.message))).toBe(true);
    expect(warnings.some((w) => /1 stray byte where a newline belongs/.test(w.message))).toBe(true);
    await expect(open().get('last')).resolves.toMatchObject({ body: Buffer.from('b') });
  });

  it('filters by provider, event, failed verification and time', async () => {
    const store = open();
    const ok = capture('1', { provider: 'stripe', event: 'invoice.paid' });
    const bad = capture('2', { provider: 'github', event: 'push', verification: { ok: false, reason: 'no-match' } });
    const late = capture('3', { provider: 'github', event: 'ping' });
    for (const c of [ok, bad, late]) await store.append(c);
    expect((await store.list({ provider: 'github' })).map((c) => c.id)).toEqual([late.id, bad.id]);
    expect((await store.list({ event: 'invoice.paid' })).map((c) => c.id)).toEqual([ok.id]);
    expect((await store.list({ failed: true })).map((c) => c.id)).toEqual([bad.id]);
    expect((await store.list({ sinceMs: Date.parse(late.receivedAt) })).map((c) => c.id)).toEqual([late.id]);
    await store.close();
  });

  it('rotates segments and still finds every capture, then clear removes them all', async () => {
    const store = open();
    const all = Array.from({ length: 40 }, (_, i) => capture(`{"i":${i},"pad":"${'x'.repeat(200)}"}`));
    for (const c of all) await store.append(c);
    expect(segmentFiles().length).toBeGreaterThan(1);
    expect((await store.list()).map((c) => c.id)).toEqual(all.map((c) => c.id).reverse());
    for (const c of [all[0], all[17], all[39]] as Capture[]) expect((await store.get(c.id)).body.equals(c.body)).toBe(true);
    expect(await store.clear()).toBe(40);
    expect(await store.list()).toEqual([]);
    await store.append(capture('after clear'));
    expect((await store.get('last')).body.toString()).toBe('after clear');
    await store.close();
  });

  it('recent reads the newest captures across segments, within a byte budget, cutting no record in half', async () => {
    const store = open();
    const all = Array.from({ length: 40 }, (_, i) => capture(`{"i":${i},"pad":"${'x'.repeat(200)}"}`));
    for (const c of all) await store.append(c);
    const newestFirst = all.map((c) => c.id).reverse();
    expect((await store.recent(5)).map((c) => c.id)).toEqual(newestFirst.slice(0, 5));
    expect((await store.recent(100)).map((c) => c.id)).toEqual(newestFirst);
    // About six records' worth of bytes: only whole records come back, the newest ones, with no warning.
    const few = await store.recent(100, 6 * 1000);
    expect(few.length).toBeGreaterThan(2);
    expect(few.length).toBeLessThan(10);
    expect(few.map((c) => c.id)).toEqual(newestFirst.slice(0, few.length));
    expect(few.every((c, i) => c.body.equals(all[39 - i]!.body))).toBe(true);
    expect(warnings).toEqual([]);
    await store.close();
  });

  it('append resolves only once the record is in the file', async () => {
    const store = open();
    const c = capture('durable');
    await store.append(c);
    const text = segmentFiles()
      .map((f) => readFileSync(f, 'utf8'))
      .join('');
    expect(text).toContain(c.id);
    expect(text.endsWith('\n')).toBe(true);
    await store.close();
  });

  it('prepare fails with an I/O error (exit 3) when the directory cannot be created', async () => {
    writeFileSync(join(dir, 'a-file'), 'x');
    const err = await openStore(join(dir, 'a-file', 'store'))
      .prepare()
      .catch((e: unknown) => e);
    expect((err as { exitCode?: number }).exitCode).toBe(3);
  });

  it('readCaptureFile reads an exported record and reports damage', async () => {
    const c = capture('exported');
    const file = join(dir, 'one.ndjson');
    writeFileSync(file, `${encodeCapture(c)}torn{"v":1,`);
    const got = await readCaptureFile(file, (w) => warnings.push(w));
    expect(got).toEqual([c]);
    // Two damaged ranges: the stray bytes, then the record start cut short.
    expect(warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^not a record: 4 stray bytes/), expect.stringMatching(/^incomplete last record/)]);
    await expect(readCaptureFile(join(dir, 'missing'))).rejects.toBeInstanceOf(UsageError);
  });
});
