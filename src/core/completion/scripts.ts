import type { CompletionModel } from './model.js';

const words = (list: string[]) => list.join(' ');
const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;

export function bashScript(m: CompletionModel): string {
  const cases = m.commands.map((c) => {
    const opts = words([...new Set([...c.options.flatMap((o) => o.flags), ...m.globals.filter((g) => !/^(-V|--version)$/.test(g))])]);
    const extra = c.name === 'send' ? ' $events' : '';
    return `    ${c.name}) COMPREPLY=($(compgen -W "${opts}${extra}" -- "$cur")) ;;`;
  });
  return `# hookctl bash completion: source it, or save it as ~/.local/share/bash-completion/completions/hookctl
_hookctl() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  local events="${words(m.events)}"
  case "$prev" in
    --provider|-p) COMPREPLY=($(compgen -W "${words(m.providers)}" -- "$cur")); return ;;
  esac
  if [[ $COMP_CWORD -eq 1 ]]; then
    COMPREPLY=($(compgen -W "${words(m.commands.map((c) => c.name))} ${words(m.globals)}" -- "$cur")); return
  fi
  case "\${COMP_WORDS[1]}" in
${cases.join('\n')}
  esac
}
complete -o default -F _hookctl hookctl
`;
}

/** zsh runs the bash function through bashcompinit, which keeps one source of truth. */
export function zshScript(m: CompletionModel): string {
  return `#compdef hookctl
# hookctl zsh completion: save as _hookctl in a directory on $fpath, or source it.
autoload -U +X bashcompinit && bashcompinit
${bashScript(m).split('\n').slice(1).join('\n')}`;
}

export function fishScript(m: CompletionModel): string {
  const lines = ['# hookctl fish completion: save as ~/.config/fish/completions/hookctl.fish', 'complete -c hookctl -f'];
  for (const c of m.commands) {
    lines.push(`complete -c hookctl -n __fish_use_subcommand -a ${c.name} -d ${quote(c.description)}`);
    for (const o of c.options) {
      const long = o.flags.find((f) => f.startsWith('--'));
      const short = o.flags.find((f) => /^-[^-]/.test(f));
      if (!long) continue;
      const parts = [`complete -c hookctl -n '__fish_seen_subcommand_from ${c.name}' -l ${long.slice(2)}`];
      if (short) parts.push(`-s ${short.slice(1)}`);
      if (o.takesValue) parts.push('-r');
      if (long === '--provider') parts.push(`-a ${quote(words(m.providers))}`);
      parts.push(`-d ${quote(o.description)}`);
      lines.push(parts.join(' '));
    }
  }
  lines.push(`complete -c hookctl -n '__fish_seen_subcommand_from send' -a ${quote(words(m.events))}`);
  for (const g of m.globals.filter((f) => f.startsWith('--'))) lines.push(`complete -c hookctl -l ${g.slice(2)}`);
  return `${lines.join('\n')}\n`;
}
