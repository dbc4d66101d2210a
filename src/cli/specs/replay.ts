import type { Command } from 'commander';
import type { Lazy } from '../program.js';

export function registerReplay(program: Command, lazy: Lazy): Command {
  return program
    .command('replay')
    .description('replay (not implemented yet)')
    .allowUnknownOption()
    .action(lazy(() => import('../../commands/replay.js')));
}
