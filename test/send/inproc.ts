import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.js';
import { cryptoRandom } from '../../src/core/random.js';
import type { CliResult } from '../support/cli.js';

/** The CLI in this process (no spawn) with an injected world: for input validation, where no server is involved. */
export async function runInProcess(args: string[], cwd: string): Promise<CliResult> {
  const collect = () => {
    const s = new PassThrough();
    let text = '';
    s.setEncoding('utf8').on('data', (d: string) => { text += d; });
    return { s, text: () => text };
  };
  const stdout = collect();
  const stderr = collect();
  const code = await main(args, {
    stdout: stdout.s, stderr: stderr.s, stdin: new PassThrough(), cwd, now: Date.now, random: cryptoRandom(),
    env: { NO_COLOR: '1', CI: '1' }, signal: new AbortController().signal,
  });
  await new Promise((resolve) => setImmediate(resolve));
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
