import type { Command } from '@commander-js/extra-typings';
import type { OptionsOf } from '../shared/context.js';

export function declareProviders(program: Command) {
  return program
    .command('providers')
    .description('list the providers hookctl can sign and verify for, with their schemes, by category; or show one in full')
    .argument('[id]', 'show this provider in full: its scheme, headers, secret form, development secret and docs')
    .option('--category <name>', 'only one category (payments, auth, email, ai, dev-tools, ...)')
    .option('--search <text>', 'providers whose id, name or category holds the text, else those with an event that does')
    .addHelpText(
      'after',
      `
Examples:
  $ hookctl providers
  $ hookctl providers stripe
  $ hookctl providers --category payments
  $ hookctl providers --search invoice.paid
  $ hookctl providers --json`,
    );
}

export type ProvidersOptions = OptionsOf<ReturnType<typeof declareProviders>>;
