import type { Io } from '../commands/shared/io.js';

/** Run the CLI; resolves to the exit code. Never calls process.exit (but for a second Ctrl-C). */
export async function main(argv: string[], io?: Io): Promise<number> {
  // CI calls hookctl hundreds of times: answer --version before loading anything else.
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    const { VERSION } = await import('../version.js');
    (io?.stdout ?? process.stdout).write(`${VERSION}\n`);
    return 0;
  }
  const [{ ExitCode }, { reportError }, { processIo }] = await Promise.all([import('../core/errors.js'), import('./boundary.js'), import('../commands/shared/io.js')]);
  const abort = new AbortController();
  // First Ctrl-C (or SIGTERM: a cancelled CI job, `kill %1`) asks the command to stop cleanly,
  // with its summary; a second one leaves at once.
  const onSigint = () => {
    if (abort.signal.aborted) process.exit(ExitCode.interrupted);
    abort.abort();
  };
  // The reader went away (`hookctl events --json | head -1`): stop as on Ctrl-C, quietly, exit 0.
  let readerGone = false;
  const onPipeError = () => {
    readerGone = true;
    abort.abort();
  };
  if (!io) {
    process.on('SIGINT', onSigint);
    process.on('SIGTERM', onSigint);
    process.stdout.on('error', onPipeError);
    process.stderr.on('error', onPipeError);
  }
  if (!io) await preferBaselineWasm();
  const world = io ?? processIo(abort.signal);
  const debug = argv.includes('--debug');
  try {
    const { buildProgram, parseProgram } = await import('./program.js');
    const { program, exitCode } = await buildProgram(world, argv);
    const early = await parseProgram(program, argv);
    if (early !== undefined) return early;
    // A handler that returns a code after Ctrl-C has stopped cleanly on purpose (listen exits 0).
    const code = exitCode();
    // A command cut short only because its reader left has nothing to report: exit 0, not 130.
    if (readerGone) return code === undefined || code === ExitCode.interrupted ? ExitCode.ok : code;
    if (world.signal.aborted) return code ?? ExitCode.interrupted;
    return code ?? ExitCode.ok;
  } catch (err) {
    if (readerGone) return ExitCode.ok;
    return reportError(err, world, debug);
  } finally {
    process.removeListener('SIGINT', onSigint);
    process.removeListener('SIGTERM', onSigint);
  }
}

/**
 * undici parses responses with llhttp, a WebAssembly module. V8 recompiles it with its optimizing
 * tier on background threads, and the process cannot exit before that finishes: about 150 ms on
 * every one-shot send. Baseline (Liftoff) code parses webhook responses fast enough, bursts included.
 * A process-wide flag, so only the CLI's own process sets it, never the library a user imports.
 */
async function preferBaselineWasm(): Promise<void> {
  try {
    const { setFlagsFromString } = await import('node:v8');
    setFlagsFromString('--liftoff-only');
  } catch {
    /* an unknown flag on another engine version: keep the default */
  }
}
