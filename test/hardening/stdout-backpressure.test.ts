import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { pacedLines } from '../../src/commands/listen/lines.js';
import { cryptoRandom } from '../../src/core/random.js';
import { post } from './server.js';

/** A stdout whose reader never reads: the first write is taken, every later one waits until `release`. */
function stalledStdout(highWaterMark = 16 * 1024) {
  let waiting: (() => void)[] = [];
  let stalled = true;
  const written: Buffer[] = [];
  const stream = new Writable({
    highWaterMark,
    write(chunk: Buffer, _enc, cb) {
      written.push(chunk);
      if (stalled && written.length > 1) waiting.push(cb);
      else cb();
    },
  });
  return {
    stream,
    written,
    text: () => Buffer.concat(written).toString('utf8'),
    release() {
      stalled = false;
      const w = waiting;
      waiting = [];
      for (const cb of w) cb();
    },
  };
}

const ticks = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
};

describe('pacedLines (issue 13, break 4)', () => {
  it('human output drops past the bound, counts it, and says so once stdout drains', async () => {
    const out = stalledStdout(1000);
    const sink = pacedLines(out.stream, false, 1000);
    for (let i = 0; i < 2000; i++) {
      sink.push(`line ${i} ${'x'.repeat(40)}`);
      if (i % 50 === 0) await ticks(1);
    }
    await ticks(3);
    expect(out.stream.writableLength).toBeLessThan(4000);
    expect(sink.dropped).toBeGreaterThan(1500);
    out.release();
    await ticks(3);
    expect(out.text()).toMatch(/… \d+ lines not shown: stdout was not keeping up/);
  });

  it('NDJSON never drops: ready() waits while the bound is pending, then every line arrives in order', async () => {
    const out = stalledStdout(1000);
    const sink = pacedLines(out.stream, true, 1000);
    let readyAt = -1;
    for (let i = 0; i < 200; i++) {
      await Promise.race([
        sink.ready(),
        ticks(5).then(() => {
          throw new Error(`held at ${i}`);
        }),
      ]).catch(() => {
        if (readyAt < 0) readyAt = i;
      });
      if (readyAt >= 0) break;
      sink.push(JSON.stringify({ n: i, pad: 'x'.repeat(40) }));
      await ticks(1);
    }
    expect(readyAt).toBeGreaterThan(0);
    const held = sink.ready();
    out.release();
    await held;
    for (let i = readyAt; i < readyAt + 10; i++) sink.push(JSON.stringify({ n: i, pad: 'x'.repeat(40) }));
    sink.flush();
    await ticks(3);
    const ns = out
      .text()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).n);
    expect(ns).toEqual(Array.from({ length: readyAt + 10 }, (_, i) => i));
    expect(sink.dropped).toBe(0);
  });
});

describe('listen with a stdout nobody reads (issue 13, break 4)', () => {
  it('--verbose: memory for output stays bounded, every delivery is still answered and counted', async () => {
    const out = stalledStdout();
    const stderr = new PassThrough();
    let err = '';
    stderr.setEncoding('utf8').on('data', (d: string) => {
      err += d;
    });
    const abort = new AbortController();
    const run = main(['listen', '--port', '0', '--no-store', '--verbose'], {
      stdout: out.stream,
      stderr,
      stdin: new PassThrough(),
      cwd: process.cwd(),
      now: Date.now,
      random: cryptoRandom(),
      env: { NO_COLOR: '1', CI: '1' },
      signal: abort.signal,
    });
    while (!/listening on (\S+)/.test(err)) await new Promise((r) => stderr.once('data', r));
    const url = (/listening on (\S+)/.exec(err) as RegExpExecArray)[1] as string;
    const body = Buffer.from(JSON.stringify({ type: 'bulk', pad: 'y'.repeat(4000) }));
    for (let round = 0; round < 30; round++) {
      const answers = await Promise.all(Array.from({ length: 50 }, () => post(url, body, { 'content-type': 'application/json' })));
      expect(answers.every((a) => a.status === 200)).toBe(true);
    }
    // 1,500 verbose blocks of 4 KB would be 6 MB; the stream and the sink hold at most about 2 MiB.
    expect(out.stream.writableLength).toBeLessThan(2.5 * 1024 * 1024);
    abort.abort();
    expect(await run).toBe(0);
    expect(err).toMatch(/1500 deliveries/);
    expect(err).toMatch(/! \d+ result lines were not shown because stdout was not keeping up \(every delivery was still captured\)/);
  });
});
