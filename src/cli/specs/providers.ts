import type { Command } from 'commander';
import type { Lazy } from '../../commands/shared/context.js';

export function registerProviders(program: Command, lazy: Lazy): Command {
  return program
    .command('providers')
    .description('list the providers hookctl can sign and verify for, with their schemes')
    .addHelpText(
      'after',
      `
Examples:
  $ hookctl providers
  $ hookctl providers --json`,
    )
    .action(lazy(() => import('../../commands/providers.js')));
}
