import type { Command } from 'commander';
import type { Lazy } from '../program.js';

export function registerCaptures(program: Command, lazy: Lazy): Command {
  return program
    .command('captures')
    .description('captures (not implemented yet)')
    .allowUnknownOption()
    .action(lazy(() => import('../../commands/captures.js')));
}
