import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { seededRandom } from '../../src/core/random.js';
import { listFilter } from '../../src/core/captures/select.js';
import { loadRef } from '../../src/core/captures/source.js';
import { decodeCaptureFile, encodeCapture, idGenerator, openStore, type Capture, type StoreWarning } from '../../src/core/store/index.js';
import type { ProviderProfile } from '../../src/core/providers/types.js';

let dir: string;
let clock: number;
let newId: () => string;
let warnings: StoreWarning[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hookctl-damage-'));
  clock = Date.UTC(2026, 0, 2, 3, 4, 5, 678);
  newId = idGenerator(() => clock, seededRandom(11));
  warnings = [];
});
afterEach(() => {
  try {
    chmodSync(join(dir, 'captures'), 0o755);
  } catch {
    /* not there */
  }
  rmSync(dir, { recursive: true, force: true });
});

function capture(body: string, extra: Partial<Capture> = {}): Capture {
  const buf = Buffer.from(body);
  clock += 1000;
  return {
    id: newId(),
    receivedAt: new Date(clock).toISOString(),
    method: 'POST',
    path: '/hooks',
    headers: [['Host', 'localhost']],
    body: buf,
    bodySha256: createHash('sha256').update(buf).digest('hex'),
    provider: 'github',
    event: 'push',
    ...extra,
  };
}

const open = () => openStore(dir, { onWarning: (w) => warnings.push(w) });
const segments = () =>
  readdirSync(join(dir, 'captures'))
    .sort()
    .map((f) => join(dir, 'captures', f));
const usage = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UsageError);
  return err as UsageError;
};

/** One segment holding these captures, with the body `{"n":2}` changed to `{"n":7}` in place. */
async function storeWithFlippedByte(all: Capture[]): Promise<string> {
  const store = open();
  for (const c of all) await store.append(c);
  await store.close();
  const [file] = segments() as [string];
  const data = readFileSync(file);
  data[data.indexOf('{\\"n\\":2}') + 6] = '7'.charCodeAt(0);
  writeFileSync(file, data);
  return file;
}

describe('a capture file named explicitly is read strictly', () => {
  it('a record with a changed byte is a usage error naming the file, the line and the capture', () => {
    const good = capture('{"n":1}');
    const bad = capture('{"n":2}');
    const text = encodeCapture(good) + encodeCapture(bad).replace('{\\"n\\":2}', '{\\"n\\":7}');
    const err = (() => {
      try {
        decodeCaptureFile(Buffer.from(text), 'two.ndjson');
      } catch (e) {
        return e;
      }
    })() as UsageError;
    expect(err).toBeInstanceOf(UsageError);
    expect(err.exitCode).toBe(2);
    expect(err.message).toBe(`two.ndjson is not a readable capture file: checksum mismatch (the record was altered or damaged), on line 2 (capture ${bad.id})`);
    expect(err.hint).toMatch(/re-export it with `hookctl captures export`, or fix the file/);
  });

  it('a truncated export is a usage error about the cut-short last record', () => {
    const text = Buffer.from([capture('{"n":1}'), capture('{"n":2}'), capture('{"n":3}')].map(encodeCapture).join(''));
    const cut = text.subarray(0, text.length - 40);
    expect(() => decodeCaptureFile(cut, 'cut.ndjson')).toThrow(
      /^cut\.ndjson is not a readable capture file: incomplete last record \(the file ends in the middle of it: it was cut short\), on line 3/,
    );
  });

  it('a complete last record without its final newline is accepted; a newer version asks for an upgrade', () => {
    const all = [capture('a'), capture('b')];
    const text = all.map(encodeCapture).join('');
    expect(decodeCaptureFile(Buffer.from(text.slice(0, -1)), 'f').map((c) => c.id)).toEqual(all.map((c) => c.id));
    const future = encodeCapture(capture('c')).replace('{"v":1,', '{"v":9,');
    const err = (() => {
      try {
        decodeCaptureFile(Buffer.from(text + future), 'f');
      } catch (e) {
        return e;
      }
    })() as UsageError;
    expect(err.message).toMatch(/written in format v9 by a newer hookctl.*on line 3/);
    expect(err.hint).toBe('upgrade hookctl to read it');
  });

  it('loadRef: verify/replay of a damaged capture file fail instead of warning and skipping', async () => {
    const text = encodeCapture(capture('{"n":1}')) + encodeCapture(capture('{"n":2}')).replace('{\\"n\\":2}', '{\\"n\\":7}');
    writeFileSync(join(dir, 'two.ndjson'), text);
    const warned: string[] = [];
    const ctx = { cwd: dir, store: () => open(), readStdin: async () => Buffer.alloc(0), limits: { max: 1024 * 1024 }, warn: (t: string) => warned.push(t) };
    const err = await usage(loadRef('two.ndjson', ctx));
    expect(err.message).toMatch(/^two\.ndjson is not a readable capture file: checksum mismatch .*on line 2/);
    expect(warned).toEqual([]);
  });

  it('the store itself stays lenient: the same damage in a segment is skipped with a warning', async () => {
    const all = [capture('{"n":1}'), capture('{"n":2}'), capture('{"n":3}')];
    await storeWithFlippedByte(all);
    expect((await open().list()).map((c) => c.id)).toEqual([all[2]!.id, all[0]!.id]);
    expect(warnings.map((w) => w.message)).toEqual([expect.stringMatching(/checksum mismatch.*: skipped$/)]);
  });
});

