import type { Command } from '@commander-js/extra-typings';
import type { OptionsOf } from '../shared/context.js';
import { wholeNumber } from '../shared/parsers.js';

export function declareUi(program: Command) {
  return program
    .command('ui')
    .description('open the web inspector over an existing capture store (captures nothing itself)')
    .option('--store <dir>', "the capture store (default: the config's store, else .hookctl/)")
    .option('-p, --port <port>', 'port to serve on (default: a free one)', wholeNumber('--port', { min: 0, max: 65535, example: 4040 }))
    .option('--host <host>', 'address to bind (default: 127.0.0.1)')
    .addHelpText(
      'after',
      `
The inspector's URL carries a per-run token: open the one printed. \`hookctl listen\` serves the
same inspector at /_hookctl/ on its own port.

Examples:
  $ hookctl ui
  $ hookctl ui --store ./ci-captures --port 4040`,
    );
}

export type UiOptions = OptionsOf<ReturnType<typeof declareUi>>;
