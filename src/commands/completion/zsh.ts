import { bashScript } from './bash.js';
import type { CompletionModel } from './model.js';

/** zsh runs the bash function through bashcompinit, which keeps one source of truth. */
export function zshScript(m: CompletionModel): string {
  return `#compdef hookctl
# hookctl zsh completion: save as _hookctl in a directory on $fpath, or source it.
autoload -U +X bashcompinit && bashcompinit
${bashScript(m).split('\n').slice(1).join('\n')}`;
}