describe('asking the store for a damaged capture by id', () => {
  it('says the capture is damaged, with the segment and line, not that there is no such capture', async () => {
    const all = [capture('{"n":1}'), capture('{"n":2}'), capture('{"n":3}')];
    const file = await storeWithFlippedByte(all);
    const err = await usage(open().get(all[1]!.id));
    expect(err.message).toBe(`capture ${all[1]!.id} is damaged in ${file}, line 2: checksum mismatch (the record was altered or damaged)`);
    expect(err.hint).toMatch(/other captures are unaffected/);
    // It is the answer, not also a warning.
    expect(warnings).toEqual([]);
    // A unique prefix of it too.
    expect((await usage(open().get(all[1]!.id.slice(0, 14)))).message).toMatch(/is damaged in/);
    // The neighbours still read.
    expect((await open().get(all[0]!.id)).body.toString()).toBe('{"n":1}');
    expect((await open().get(all[2]!.id)).body.toString()).toBe('{"n":3}');
  });

  it('a torn last record asked for by id is damaged too; a prefix matching it and a good one is ambiguous', async () => {
    const store = open();
    const all = [capture('one'), capture('two')];
    for (const c of all) await store.append(c);
    await store.close();
    const [file] = segments() as [string];
    truncateSync(file, readFileSync(file).length - 20);
    expect((await usage(open().get(all[1]!.id))).message).toMatch(new RegExp(`^capture ${all[1]!.id} is damaged in .*, line 2: incomplete last record`));
    let n = 0;
    while (all[0]!.id[n] === all[1]!.id[n]) n++;
    const common = all[0]!.id.slice(0, n);
    expect((await usage(open().get(common))).message).toBe(`"${common}" matches several captures: ${all[0]!.id}, ${all[1]!.id} (damaged)`);
  });

  it('a record of a newer format asked for by id says so, not that it is damaged', async () => {
    const store = open();
    const c = capture('x');
    await store.append(c);
    await store.close();
    const [file] = segments() as [string];
    writeFileSync(file, readFileSync(file, 'utf8').replace('{"v":1,', '{"v":2,'));
    const err = await usage(open().get(c.id));
    expect(err.message).toBe(`capture ${c.id} (${file}, line 1) was written in format v2 by a newer hookctl (this one reads v1)`);
    expect(err.hint).toBe('upgrade hookctl to read it');
  });

  it('an unknown id is still "no capture"', async () => {
    await storeWithFlippedByte([capture('{"n":1}'), capture('{"n":2}')]);
    expect((await usage(open().get('0000000000zzzz'))).message).toMatch(/^no capture "0000000000zzzz"/);
  });
});

describe('a directory in the place of a segment', () => {
  it('is skipped with a warning naming it, for list, get and last: it holds no captures to lose', async () => {
    const store = open();
    const kept = capture('x');
    await store.append(kept);
    await store.close();
    // Named after a later id than the real segment's, so `last` meets it first.
    const place = join(dir, 'captures', 'zzzzzzzzzzzzzzzzzz.ndjson');
    mkdirSync(place);
    expect((await open().list()).map((c) => c.id)).toEqual([kept.id]);
    expect((await open().get('last')).id).toBe(kept.id);
    expect((await open().get(kept.id.slice(0, 12))).id).toBe(kept.id);
    // A lookup by id never opens a segment named after a later id: list and last warn, the prefix does not.
    expect(warnings.map((w) => `${w.where}: ${w.message}`)).toEqual(Array(2).fill(`${place}: a directory is in the place of a capture segment: skipped (move it out of the store)`));
  });
});

describe('--provider filters name a known provider', () => {
  const acme = { id: 'acme' } as ProviderProfile;

  it('an unknown provider is a usage error with a did-you-mean', () => {
    expect(() => listFilter({ provider: 'strpe' }, 0, [])).toThrow(/unknown provider "strpe"/);
    try {
      listFilter({ provider: 'strpe' }, 0, []);
    } catch (e) {
      expect((e as UsageError).hint).toMatch(/did you mean "stripe"/);
    }
  });

  it('a built-in (any case) or a custom provider filters by its id', () => {
    expect(listFilter({ provider: 'Stripe' }, 0, [])).toEqual({ provider: 'stripe' });
    expect(listFilter({ provider: 'acme' }, 0, [acme])).toEqual({ provider: 'acme' });
    expect(listFilter({}, 0, [])).toEqual({});
  });
});
