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
  random: Random;
  /** Aborted on Ctrl-C; long-running commands stop cleanly when it fires. */
  signal: AbortSignal;
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
  };
}

/** Options every command receives (declared once on the root program). */
export interface GlobalOptions {
  json?: boolean;
  color?: boolean;
  config?: string;
  debug?: boolean;
}
