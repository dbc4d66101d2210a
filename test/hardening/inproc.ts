import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.js';
import { cryptoRandom } from '../../src/core/random.js';
import type { CliResult } from '../support/cli.js';

export interface InProcOptions {
  cwd?: string;
  stdin?: PassThrough;
  signal?: AbortSignal;
  env?: Record<string, string>;
}

/** The CLI in this process with an injected world, including stdin and the Ctrl-C signal. */
export async function runIn(args: string[], o: InProcOptions = {}): Promise<CliResult> {
  const collect = () => {
    const s = new PassThrough();
    let text = '';
    s.setEncoding('utf8').on('data', (d: string) => {
      text += d;
    });
    return { s, text: () => text };
  };
  const stdout = collect();
  const stderr = collect();
  const stdin = o.stdin ?? new PassThrough();
  if (!o.stdin) stdin.end();
  const code = await main(args, {
    stdout: stdout.s,
    stderr: stderr.s,
    stdin,
    cwd: o.cwd ?? process.cwd(),
    now: Date.now,
    random: cryptoRandom(),
    env: { NO_COLOR: '1', CI: '1', ...o.env },
    signal: o.signal ?? new AbortController().signal,
  });
  await new Promise((resolve) => setImmediate(resolve));
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
