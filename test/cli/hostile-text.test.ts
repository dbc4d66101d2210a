import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printable, printableLines } from '../../src/core/text/printable.js';
import { makeCapture, storeWith, tempDir } from '../captures/helpers.js';
import { post, startListen, type Listener } from '../listen/support.js';
import { runInProcess } from '../support/inproc.js';

/** Anything that can drive a terminal or reorder what it shows; newlines are checked separately. */
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const rawControls = (s: string) => [...s].filter((ch) => RAW_CONTROL.test(ch)).map((ch) => `U+${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);

const HOSTILE_EVENT = '\u001b[31mRED\u001b]0;title\u0007\r\nFAKE LINE ✔ verified \u202e';
// JSON.stringify escapes the C0 controls but leaves DEL, C1 and bidi characters raw in the body.
const hostileBody = JSON.stringify({ type: HOSTILE_EVENT, note: 'x\u009b[2J\u2066y\u007f' });
const cleanBody = JSON.stringify({ type: 'job.completed', note: 'plain' });
// node:http sends header values as UTF-8 and listen reads them as latin1: U+009B arrives as `Â` and the C1 control CSI.
const hostileHeaders: [string, string][] = [
  ['Content-Type', 'application/json'],
  ['X-Note', 'a\u009b31mb\u0085c\td'],
];
const cleanHeaders: [string, string][] = [
  ['Content-Type', 'application/json'],
  ['X-Note', 'plain'],
];

/** stdout lines belonging to each delivery id: its line up to the next delivery's. */
function linesPer(stdout: string, ids: string[]): Map<string, string[]> {
  const lines = stdout.split('\n').filter((l) => l !== '');
  const starts = ids.map((id) => lines.findIndex((l) => l.endsWith(id)));
  const sorted = [...starts].sort((a, b) => a - b);
  const out = new Map<string, string[]>();
  ids.forEach((id, i) => {
    const start = starts[i] as number;
    expect(start, `no line for ${id}`).toBeGreaterThanOrEqual(0);
    const next = sorted.find((s) => s > start) ?? lines.length;
    out.set(id, lines.slice(start, next));
  });
  return out;
}

async function deliverAll(l: Listener): Promise<{ clean: string; hostile: string; text: string }> {
  const id = (r: { body: string }) => JSON.parse(r.body).id as string;
  const clean = id(await post(`${l.url}/hooks`, cleanBody, cleanHeaders));
  const hostile = id(await post(`${l.url}/hooks`, hostileBody, hostileHeaders));
  const text = id(
    await post(`${l.url}/hooks`, 'ok\r✔ verified\u202e', [
      ['Content-Type', 'text/plain'],
      ['X-Note', 'plain'],
    ]),
  );
  await l.waitFor((x) => (x.text ?? '').endsWith(text));
  return { clean, hostile, text };
}

describe('untrusted text reaches the terminal escaped', () => {
  let cwd: string;
  let store: string;
  let plain: { l: Listener; ids: Awaited<ReturnType<typeof deliverAll>> };
  let verbose: { l: Listener; ids: Awaited<ReturnType<typeof deliverAll>> };

  beforeAll(async () => {
    cwd = tempDir('hookctl-hostile-text-');
    store = join(cwd, 'store');
    const a = await startListen(['--no-store'], { cwd, json: false });
    plain = { l: a, ids: await deliverAll(a) };
    const b = await startListen(['--verbose', '--store', store], { cwd, json: false });
    verbose = { l: b, ids: await deliverAll(b) };
    await a.stop();
    await b.stop();
  }, 30_000);
  afterAll(() => {
    rmSync(cwd, { recursive: true, force: true });
  });

  it('listen: the delivery line shows the hostile event escaped, on one line like a clean delivery', () => {
    const { l, ids } = plain;
    const out = l.stdout();
    expect(rawControls(out)).toEqual([]);
    const per = linesPer(out, [ids.clean, ids.hostile, ids.text]);
    expect(per.get(ids.hostile)).toHaveLength(per.get(ids.clean)!.length);
    expect(per.get(ids.hostile)).toHaveLength(1);
    expect(out).not.toMatch(/^FAKE LINE/m);
    expect(per.get(ids.hostile)![0]).toContain('\\x1b[31mRED\\x1b]0;title\\x07\\r\\nFAKE LINE ✔ verified \\u202e');
  });

  it("listen --verbose: headers and body escaped, the block as many lines as a clean delivery's", () => {
    const { l, ids } = verbose;
    const out = l.stdout();
    expect(rawControls(out)).toEqual([]);
    expect(out).not.toMatch(/^\s*FAKE LINE/m);
    const per = linesPer(out, [ids.clean, ids.hostile, ids.text]);
    expect(per.get(ids.hostile)!.length).toBe(per.get(ids.clean)!.length);
    const block = per.get(ids.hostile)!.join('\n');
    expect(block).toContain('    X-Note: aÂ\\x9b31mbÂ\\x85c\\td');
    // The pretty-printed body keeps hookctl's own lines; only what is inside the strings is escaped.
    expect(block).toContain('    {\n      "type": "\\u001b[31mRED\\u001b]0;title\\u0007\\r\\nFAKE LINE ✔ verified \\u202e",\n      "note": "x\\x9b[2J\\u2066y\\x7f"\n    }');
    expect(per.get(ids.text)!.join('\n')).toContain('    ok\\r✔ verified\\u202e');
  });

  it('captures list and show of those captures print no raw control characters', async () => {
    const list = await runInProcess(['captures', 'list', '--store', store]);
    expect(list.code).toBe(0);
    expect(rawControls(list.stdout)).toEqual([]);
    expect(list.stdout.trim().split('\n')).toHaveLength(4); // the header row and one row per capture
    const row = list.stdout.split('\n').find((r) => r.startsWith(verbose.ids.hostile));
    expect(row).toContain('\\x1b[31mRED\\x1b]0;title\\x07\\r\\nFAKE LINE ✔ verified \\u202e');

    const clean = await runInProcess(['captures', 'show', verbose.ids.clean, '--store', store]);
    for (const id of [verbose.ids.hostile, verbose.ids.text]) {
      const show = await runInProcess(['captures', 'show', id, '--store', store]);
      expect(show.code).toBe(0);
      expect(rawControls(show.stdout)).toEqual([]);
      expect(show.stdout.split('\n')).toHaveLength(clean.stdout.split('\n').length);
      expect(show.stdout).not.toMatch(/^FAKE LINE/m);
    }
    const show = await runInProcess(['captures', 'show', verbose.ids.hostile, '--store', store]);
    expect(show.stdout).toContain('X-Note: aÂ\\x9b31mbÂ\\x85c\\td');
    expect(show.stdout).toContain('"note":"x\\x9b[2J\\u2066y\\x7f"');
  });

  // A method or reason with control characters is refused when the record is decoded (crafted-records.test.ts).
  it('captures list and show escape a stored path, delivery id, event, detail and header', async () => {
    const evil = '/x\u001b[2J\u0007\r\nFAKE LINE ✔ valid\u202e\u0085';
    const base = { provider: 'transcodely', secret: 's', body: '{"event":"job.completed"}', event: 'job.completed', at: Date.now() - 1_000 };
    const good = makeCapture({ ...base, extraHeaders: [['X-Evil', 'nothing to see']] });
    const bad = {
      ...makeCapture({ ...base, path: evil, extraHeaders: [['X-Evil', evil]], verification: { ok: false, reason: 'no-match', detail: evil } }),
      deliveryId: evil,
      event: evil,
    };
    const dir = await storeWith([good, bad]);
    try {
      const list = await runInProcess(['captures', 'list', '--store', dir]);
      expect(rawControls(list.stdout)).toEqual([]);
      expect(list.stdout.trim().split('\n')).toHaveLength(3);
      const [a, b] = await Promise.all([good, bad].map((c) => runInProcess(['captures', 'show', c.id, '--store', dir])));
      expect(rawControls(b!.stdout)).toEqual([]);
      expect(b!.stdout.split('\n')).toHaveLength(a!.stdout.split('\n').length);
      expect(b!.stdout).toContain('/x\\x1b[2J\\x07\\r\\nFAKE LINE ✔ valid\\u202e\\x85');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('errors that quote hostile content', () => {
  let cwd: string;
  beforeAll(() => {
    cwd = tempDir('hookctl-hostile-errors-');
  });
  afterAll(() => {
    rmSync(cwd, { recursive: true, force: true });
  });
  const env = { HOOKCTL_SECRET: 'hostile_secret' };

  /** Exactly `✗ message` and `  hint: …`, neither carrying a raw control character. */
  function expectTwoLines(stderr: string): string {
    expect(rawControls(stderr)).toEqual([]);
    expect(stderr).toMatch(/^✗ [^\n]+\n {2}hint: [^\n]+\n$/);
    return stderr;
  }

  it('send --fixture with a file that starts with a newline and an escape sequence', async () => {
    writeFileSync(join(cwd, 'evil.json'), '\n\u001b[2J\u0007{not json \u202e');
    const r = await runInProcess(['send', 'job.completed', '--dry-run', '--fixture', 'evil.json'], { cwd, env });
    expect(r.code).not.toBe(0);
    expect(expectTwoLines(r.stderr)).toContain('\\n\\x1b[2J\\x07');
  });

  it('verify on a binary file and on garbage from stdin', async () => {
    writeFileSync(join(cwd, 'bin.dat'), Buffer.from([0x1b, 0x5b, 0x32, 0x4a, 0x07, 0x9b, 0xc2, 0x9b, 0x0d, 0xe2, 0x80, 0xae, 0x41, 0x0a, 0x42]));
    const file = await runInProcess(['verify', 'bin.dat'], { cwd, env });
    expect(file.code).not.toBe(0);
    expectTwoLines(file.stderr);
    const stdin = await runInProcess(['verify', '-'], { cwd, env, input: 'garb\u001b[2Jage\u0007\u202e\r\nmore' });
    expect(stdin.code).not.toBe(0);
    // What the input holds is not quoted at all (it may be a secret file): the line says where, not what.
    expect(expectTwoLines(stdin.stderr)).toContain('stdin is not an HTTP request: its first line is not a request line');
    expect(stdin.stderr).not.toContain('garb');
  });
});

describe('printable()', () => {
  it('escapes C0 controls (newlines and tabs too), DEL, C1 controls and bidi overrides', () => {
    expect(printable('a\u001b[31mb\u0007c')).toBe('a\\x1b[31mb\\x07c');
    expect(printable('1\n2\r3\t4\u0000')).toBe('1\\n2\\r3\\t4\\x00');
    expect(printable('\u007f\u0080\u009b\u009f')).toBe('\\x7f\\x80\\x9b\\x9f');
    expect(printable('\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069')).toBe('\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069');
  });

  it('leaves ordinary text and Unicode as it is', () => {
    expect(printable('Zoë ✔ 🎉')).toBe('Zoë ✔ 🎉');
    expect(printable('plain /path?q=1 "quoted" \\x1b literally')).toBe('plain /path?q=1 "quoted" \\x1b literally');
    expect(printable('\u00a0é')).toBe('\u00a0é');
  });

  it('printableLines keeps line feeds and tabs, escapes the rest', () => {
    expect(printableLines('a\n\tb\r\n\u001b[2J\u202eZoë ✔ 🎉')).toBe('a\n\tb\\r\n\\x1b[2J\\u202eZoë ✔ 🎉');
  });
});
