import type { Command } from 'commander';
import type { Lazy } from '../program.js';

export function registerVerify(program: Command, lazy: Lazy): Command {
  return program
    .command('verify')
    .description('verify (not implemented yet)')
    .allowUnknownOption()
    .action(lazy(() => import('../../commands/verify.js')));
}
