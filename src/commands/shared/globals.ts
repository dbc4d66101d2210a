import type { Command } from '@commander-js/extra-typings';
import type { OptionsOf } from './options.js';

/** The options every command receives, declared once on the root program. */
export function declareGlobals<A extends unknown[]>(program: Command<A>) {
  return program
    .option('--json', 'print results as JSON (NDJSON for streams); turns colour and spinners off')
    .option('--no-color', 'turn colour off (NO_COLOR and FORCE_COLOR are honoured too)')
    .option('--config <file>', 'config file (default: search from the working directory; or HOOKCTL_CONFIG)')
    .option('--debug', 'print stack traces on errors');
}

export type GlobalOptions = Partial<OptionsOf<ReturnType<typeof declareGlobals>>>;
