import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.js';
import { cryptoRandom } from '../../src/core/random.js';
import type { CliResult } from '../support/cli.js';

/** The CLI in this process with an injected world (env and clock included): no spawn per case. */
export async function hookctl(args: string[], o: { cwd?: string; env?: Record<string, string>; now?: () => number } = {}): Promise<CliResult> {
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
  const code = await main(args, {
    stdout: stdout.s,
    stderr: stderr.s,
    stdin: new PassThrough(),
    cwd: o.cwd ?? process.cwd(),
    now: o.now ?? Date.now,
    random: cryptoRandom(),
    env: { NO_COLOR: '1', CI: '1', ...o.env },
    signal: new AbortController().signal,
  });
  await new Promise((resolve) => setImmediate(resolve));
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
