import type { CompletionCommand, CompletionModel, ValueSource } from './model.js';
import { commandsOf, pathOf, quote, words } from './shared.js';

/** The fish arguments that complete a value of this source: candidates (`-a`), files (`-F`), or nothing. */
function fishValue(v: ValueSource): string[] {
  if (typeof v !== 'string') return ['-a', quote(words(v.words))];
  switch (v) {
    case 'none':
      return [];
    case 'file':
      return ['-F'];
    case 'dir':
      return ['-a', "'(__fish_complete_directories (commandline -ct))'"];
    case 'at-file':
      return ['-a', "'(__hookctl_at_files)'"];
    case 'providers':
      return ['-a', "'(__hookctl_providers)'"];
    case 'events':
      return ['-a', "'(__hookctl_events)'"];
  }
}

export function fishScript(m: CompletionModel): string {
  const commands = commandsOf(m);
  // -n "__hookctl_at 'captures list' 0"
  const at = (c: CompletionCommand, n?: number) => `-n "__hookctl_at ${quote(pathOf(c)).replace(/[\\"$]/g, '\\$&')}${n === undefined ? '' : ` ${n}`}"`;
  const takesValue = commands.flatMap((c) => c.options.flatMap((o) => (o.value ? o.flags.map((f) => quote(`${pathOf(c)} ${f}`)) : [])));
  const subcommands = commands.flatMap((c) => c.commands.map((s) => quote(`${pathOf(c)} ${s.name}`)));

  const lines = [
    '# hookctl fish completion: save as ~/.config/fish/completions/hookctl.fish',
    "# Generated from hookctl's own command definitions: regenerate it after an upgrade.",
    'complete -c hookctl -e',
    'complete -c hookctl -f',
    '',
    "# __hookctl_takes_value CMD FLAG: FLAG takes a value after CMD (the command's words, '' before any).",
    'function __hookctl_takes_value',
    '    switch "$argv[1] $argv[2]"',
    `        case ${takesValue.join(' ')}`,
    '            return 0',
    '    end',
    '    return 1',
    'end',
    '',
    '# __hookctl_is_command CMD WORD: WORD is a subcommand of CMD.',
    'function __hookctl_is_command',
    '    switch "$argv[1] $argv[2]"',
    `        case ${subcommands.join(' ')}`,
    '            return 0',
    '    end',
    '    return 1',
    'end',
    '',
    '# Prints how many arguments come before the cursor, then the words of the command being typed.',
    'function __hookctl_state',
    '    set -l tokens (commandline -opc)',
    '    set -e tokens[1]',
    '    set -l cmd',
    '    set -l args 0',
    '    set -l skip 0',
    '    set -l dashdash 0',
    '    for t in $tokens',
    '        if test $skip = 1',
    '            set skip 0',
    '        else if test $dashdash = 0; and test "$t" = --',
    '            set dashdash 1',
    "        else if test $dashdash = 0; and string match -q -- '-?*' $t",
    '            if not string match -q -- \'--*=*\' $t; and __hookctl_takes_value "$cmd" $t',
    '                set skip 1',
    '            end',
    '        else if test $dashdash = 0; and __hookctl_is_command "$cmd" $t',
    '            set -a cmd $t',
    '            set args 0',
    '        else',
    '            set args (math $args + 1)',
    '        end',
    '    end',
    "    printf '%s\\n' $args $cmd",
    'end',
    '',
    "# __hookctl_at CMD [N]: the command being typed is CMD ('' for none yet), and N arguments come before the cursor.",
    'function __hookctl_at',
    '    set -l state (__hookctl_state)',
    '    test "$state[2..-1]" = "$argv[1]"; or return 1',
    '    test (count $argv) -lt 2; or test $state[1] = $argv[2]',
    'end',
    '',
    `function __hookctl_providers; printf '%s\\n' ${words(m.providers.map(quote))}; end`,
    "# __hookctl_events: the chosen provider's events only (after `<provider>/`, or --provider/-p, or the default).",
    'function __hookctl_events',
    '    set -l token (commandline -ct)',
    '    set -l provider (string split -m1 / -- $token)[1]',
    `    if string match -q -- '*/*' $token; and contains -- $provider ${words(m.providers.map(quote))}`,
    '        printf "$provider/%s\\n" (__hookctl_event_names $provider)',
    '        return',
    '    end',
    '    set provider',
    '    set -l words (commandline -opc)',
    '    for i in (seq (count $words))',
    '        switch $words[$i]',
    '            case --provider -p',
    '                test $i -lt (count $words); and set provider $words[(math $i + 1)]',
    "            case '--provider=*'",
    "                set provider (string replace -- '--provider=' '' $words[$i])",
    '        end',
    '    end',
    '    if test -n "$provider"',
    '        __hookctl_event_names $provider',
    '    else',
    `        __hookctl_event_names ${quote(m.defaultProvider)}`,
    `        printf '%s/\\n' ${words(m.providers.map(quote))}`,
    '    end',
    'end',
    'function __hookctl_event_names',
    '    switch $argv[1]',
    ...m.events.flatMap((e) => [`        case ${quote(e.provider)}`, `            printf '%s\\n' ${words(e.names.map(quote))}`]),
    '    end',
    'end',
    '',
    '# `@file` values: the files, each after an @.',
    'function __hookctl_at_files',
    "    set -l token (string replace -r -- '^--[^=]*=' '' (commandline -ct))",
    '    string match -q -- \'@*\' $token; or test -z "$token"; or return',
    "    printf '@%s\\n' (__fish_complete_path (string replace -r -- '^@' '' $token))",
    'end',
  ];

  for (const c of commands) {
    lines.push('');
    for (const s of c.commands) lines.push(`complete -c hookctl ${at(c)} -a ${s.name} -d ${quote(s.description)}`);
    const last = c.args.length - 1;
    c.args.forEach((a, i) => {
      if (a.value === 'none') return;
      lines.push([`complete -c hookctl ${a.variadic && i === last ? at(c) : at(c, i)}`, ...fishValue(a.value)].join(' '));
    });
    for (const o of c.options) {
      const parts = [`complete -c hookctl ${at(c)}`];
      if (o.long) parts.push(`-l ${o.long.slice(2)}`);
      if (o.short) parts.push(`-s ${o.short.slice(1)}`);
      // -r: it takes a value; -f: not a file name, unless fishValue says -F.
      if (o.value) parts.push('-r', ...(o.value === 'file' ? [] : ['-f']), ...fishValue(o.value));
      parts.push(`-d ${quote(o.description)}`);
      lines.push(parts.join(' '));
    }
  }
  return `${lines.join('\n')}\n`;
}
