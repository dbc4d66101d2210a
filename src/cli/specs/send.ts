import type { Command } from 'commander';
import type { Lazy } from '../program.js';

export function registerSend(program: Command, lazy: Lazy): Command {
  return program
    .command('send')
    .description('send (not implemented yet)')
    .allowUnknownOption()
    .action(lazy(() => import('../../commands/send.js')));
}
