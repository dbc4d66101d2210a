import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.js';
import { cryptoRandom } from '../../src/core/random.js';
import { type CliOptions, type CliResult, cliEnv, ROOT } from './cli.js';

/**
 * The CLI in this process (no spawn), with the world injected as runCli gives it to the bin: the
 * same environment, working directory and stdin. For usage and bad-input checks, where starting
 * Node per case would cost most of the suite; each command keeps one test that spawns the bin.
 */
export interface InProcessOptions extends CliOptions {
  /** A stream to read as stdin, left open for the test to write (instead of `input`). */
  stdin?: PassThrough;
  /** The Ctrl-C signal the command sees (a test aborts it to interrupt). */
  signal?: AbortSignal;
  /** The monotonic clock durations are measured with: a test moves it on to make an answer late without waiting. */
  monotonic?: () => number;
}

export async function runInProcess(args: string[], opts: InProcessOptions = {}): Promise<CliResult> {
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
  const stdin = opts.stdin ?? new PassThrough();
  if (!opts.stdin) stdin.end(opts.input ?? '');
  const abort = new AbortController();
  if (opts.signal?.aborted) abort.abort();
  else opts.signal?.addEventListener('abort', () => abort.abort(), { once: true });
  const env = Object.fromEntries(Object.entries(cliEnv(opts.env)).filter(([, v]) => v !== undefined));
  // The bin prints process warnings (TimeoutOverflowWarning...) on its stderr: so does this runner.
  const onWarning = (w: Error) => stderr.s.write(`(node) ${w.name}: ${w.message}\n`);
  process.on('warning', onWarning);
  const run = main(args, {
    stdout: stdout.s,
    stderr: stderr.s,
    stdin,
    cwd: opts.cwd ?? ROOT,
    now: Date.now,
    random: cryptoRandom(),
    env,
    signal: abort.signal,
    ...(opts.monotonic ? { monotonic: opts.monotonic } : {}),
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort.abort();
      reject(new Error(`hookctl ${args.join(' ')} timed out\n${stderr.text()}`));
    }, opts.timeoutMs ?? 15_000);
  });
  try {
    const code = await Promise.race([run, timeout]);
    // Let the streams hand over what was written in the last tick.
    await new Promise((resolve) => setImmediate(resolve));
    return { code, stdout: stdout.text(), stderr: stderr.text() };
  } finally {
    clearTimeout(timer);
    process.off('warning', onWarning);
  }
}
