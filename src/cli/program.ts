import { Command, CommanderError } from 'commander';
import { createContext, type Lazy } from '../commands/shared/context.js';
import type { GlobalOptions, Io } from '../commands/shared/io.js';
import { registerCaptures } from './specs/captures.js';
import { registerCompletion } from './specs/completion.js';
import { registerEvents } from './specs/events.js';
import { registerKeys } from './specs/keys.js';
import { registerListen } from './specs/listen.js';
import { registerProviders } from './specs/providers.js';
import { registerReplay } from './specs/replay.js';
import { registerSend } from './specs/send.js';
import { registerTest } from './specs/test.js';
import { registerUi } from './specs/ui.js';
import { registerVerify } from './specs/verify.js';
import { VERSION } from '../version.js';

export interface Program {
  program: Command;
  /** What the handler returned; undefined when it returned nothing (0, or 130 after Ctrl-C). */
  exitCode(): number | undefined;
}

/** Declares every command; handlers live in src/commands and are imported only when run. */
export function buildProgram(io: Io): Program {
  let code: number | undefined;
  const program = new Command('hookctl')
    .description('Test webhooks locally and offline: send signed deliveries, capture, verify and replay them.')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--json', 'print results as JSON (NDJSON for streams); turns colour and spinners off')
    .option('--no-color', 'turn colour off (NO_COLOR and FORCE_COLOR are honoured too)')
    .option('--config <file>', 'config file (default: search from the working directory; or HOOKCTL_CONFIG)')
    .option('--debug', 'print stack traces on errors')
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

  const lazy: Lazy =
    (load) =>
    async (...args) => {
      const cmd = args[args.length - 1] as Command;
      const globals = cmd.optsWithGlobals() as GlobalOptions;
      const { default: handler } = await load();
      // Each command has one positional at most; a variadic one arrives as a list: hand over plain strings.
      const positionals = (cmd.processedArgs as (string | string[] | undefined)[]).flat().filter((a): a is string => a !== undefined);
      const result = await handler(cmd.opts(), createContext(io, globals, program), positionals);
      code = result ?? undefined;
    };

  for (const register of [
    registerSend,
    registerListen,
    registerVerify,
    registerReplay,
    registerCaptures,
    registerTest,
    registerUi,
    registerProviders,
    registerEvents,
    registerKeys,
    registerCompletion,
  ]) {
    const cmd = register(program, lazy);
    cmd.exitOverride().showSuggestionAfterError(true);
  }
  return { program, exitCode: () => code };
}

export { CommanderError };
