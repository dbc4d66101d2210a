import type { Command } from 'commander';
import type { Lazy } from '../program.js';

export function registerCompletion(program: Command, lazy: Lazy): Command {
  return program
    .command('completion')
    .description('completion (not implemented yet)')
    .allowUnknownOption()
    .action(lazy(() => import('../../commands/completion.js')));
}
