/**
 * What a completion script offers, read from the live commander program so it never drifts: every
 * command path (`send`, `captures list`), the options valid after it with their short and long
 * flags, what each option's value is, and the positional arguments.
 */

/** What completes a value: an option's argument or a positional argument. */
export type ValueSource =
  /** Takes a value nobody can guess (a URL, a number, a secret, a capture id): offer nothing. */
  | 'none'
  | 'file'
  | 'dir'
  /** `<json|@file>`: a literal, or `@` and a file name; offer the files, each after an `@`. */
  | 'at-file'
  | 'providers'
  | 'events'
  /** One of these words (commander's `.choices()`, or a list the caller names). */
  | { words: readonly string[] };

export interface CompletionOption {
  /** Long flag first, then the short one: `['--provider', '-p']`. */
  flags: string[];
  long?: string;
  short?: string;
  description: string;
  /** What its value is; undefined for a flag that takes none. */
  value?: ValueSource;
}

export interface CompletionArgument {
  name: string;
  variadic: boolean;
  value: ValueSource;
}

export interface CompletionCommand {
  /** The words that name it: `[]` for the program, `['captures', 'list']`. */
  path: string[];
  name: string;
  description: string;
  /**
   * Every option valid after this command's words, each once: its own (and its default
   * subcommand's, which commander hands unknown options to), then the program's global options.
   */
  options: CompletionOption[];
  args: CompletionArgument[];
  commands: CompletionCommand[];
}

export interface CompletionModel {
  /** The program itself: its options are the ones valid before a command (`--json`, `--config <file>`, `--version`). */
  program: CompletionCommand;
  providers: string[];
  /** Each provider's event names: completion offers the chosen provider's only. */
  events: { provider: string; names: string[] }[];
  /** The provider bare names resolve in when none is on the command line (config, env, else built-in). */
  defaultProvider: string;
}

interface OptionLike {
  flags: string;
  long?: string;
  short?: string;
  description: string;
  required: boolean;
  optional: boolean;
  argChoices?: string[];
  attributeName(): string;
}
interface ArgumentLike {
  name(): string;
  variadic: boolean;
  argChoices?: string[];
}
interface CommandLike {
  name(): string;
  description(): string;
  commands: readonly CommandLike[];
  registeredArguments: readonly ArgumentLike[];
  createHelp(): { visibleOptions(cmd: CommandLike): OptionLike[] };
}

/** Values by the name of an option (`--provider <id>` is `provider`) or argument (`[event]`), for those commander has no choices for. */
const BY_NAME: Record<string, ValueSource> = {
  provider: 'providers',
  event: 'events',
  // verify and replay take capture ids, `last`, or capture and raw request files.
  capture: 'file',
  captures: 'file',
};

/** Values by the option's placeholder: `--fixture <file>`, `--store <dir>`, `--data <json|@file>`. */
function byPlaceholder(flags: string): ValueSource | undefined {
  const placeholder = /[<[]([^>\]]*)[>\]]/.exec(flags)?.[1] ?? '';
  const alternatives = placeholder.split('|');
  if (alternatives.includes('@file')) return 'at-file';
  if (alternatives.includes('file')) return 'file';
  if (alternatives.includes('dir')) return 'dir';
  return undefined;
}

/**
 * @param named word lists for the options and arguments of that name commander has no choices for,
 *   e.g. `{ shell: ['bash', 'zsh', 'fish'] }` for `completion <shell>`.
 */
export function completionModel(
  program: CommandLike,
  providers: readonly { id: string; events: readonly { name: string }[] }[],
  named: Record<string, readonly string[]> = {},
  defaultProvider = providers[0]?.id ?? '',
): CompletionModel {
  const valueSource = (name: string, choices: string[] | undefined): ValueSource | undefined => {
    if (choices?.length) return { words: choices };
    const words = named[name];
    if (words) return { words };
    return BY_NAME[name];
  };
  const visible = (c: CommandLike) =>
    c
      .createHelp()
      .visibleOptions(c)
      .map((o) => optionOf(o, valueSource));

  const root = visible(program);
  // The program's options work after a command too (commander reads them anywhere), but for
  // --help, which every command has its own of, and --version, which belongs before one.
  const globals = root.filter((o) => o.long !== '--help' && o.long !== '--version');

  const build = (c: CommandLike, path: string[]): CompletionCommand => {
    const commands = c.commands.map((sub) => build(sub, [...path, sub.name()]));
    // `captures --failed` runs `captures list --failed`: the default subcommand's options belong here too.
    const fallback = commands.find((sub) => sub.name === defaultCommandName(c));
    return {
      path,
      name: c.name(),
      description: c.description(),
      options: path.length === 0 ? root : merge(visible(c), fallback?.options ?? [], globals),
      args: c.registeredArguments.map((a) => ({ name: a.name(), variadic: a.variadic, value: valueSource(a.name(), a.argChoices) ?? 'none' })),
      commands,
    };
  };

  return {
    program: build(program, []),
    providers: providers.map((p) => p.id),
    events: providers.map((p) => ({ provider: p.id, names: p.events.map((e) => e.name) })),
    defaultProvider,
  };
}

function optionOf(o: OptionLike, valueSource: (name: string, choices: string[] | undefined) => ValueSource | undefined): CompletionOption {
  const takesValue = o.required || o.optional;
  const name = o.long?.replace(/^--(no-)?/, '') ?? o.attributeName();
  return {
    flags: [o.long, o.short].filter((f): f is string => Boolean(f)),
    ...(o.long ? { long: o.long } : {}),
    ...(o.short ? { short: o.short } : {}),
    description: o.description,
    ...(takesValue ? { value: valueSource(name, o.argChoices) ?? byPlaceholder(o.flags) ?? 'none' } : {}),
  };
}

/** The options of several lists, each flag once: the first list that has it wins. */
function merge(...lists: CompletionOption[][]): CompletionOption[] {
  const seen = new Set<string>();
  const out: CompletionOption[] = [];
  for (const o of lists.flat()) {
    if (o.flags.some((f) => seen.has(f))) continue;
    for (const f of o.flags) seen.add(f);
    out.push(o);
  }
  return out;
}

/** The subcommand commander runs when none is named (`command('list', { isDefault: true })`); commander keeps it unexposed. */
function defaultCommandName(c: CommandLike): string | undefined {
  const name = (c as { _defaultCommandName?: unknown })._defaultCommandName;
  return typeof name === 'string' ? name : undefined;
}

/** Every command below the program, parents before their subcommands. */
export function allCommands(m: CompletionModel): CompletionCommand[] {
  const out: CompletionCommand[] = [];
  const visit = (c: CompletionCommand) =>
    c.commands.forEach((sub) => {
      out.push(sub);
      visit(sub);
    });
  visit(m.program);
  return out;
}
