import { ExitCode, HookctlError } from '../core/errors.js';
import type { Io } from '../commands/shared/io.js';
import { printable, printableLines } from '../core/text/printable.js';

/**
 * The single place errors become exit codes and one `✗ message` line (plus a hint) on stderr.
 * Messages may quote file or request contents: each is kept to one line, control characters escaped.
 */
export function reportError(err: unknown, io: Io, debug: boolean): number {
  const write = (s: string) => io.stderr.write(`${s}\n`);
  if (err instanceof HookctlError) {
    write(`✗ ${printable(err.message)}`);
    if (err.hint) write(`  hint: ${printable(err.hint)}`);
    if (debug && err.stack) write(printableLines(err.stack));
    return err.exitCode;
  }
  const e = err as NodeJS.ErrnoException;
  if (e && typeof e === 'object' && ['EACCES', 'EPERM', 'ENOSPC', 'EROFS', 'EMFILE', 'EIO'].includes(e.code ?? '')) {
    write(`✗ ${printable(e.message)}`);
    write('  hint: check permissions and free space where hookctl reads and writes');
    return ExitCode.io;
  }
  write(`✗ unexpected error: ${printable(e?.message ?? String(err))}`);
  write(debug ? printableLines(String(e?.stack ?? '')) : '  hint: run again with --debug for the stack trace, and report it');
  return ExitCode.internal;
}
