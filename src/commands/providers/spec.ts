import type { Command } from '@commander-js/extra-typings';
import type { OptionsOf } from '../shared/context.js';

export function declareProviders(program: Command) {
  return program
    .command('providers')
    .description('list the providers hookctl can sign and verify for, with their schemes')
    .addHelpText(
      'after',
      `
Examples:
  $ hookctl providers
  $ hookctl providers --json`,
    );
}

export type ProvidersOptions = OptionsOf<ReturnType<typeof declareProviders>>;
