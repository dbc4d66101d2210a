import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nestsDeeperThan, parseBoundedJson } from '../../src/core/text/bounded-json.js';
import { runInProcess as runIn } from '../support/inproc.js';
import { getJson, http, runLive, type Running } from '../inspector/support.js';

/** 10 KB that nests 5,000 levels deep: JSON.stringify of it overflows the stack. */
const DEPTH = 5000;
const deep = `{"type":"job.completed","job":{"id":"j1"},"x":${'['.repeat(DEPTH)}1${']'.repeat(DEPTH)}}`;

describe('bounded JSON (issue 22, item 2)', () => {
  it('counts nesting outside strings only, and stops at the limit', () => {
    expect(nestsDeeperThan(deep)).toBe(true);
    expect(nestsDeeperThan(`{"a":"${'['.repeat(DEPTH)}"}`)).toBe(false);
    expect(nestsDeeperThan(`${'['.repeat(200)}${']'.repeat(200)}`)).toBe(false);
    expect(nestsDeeperThan(`${'['.repeat(201)}${']'.repeat(201)}`)).toBe(true);
    expect(nestsDeeperThan(`{"a":"\\"${'{'.repeat(300)}"}`)).toBe(false);
    expect(parseBoundedJson(deep)).toEqual({ ok: false, tooDeep: true });
    expect(parseBoundedJson('{"a":')).toEqual({ ok: false, tooDeep: false });
  });
});

describe('a body nested 5,000 levels deep gets verdicts, never a crash (issue 22, item 2)', () => {
  let cwd: string;
  let live: Running;
  let base: string;
  let token: string;

  beforeAll(async () => {
    cwd = mkdtempSync(join(tmpdir(), 'hookctl-deep-'));
    writeFileSync(join(cwd, 'deep.json'), deep);
    live = await runLive(['listen', '--port', '0'], cwd);
    const url = new URL(live.banner.inspector as string);
    token = url.searchParams.get('token') as string;
    base = `${url.origin}/_hookctl`;
    const sent = await runIn(['send', 'job.completed', '--to', live.banner.url as string, '--data', '@deep.json', '--signature', 'invalid'], { cwd });
    expect(sent.code, sent.stderr).toBe(0);
  });
  afterAll(async () => {
    expect(await live.stop()).toBe(0);
    expect(live.stderr()).not.toMatch(/RangeError|call stack|\n\s+at /);
  });

  it('verify last fails the signature and says the re-serialization checks were skipped', async () => {
    const r = await runIn(['verify', 'last', '--json'], { cwd });
    expect(r.code, r.stderr).toBe(1);
    const v = JSON.parse(r.stdout);
    expect(v.reason).toBe('no-match');
    expect(v.diagnosis.map((f: { code: string }) => f.code)).toContain('body-too-deep');
    expect(r.stderr).not.toMatch(/call stack/);
  });

  it('verify --body does the same for an ad hoc body', async () => {
    const r = await runIn(
      ['verify', '--provider', 'transcodely', '--body', 'deep.json', '-H', 'X-Transcodely-Timestamp: 1700000000', '-H', `X-Transcodely-Signature: sha256=${'0'.repeat(64)}`, '--now'],
      { cwd },
    );
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/nests deeper than 200 levels: the JSON re-serialization checks .* were skipped/);
  });

  it('send --data @file with an edit is refused with exit 2 and a hint, not a crash', async () => {
    const r = await runIn(['send', 'job.completed', '--to', live.banner.url as string, '--data', '@deep.json', '--set', 'type=y'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^✗ --data nests deeper than 200 levels: it cannot be edited\n {2}hint: send it without edits/m);
  });

  it('an edit value nested too deep is refused by name', async () => {
    const r = await runIn(['send', 'job.completed', '--dry-run', '--set', `job.id=${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^✗ --set job\.id: the value nests deeper than 200 levels\n/m);
  });

  it('captures show and the HAR export print it as received', async () => {
    const show = await runIn(['captures', 'show', 'last'], { cwd });
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain('[[[[[[[[');
    const har = await runIn(['captures', 'export', '--format', 'har'], { cwd });
    expect(har.code, har.stderr).toBe(0);
    expect(JSON.parse(har.stdout).log.entries[0].request.postData.text).toBe(deep);
  });

  it("the inspector's detail API answers 200, says the body is too deep for the tree, and its HAR downloads", async () => {
    const list = await getJson(`${base}/api/captures?token=${token}`);
    const id = list.captures[0].id as string;
    const d = await getJson(`${base}/api/captures/${id}?token=${token}`);
    expect(d.body.tooDeep).toBe(true);
    expect(d.body.text).toBe(deep);
    expect(d.check.json.diagnosis.map((f: { code: string }) => f.code)).toContain('body-too-deep');
    const har = await http(`${base}/api/captures/${id}/har?token=${token}`);
    expect(har.status).toBe(200);
  });
});
