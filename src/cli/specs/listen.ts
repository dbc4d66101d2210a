import type { Command } from 'commander';
import type { Lazy } from '../program.js';

export function registerListen(program: Command, lazy: Lazy): Command {
  return program
    .command('listen')
    .description('listen (not implemented yet)')
    .allowUnknownOption()
    .action(lazy(() => import('../../commands/listen.js')));
}
