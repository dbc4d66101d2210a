import type { Command } from 'commander';
import type { Lazy } from '../program.js';

export function registerTest(program: Command, lazy: Lazy): Command {
  return program
    .command('test')
    .description('test (not implemented yet)')
    .allowUnknownOption()
    .action(lazy(() => import('../../commands/test.js')));
}
