import { Command, CommanderError } from '@commander-js/extra-typings';
import { COMMANDS, type Register } from './commands.js';
import { type AnyCommand, createContext, type Lazy } from '../commands/shared/context.js';
import { declareGlobals, type GlobalOptions } from '../commands/shared/globals.js';
import type { Io } from '../commands/shared/io.js';
import { VERSION } from '../version.js';
import { ExitCode, UsageError } from '../core/errors.js';

export interface Program {
  program: Command;
  /** What the handler returned; undefined when it returned nothing (0, or 130 after Ctrl-C). */
  exitCode(): number | undefined;
}

/**
 * The command a command line runs: its first word that is neither an option nor --config's value.
 * CI runs `hookctl send` hundreds of times: a run of one command declares only that command.
 */
function commandOf(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--config') i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

/**
 * Declares the commands (handlers live in src/commands and are imported only when run): the one the
 * command line names, or all of them for help, suggestions, completion and anything unknown.
 */
export async function buildProgram(io: Io, argv: readonly string[] = []): Promise<Program> {
  let code: number | undefined;
  const program = declareGlobals(
    new Command('hookctl').description('Test webhooks locally and offline: send signed deliveries, capture, verify and replay them.').version(VERSION, '-V, --version', 'print the version'),
  )
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // The boundary prints commander's errors in the house format instead.
      outputError: () => {},
    })
    .addHelpText(
      'after',
      `
Examples:
  $ hookctl send job.completed --to localhost:3000
  $ hookctl listen --port 4000 --forward-to localhost:3000
  $ hookctl verify last
  $ hookctl events --provider stripe`,
    );

  const lazy: Lazy = (command, load) => {
    command.action(async (...args: unknown[]) => {
      const cmd = args[args.length - 1] as AnyCommand;
      const globals: GlobalOptions = cmd.optsWithGlobals();
      const { default: handler } = await load();
      // Each command has one positional at most; a variadic one arrives as a list: hand over plain strings.
      const positionals = (cmd.processedArgs as (string | string[] | undefined)[]).flat().filter((a): a is string => a !== undefined);
      const result = await handler(cmd.opts(), createContext(io, globals, program), positionals);
      code = result ?? undefined;
    });
    return command;
  };

  const named = commandOf(argv);
  // Completion walks the whole program.
  const wanted = named !== undefined && named !== 'completion' && Object.hasOwn(COMMANDS, named) ? [named] : Object.keys(COMMANDS);
  const registers = await Promise.all(wanted.map((name) => (COMMANDS[name] as () => Promise<Register>)()));
  for (const register of registers) {
    const cmd = register(program, lazy);
    cmd.exitOverride().showSuggestionAfterError(true);
  }
  return { program, exitCode: () => code };
}

/**
 * Parses the command line and runs its command. Commander's own errors become the house's one-line
 * UsageError with a hint; help and --version resolve to their exit codes, a run to undefined.
 */
export async function parseProgram(program: Command, argv: readonly string[]): Promise<number | undefined> {
  try {
    await program.parseAsync(argv, { from: 'user' });
    return undefined;
  } catch (err) {
    if (!(err instanceof CommanderError)) throw err;
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return ExitCode.ok;
    // Bare `hookctl` shows help: a usage error.
    if (err.code === 'commander.help') return ExitCode.usage;
    const [message, ...rest] = err.message.replace(/^error: /, '').split('\n');
    const suggestion = rest
      .join(' ')
      .trim()
      .replace(/^\((.*)\)$/, '$1');
    // Point at the help of the command that was being typed, where the options are listed.
    const names = new Set(program.commands.map((c) => c.name()));
    const command = argv.find((a) => names.has(a));
    throw new UsageError(message ?? 'bad usage', suggestion || `run hookctl ${command ? `${command} ` : ''}--help`);
  }
}
