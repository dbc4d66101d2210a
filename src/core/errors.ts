/** Exit codes are part of the CLI contract (README "Exit codes", docs/ci.md). */
export const ExitCode = {
  ok: 0,
  checkFailed: 1,
  usage: 2,
  io: 3,
  /** A bug in hookctl (sysexits' EX_SOFTWARE): the error boundary says so and asks for a report. */
  internal: 70,
  interrupted: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** An error the user can act on: one line, a hint, and the exit code it maps to. */
export class HookctlError extends Error {
  readonly exitCode: ExitCode;
  readonly hint: string | undefined;
  constructor(message: string, options: { exitCode: ExitCode; hint?: string; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'HookctlError';
    this.exitCode = options.exitCode;
    this.hint = options.hint;
  }
}

/** Bad usage or input: unknown event, bad URL, unreadable capture, bad config. Exit 2. */
export class UsageError extends HookctlError {
  constructor(message: string, hint?: string, cause?: unknown) {
    super(message, { exitCode: ExitCode.usage, hint, cause });
    this.name = 'UsageError';
  }
}

/** A check failed: invalid signature, `--expect` not met, conformance failure. Exit 1. */
export class CheckFailedError extends HookctlError {
  constructor(message: string, hint?: string) {
    super(message, { exitCode: ExitCode.checkFailed, hint });
    this.name = 'CheckFailedError';
  }
}

/** Network or I/O failure: refused, timeout, DNS, disk. Exit 3. */
export class IoError extends HookctlError {
  constructor(message: string, hint?: string, cause?: unknown) {
    super(message, { exitCode: ExitCode.io, hint, cause });
    this.name = 'IoError';
  }
}
