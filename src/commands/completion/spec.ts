import type { Command } from '@commander-js/extra-typings';
import type { OptionsOf } from '../shared/context.js';

export function declareCompletion(program: Command) {
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
    );
}

export type CompletionOptions = OptionsOf<ReturnType<typeof declareCompletion>>;
