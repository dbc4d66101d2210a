import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeLine, encodeCapture, type Capture } from '../../src/core/store/index.js';
import { printable } from '../../src/core/text/printable.js';
import { makeCapture, storeWith, tempDir } from '../captures/helpers.js';
import { runInProcess as runIn } from '../support/inproc.js';
import { startServer, type TestServer } from '../support/server.js';

/** Title set, screen cleared, an OSC-8 link, a bell: what a hostile record would put on the terminal. */
const ESC = '\u001b]0;pwned\u0007\u001b[2J\u001b]8;;http://evil/\u0007x';
const at = Date.now() - 10_000;
const base = (n: number) => makeCapture({ provider: 'github', secret: 's', body: `{"n":${n}}`, at: at + n });
/** A checksum-valid record whose member breaks its documented type. */
const crafted = (c: Capture, patch: Record<string, unknown>) => encodeCapture({ ...c, ...patch } as unknown as Capture);

const hostile: [string, Record<string, unknown>][] = [
  ['response.status', { response: { status: ESC } }],
  ['verification.secretIndex', { verification: { ok: true, secretIndex: ESC } }],
  ['method', { method: `POST${ESC}` }],
  ['verification.reason', { verification: { ok: false, reason: ESC } }],
  ['forward.status', { forward: { url: 'http://a', status: ESC } }],
  ['duplicateOf', { duplicateOf: ESC }],
];

describe('crafted capture records never reach the terminal raw (issue 22, item 4)', () => {
  let dir: string;
  let receiver: TestServer;
  const good = base(99);

  beforeAll(async () => {
    dir = await storeWith([good]);
    const lines = hostile.map(([, patch], i) => crafted(base(i), patch));
    writeFileSync(join(dir, 'captures', '00000000000000000a.ndjson'), lines.join(''));
    receiver = await startServer();
  });
  afterAll(() => receiver.close());

  it('decoding refuses each record, naming the member that has the wrong type', () => {
    for (const [field, patch] of hostile) {
      const line = Buffer.from(crafted(base(0), patch).trimEnd());
      expect(decodeLine(line)).toEqual({ ok: false, problem: `field "${field}" is missing or has the wrong type` });
    }
  });

  it('captures list, show and replay print no escape sequence, and name the refused records', async () => {
    const runs = [
      await runIn(['captures', 'list', '--store', dir], { cwd: dir }),
      await runIn(['captures', 'show', 'last', '--store', dir], { cwd: dir }),
      await runIn(['replay', 'last', '--to', receiver.url, '--store', dir], { cwd: dir }),
    ];
    for (const r of runs) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout + r.stderr).not.toMatch(/[\u0007\u001b]/);
    }
    for (const [field] of hostile) expect(runs[0]?.stderr).toContain(`field "${field}" is missing or has the wrong type`);
    expect(runs[0]?.stdout).toContain(good.id);
  });
});

describe('the printable filter escapes invisible format characters outside bodies (issue 22, item 4)', () => {
  it('zero-width, bidi marks, separators, soft hyphen, BOM and tag characters are shown escaped', () => {
    expect(printable('job.com\u200bpleted')).toBe('job.com\\u200bpleted');
    for (const ch of ['\u200c', '\u200d', '\u2060', '\ufeff', '\u200e', '\u200f', '\u061c', '\u2028', '\u2029', '\u00ad', '\u{e0041}', '\u{e007f}']) {
      expect(printable(`a${ch}b`)).not.toContain(ch);
    }
    expect(printable('a\u{e0041}b')).toBe('a\\u{e0041}b');
    expect(printable('café ✔ 👍')).toBe('café ✔ 👍');
  });

  it('captures list shows an event named with a zero-width space as what it is', async () => {
    const dir = await storeWith([makeCapture({ provider: 'github', secret: 's', body: '{}', event: 'job.com\u200bpleted', at })], tempDir());
    const r = await runIn(['captures', 'list', '--store', dir], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('job.com\\u200bpleted');
    expect(r.stdout).not.toContain('\u200b');
  });
});
