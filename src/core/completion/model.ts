/** What a completion script offers, read from the live commander program so it never drifts. */
export interface CompletionModel {
  commands: { name: string; description: string; options: { flags: string[]; description: string; takesValue: boolean }[] }[];
  globals: string[];
  providers: string[];
  /** `provider/event` and bare names. */
  events: string[];
}

interface OptionLike { long?: string; short?: string; description: string; required: boolean; optional: boolean; negate?: boolean }
interface CommandLike { name(): string; description(): string; options: readonly OptionLike[]; commands: readonly CommandLike[] }

export function completionModel(program: CommandLike, providers: { id: string; events: { name: string }[] }[]): CompletionModel {
  const flagsOf = (o: OptionLike) => [o.long, o.short].filter((f): f is string => Boolean(f));
  return {
    commands: program.commands.map((c) => ({
      name: c.name(),
      description: c.description(),
      options: [...c.options.map((o) => ({ flags: flagsOf(o), description: o.description, takesValue: o.required || o.optional })), { flags: ['--help'], description: 'show help', takesValue: false }],
    })),
    globals: [...program.options.flatMap(flagsOf), '--help'],
    providers: providers.map((p) => p.id),
    events: [...new Set(providers.flatMap((p) => p.events.flatMap((e) => [`${p.id}/${e.name}`, e.name])))],
  };
}
