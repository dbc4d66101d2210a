import type { AnyCommand, OptionsOf } from './options.js';
import type { Settings } from '../../core/config/types.js';
import type { GlobalOptions } from './globals.js';
import type { Io } from './io.js';
import { createOutput, type Output } from './output.js';

export type { AnyCommand, OptionsOf } from './options.js';

/** Everything a command handler needs besides its own options. */
export interface CommandContext {
  io: Io;
  globals: GlobalOptions;
  out: Output;
  /** The whole commander program (completion walks it). */
  program: AnyCommand;
  /** Config merged with env and defaults, loaded on first use (cosmiconfig is lazy). */
  settings(overrides?: { provider?: string }): Promise<Settings>;
}

/** A command: options in, core calls, render; returns the exit code (0 when omitted). */
// biome-ignore lint/suspicious/noConfusingVoidType: a handler that just finishes returns nothing, and that means exit 0.
export type Handler<O> = (options: O, ctx: CommandContext, args: string[]) => Promise<number | void>;

/**
 * Makes a lazily imported handler a declared command's action; heavy modules load only when the
 * command runs. The handler must take the options the command declares.
 */
export type Lazy = <C extends AnyCommand>(command: C, load: () => Promise<{ default: Handler<OptionsOf<C>> }>) => C;

export function createContext(io: Io, globals: GlobalOptions, program: AnyCommand): CommandContext {
  const cache = new Map<string, Promise<Settings>>();
  const out = createOutput(io, globals);
  return {
    io,
    globals,
    out,
    program,
    settings(overrides = {}) {
      const key = overrides.provider ?? '';
      let p = cache.get(key);
      if (!p) {
        p = import('../../core/config/load.js').then(({ loadSettings }) => loadSettings({ cwd: io.cwd, env: io.env, configPath: globals.config, provider: overrides.provider, onIdle: io.onIdle }));
        // Every override reads the same file: warn about it once.
        if (cache.size === 0)
          void p.then(
            (s) => {
              for (const w of s.warnings) out.warn(w);
            },
            () => {},
          );
        cache.set(key, p);
      }
      return p;
    },
  };
}
