import { mkdirSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeCapture } from '../../src/core/store/index.js';
import { makeCapture, storeWith, tempDir } from './helpers.js';
import type { CliResult } from '../support/cli.js';
import { runInProcess } from '../support/inproc.js';

const lines = (s: string) => s.trim().split('\n').filter(Boolean);

/** Exit `code`, a one-line `✗` error matching `message` plus at most a hint, no warnings, no stack. */
function expectError(r: CliResult, code: number, message: RegExp | string, hint?: RegExp): void {
  expect(r.code, r.stderr).toBe(code);
  const err = lines(r.stderr);
  expect(err[0]).toMatch(/^✗ /);
  if (typeof message === 'string') expect(err[0]).toBe(`✗ ${message}`);
  else expect(err[0]).toMatch(message);
  expect(err.length).toBeLessThanOrEqual(2);
  if (hint) expect(err[1]).toMatch(hint);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

const now = Date.now();
const good = makeCapture({ provider: 'github', secret: 's', body: '{"n":1}', at: now - 3000 });
const bad = makeCapture({ provider: 'github', secret: 's', body: '{"n":2}', at: now - 2000 });
const after = makeCapture({ provider: 'github', secret: 's', body: '{"n":3}', at: now - 1000 });

describe('an explicitly named capture file with a damaged record is exit 2', () => {
  let cwd: string;
  beforeAll(() => {
    cwd = tempDir();
    // One good record, then one with a byte changed after it was written: its checksum no longer matches.
    writeFileSync(join(cwd, 'two.ndjson'), encodeCapture(good) + encodeCapture(bad).replace('{\\"n\\":2}', '{\\"n\\":7}'));
    // An export cut with `head -c 3000`.
    const pad = 'x'.repeat(1200);
    const big = [0, 1, 2].map((i) => makeCapture({ provider: 'github', secret: 's', body: `{"i":${i},"pad":"${pad}"}`, at: now - 100 + i }));
    writeFileSync(join(cwd, 'cut.ndjson'), Buffer.from(big.map(encodeCapture).join('')).subarray(0, 3000));
  });

  it('verify two.ndjson names the file, the line and the checksum mismatch', async () => {
    const r = await runInProcess(['verify', 'two.ndjson', '--secret', 's'], { cwd });
    expectError(
      r,
      2,
      `two.ndjson is not a readable capture file: checksum mismatch (the record was altered or damaged), on line 2 (capture ${bad.id})`,
      /^ {2}hint: .*re-export it with `hookctl captures export`, or fix the file$/,
    );
    expect(r.stdout).toBe('');
  });

  it('replay two.ndjson fails before sending anything', async () => {
    const r = await runInProcess(['replay', 'two.ndjson', '--to', ':3900'], { cwd });
    expectError(r, 2, /^✗ two\.ndjson is not a readable capture file: checksum mismatch .*on line 2/);
    expect(r.stdout).toBe('');
  });

  it('a truncated export (head -c 3000) is exit 2 for verify and replay', async () => {
    for (const args of [
      ['verify', 'cut.ndjson'],
      ['replay', 'cut.ndjson', '--to', ':3900'],
    ]) {
      expectError(await runInProcess(args, { cwd }), 2, /^✗ cut\.ndjson is not a readable capture file: incomplete last record \(.*cut short\), on line 2 \(capture /);
    }
  });

  it('the store stays lenient: a torn last record is skipped with a warning, exit 0', async () => {
    const dir = await storeWith([good, after]);
    const [name] = readdirSync(join(dir, 'captures'));
    const file = join(dir, 'captures', name as string);
    truncateSync(file, readFileSync(file).length - 20);
    const r = await runInProcess(['captures', 'list', '--store', dir, '--json']);
    expect(r.code).toBe(0);
    expect(lines(r.stdout).map((l) => JSON.parse(l).id)).toEqual([good.id]);
    expect(r.stderr).toMatch(/incomplete last record .*: skipped/);
  });
});

describe('a directory in the place of a segment', () => {
  it('captures list lists the real captures and names the directory it skipped', async () => {
    const dir = await storeWith([good]);
    const place = join(dir, 'captures', 'zzzzzzzzzzzzzzzzzz.ndjson');
    mkdirSync(place);
    const r = await runInProcess(['captures', 'list', '--store', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(good.id);
    expect(r.stderr).toContain(`${place}: a directory is in the place of a capture segment: skipped`);
  });
});

describe('a damaged capture asked for by id', () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = await storeWith([good, bad, after]);
    const [name] = readdirSync(join(dir, 'captures'));
    file = join(dir, 'captures', name as string);
    const data = readFileSync(file);
    data[data.indexOf('{\\"n\\":2}') + 6] = '7'.charCodeAt(0);
    writeFileSync(file, data);
  });

  it('captures show and verify say it is damaged, with the segment and line, exit 2', async () => {
    for (const args of [
      ['captures', 'show', bad.id],
      ['verify', bad.id],
      ['replay', bad.id, '--to', ':3900'],
    ]) {
      expectError(await runInProcess([...args, '--store', dir]), 2, `capture ${bad.id} is damaged in ${file}, line 2: checksum mismatch (the record was altered or damaged)`);
    }
  });

  it('its neighbours still show', async () => {
    const r = await runInProcess(['captures', 'show', after.id, '--store', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(after.id);
  });
});

describe('captures --provider must name a known provider', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await storeWith([good]);
  });

  it('an unknown provider is exit 2 with a did-you-mean, for list and export', async () => {
    expectError(await runInProcess(['captures', 'list', '--provider', 'githb', '--store', dir]), 2, 'unknown provider "githb"', /did you mean "github"/);
    expectError(await runInProcess(['captures', 'export', '--provider', 'nope', '--store', dir]), 2, 'unknown provider "nope"');
  });

  it('a custom provider from the config is known; a built-in matches in any case', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, '.hookctlrc.json'), '{"providers":[{"id":"acme","extends":"github"}]}');
    const custom = await runInProcess(['captures', 'list', '--provider', 'acme', '--store', dir], { cwd });
    expect(custom.code, custom.stderr).toBe(0);
    expect(custom.stdout + custom.stderr).toContain(`no captures in ${dir} match the filters`);
    const upper = await runInProcess(['captures', 'list', '--provider', 'GitHub', '--store', dir, '--json']);
    expect(upper.code).toBe(0);
    expect(lines(upper.stdout).map((l) => JSON.parse(l).id)).toEqual([good.id]);
  });
});

