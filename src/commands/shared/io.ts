import { cryptoRandom, type Random } from '../../core/random.js';

/** The world a command sees. Injected so tests run commands without spawning, with a fixed clock. */
export interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Clock in ms. */
  now: () => number;
  /**
   * Monotonic clock in ms that durations are measured with (a handshake's deadline); performance.now
   * unless a test injects one, so "answered too late" is tested without waiting.
   */
  monotonic?: () => number;
  random: Random;
  /** Aborted on Ctrl-C; long-running commands stop cleanly when it fires. */
  signal: AbortSignal;
  /**
   * Calls `listener` if the process runs out of work while a step still waits (a config module
   * whose top-level await never settles): without it the process would just end, exit 0. Returns
   * the unsubscribe. Absent where nothing can tell (tests in one process).
   */
  onIdle?: (listener: () => void) => () => void;
}

export function processIo(signal: AbortSignal): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    now: Date.now,
    random: cryptoRandom(),
    signal,
    onIdle(listener) {
      process.once('beforeExit', listener);
      return () => process.off('beforeExit', listener);
    },
  };
}
