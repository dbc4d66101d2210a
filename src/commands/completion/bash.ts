import type { CompletionModel, ValueSource } from './model.js';
import { commandsOf, pathOf, quote, words } from './shared.js';

/**
 * How the bash function names a value source: `words:<list>` for a fixed list; `none`, `file`,
 * `dir`, `at-file`, `providers`, `events` as they are.
 */
function bashKind(v: ValueSource): string {
  return typeof v === 'string' ? v : `words:${words(v.words)}`;
}

/** `case` arms mapping keys to kinds, one arm per kind, in first-seen order. */
function arms(entries: [string, string][], indent: string): string[] {
  const byKind = new Map<string, string[]>();
  for (const [key, kind] of entries) byKind.set(kind, [...(byKind.get(kind) ?? []), key]);
  return [...byKind].map(([kind, keys]) => `${indent}${keys.join('|')}) kind=${quote(kind)} ;;`);
}

export function bashScript(m: CompletionModel): string {
  const commands = commandsOf(m);
  const specArms = commands.map((c) => {
    const sets = [`opts=${quote(words(c.options.flatMap((o) => o.flags)))}`];
    if (c.commands.length) sets.unshift(`subs=${quote(words(c.commands.map((s) => s.name)))}`);
    return `    ${quote(pathOf(c))}) ${sets.join(' ')} ;;`;
  });
  const optionArms = commands.flatMap((c) => {
    const takes = c.options.flatMap(({ value, flags }) => (value ? flags.map((f): [string, string] => [f, bashKind(value)]) : []));
    return takes.length ? [`    ${quote(pathOf(c))})`, '      case $2 in', ...arms(takes, '        '), '      esac ;;'] : [];
  });
  const argArms = commands.flatMap((c) => {
    if (!c.args.length) return [];
    const entries = c.args.map((a, i): [string, string] => [a.variadic ? '*' : String(i), bashKind(a.value)]);
    return [`    ${quote(pathOf(c))})`, '      case $2 in', ...entries.map(([n, kind]) => `        ${n}) kind=${quote(kind)} ;;`), '      esac ;;'];
  });

  return `# hookctl bash completion: source it, or save it as ~/.local/share/bash-completion/completions/hookctl
# Generated from hookctl's own command definitions: regenerate it after an upgrade.

# _hookctl_spec CMD: sets subs (its subcommands) and opts (the options valid after it). CMD is the
# command's words ('captures list'), '' before any.
_hookctl_spec() {
  subs= opts=
  case $1 in
${specArms.join('\n')}
  esac
}

# _hookctl_option CMD FLAG: sets kind to what FLAG's value is after CMD; empty if it takes none.
_hookctl_option() {
  kind=
  case $1 in
${optionArms.join('\n')}
  esac
}

# _hookctl_arg CMD N: sets kind to what CMD's positional argument number N (from 0) is; empty past the last.
_hookctl_arg() {
  kind=
  case $1 in
${argArms.join('\n')}
  esac
}

# _hookctl_add PREFIX: appends each line of stdin to COMPREPLY, after PREFIX.
_hookctl_add() {
  local line
  while IFS= read -r line; do COMPREPLY+=("$1$line"); done
}

# _hookctl_values KIND WORD PREFIX: completes WORD as a value of KIND; each reply starts with PREFIX.
_hookctl_values() {
  case $1 in
    words:*) _hookctl_add "$3" < <(compgen -W "\${1#words:}" -- "$2") ;;
    providers) _hookctl_add "$3" < <(compgen -W ${quote(words(m.providers))} -- "$2") ;;
    events) _hookctl_events "$2" "$3" ;;
    file|dir)
      [[ -z \${ZSH_VERSION-} ]] && compopt -o filenames 2>/dev/null
      _hookctl_add "$3" < <(_hookctl_files -\${1:0:1} "$2") ;;
    at-file)
      [[ -n $2 && $2 != @* ]] && return
      # bash keeps the @ in the word it replaces, so it cannot tell these are files: mark the directories here.
      local file
      while IFS= read -r file; do
        [[ -z \${ZSH_VERSION-} && -d $file ]] && file+=/
        COMPREPLY+=("$3@$file")
      done < <(_hookctl_files -f "\${2#@}")
      [[ -z \${ZSH_VERSION-} && \${#COMPREPLY[@]} -eq 1 && \${COMPREPLY[0]} == */ ]] && compopt -o nospace 2>/dev/null ;;
  esac
}

# _hookctl_events WORD PREFIX: the chosen provider's events only. After \`<provider>/\`, that
# provider's; else those of the --provider/-p on the line, or of the default provider, then every \`<provider>/\`.
_hookctl_events() {
  local provider= i w
  if [[ $1 == */* && " "${quote(words(m.providers))}" " == *" \${1%%/*} "* ]]; then
    provider=\${1%%/*}
    _hookctl_add "$2" < <(compgen -P "$provider/" -W "$(_hookctl_event_names "$provider")" -- "\${1#*/}")
    return
  fi
  for ((i = 1; i < hk_cword; i++)); do
    w=\${hk_words[i]}
    case $w in
      --provider|-p) provider=\${hk_words[i + 1]-} ;;
      --provider=*) provider=\${w#--provider=} ;;
    esac
  done
  if [[ -n $provider ]]; then
    _hookctl_add "$2" < <(compgen -W "$(_hookctl_event_names "$provider")" -- "$1")
  else
    _hookctl_add "$2" < <(compgen -W "$(_hookctl_event_names ${quote(m.defaultProvider)}) ${words(m.providers.map((p) => quote(`${p}/`)))}" -- "$1")
  fi
}

# _hookctl_event_names PROVIDER: its event names, space-separated.
_hookctl_event_names() {
  case $1 in
${m.events.map((e) => `    ${quote(e.provider)}) printf '%s' ${quote(words(e.names))} ;;`).join('\n')}
  esac
}

# _hookctl_files -f|-d PATH: the files (or directories) whose names start with PATH.
_hookctl_files() {
  if [[ -z \${ZSH_VERSION-} ]]; then compgen "$1" -- "$2"; return; fi
  # zsh's compgen -f ignores the word it is given (it globs what zsh itself is completing).
  local f
  for f in "$2"*; do
    [[ -e $f && ( $1 == -f || -d $f ) ]] && printf '%s\\n' "$f"
  done
}

# bash splits words at the COMP_WORDBREAKS characters = : @ too: join the pieces typed without a
# space between them back, so --to localhost:3000, --provider=stripe and @file are one word each.
# Sets hk_words (up to the cursor) and hk_cword.
_hookctl_words() {
  local line=\${COMP_LINE-} gap word i
  hk_words=() hk_cword=-1
  for ((i = 0; i <= COMP_CWORD; i++)); do
    word=\${COMP_WORDS[i]-}
    gap=\${line%%[![:space:]]*}
    line=\${line#"$gap"}
    line=\${line#"$word"}
    if ((i > 0)) && [[ -n \${COMP_LINE-} && -z $gap ]]; then
      hk_words[hk_cword]+=$word
    else
      hk_words[++hk_cword]=$word
    fi
  done
}

_hookctl() {
  local -a hk_words
  local hk_cword cur cmd= subs= opts= kind= value_of= args=0 dashdash=0 i word
  COMPREPLY=()
  _hookctl_words
  cur=\${hk_words[hk_cword]}
  # Find the command (program options and option values skipped), its arguments, and whether the
  # word before the cursor is an option that takes a value.
  for ((i = 1; i < hk_cword; i++)); do
    word=\${hk_words[i]}
    if ((!dashdash)) && [[ $word == -?* ]]; then
      if [[ $word == -- ]]; then
        dashdash=1
      elif [[ $word != --*=* ]]; then
        _hookctl_option "$cmd" "$word"
        if [[ -n $kind ]]; then
          ((i + 1 == hk_cword)) && value_of=$word
          ((i += 1))
        fi
      fi
      continue
    fi
    _hookctl_spec "$cmd"
    if ((!dashdash)) && [[ -n $subs && " $subs " == *" $word "* ]]; then
      cmd=\${cmd:+$cmd }$word args=0
    else
      ((args += 1))
    fi
  done

  _hookctl_spec "$cmd"
  if [[ -n $value_of ]]; then
    _hookctl_option "$cmd" "$value_of"
    _hookctl_values "$kind" "$cur" ''
  elif ((!dashdash)) && [[ $cur == --*=* ]]; then
    _hookctl_option "$cmd" "\${cur%%=*}"
    [[ -n $kind ]] && _hookctl_values "$kind" "\${cur#*=}" "\${cur%%=*}="
  elif ((!dashdash)) && [[ $cur == -* ]]; then
    _hookctl_values "words:$opts" "$cur" ''
  elif ((!dashdash)) && [[ -n $subs ]]; then
    _hookctl_values "words:$subs" "$cur" ''
  else
    _hookctl_arg "$cmd" "$args"
    # Past the last argument, the options are all there is to type.
    _hookctl_values "\${kind:-words:$opts}" "$cur" ''
  fi

  # bash replaces only the part of the word after its last = or : (from its last @ on); zsh replaces it all.
  if [[ -z \${ZSH_VERSION-} && -n \${COMP_LINE-} ]]; then
    local breaks=\${COMP_WORDBREAKS//[^@:=]/}
    if [[ -n $breaks ]]; then
      local typed=\${cur%"\${cur##*[$breaks]}"}
      typed=\${typed%@}
      [[ -n $typed ]] && COMPREPLY=("\${COMPREPLY[@]#"$typed"}")
    fi
  fi
  return 0
}
complete -F _hookctl hookctl
`;
}
