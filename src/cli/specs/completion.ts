import type { Command } from 'commander';
import type { Lazy } from '../../commands/shared/context.js';

export function registerCompletion(program: Command, lazy: Lazy): Command {
  return program
    .command('completion')
    .description('print a shell completion script (commands, options, provider ids, event names)')
    .argument('<shell>', 'bash, zsh or fish')
    .addHelpText(
      'after',
      `
Examples:
  $ hookctl completion bash > ~/.local/share/bash-completion/completions/hookctl
  $ hookctl completion zsh > "\${fpath[1]}/_hookctl"
  $ hookctl completion fish > ~/.config/fish/completions/hookctl.fish`,
    )
    .action(lazy(() => import('../../commands/completion/command.js')));
}
