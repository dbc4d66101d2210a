import type { Command } from 'commander';
import type { Lazy } from '../../commands/shared/context.js';

export function registerEvents(program: Command, lazy: Lazy): Command {
  return program
    .command('events')
    .description('list the events each provider can send (fixtures)')
    .option('-p, --provider <id>', 'only this provider')
    .addHelpText('after', `
Examples:
  $ hookctl events
  $ hookctl events --provider stripe
  $ hookctl events --json`)
    .action(lazy(() => import('../../commands/events.js')));
}