describe('captures with an unknown subcommand', () => {
  it('names the valid subcommands, with a did-you-mean', async () => {
    expectError(await runInProcess(['captures', 'nope']), 2, 'unknown captures subcommand "nope": it is one of list, show, export, clear, tail', /hookctl captures --help/);
    expectError(await runInProcess(['captures', 'shwo', 'last']), 2, /unknown captures subcommand "shwo"/, /did you mean hookctl captures show\?/);
  });

  it('options before `list` still list; before another subcommand, say where it goes', async () => {
    const dir = await storeWith([good]);
    const r = await runInProcess(['captures', '--store', dir, 'list', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(lines(r.stdout)).toHaveLength(1);
    expectError(await runInProcess(['captures', '--store', dir, 'show', good.id]), 2, /"show" must come before the options/);
    expectError(await runInProcess(['captures', 'list', 'extra', '--store', dir]), 2, /captures list takes no arguments \(got "extra"\)/);
  });
});

describe('verify or replay of a directory', () => {
  it('says it is a directory, exit 2', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'adir'));
    mkdirSync(join(cwd, 'some-dir'));
    for (const args of [
      ['verify', 'adir'],
      ['verify', 'some-dir'],
      ['verify', './adir'],
      ['replay', 'adir', '--to', ':3900'],
    ]) {
      expectError(await runInProcess(args, { cwd }), 2, /^✗ cannot read \.?\/?(adir|some-dir): it is a directory, not a capture$/);
    }
  });
});
