import type { Command } from 'commander';
import type { Settings } from '../../core/config/types.js';
import type { GlobalOptions, Io } from './io.js';
import { createOutput, type Output } from './output.js';

/** Everything a command handler needs besides its own options. */
export interface CommandContext {
  io: Io;
  globals: GlobalOptions;
  out: Output;
  /** The whole commander program (completion walks it). */
  program: Command;
  /** Config merged with env and defaults, loaded on first use (cosmiconfig is lazy). */
  settings(overrides?: { provider?: string }): Promise<Settings>;
}

/** A command: options in, core calls, render; returns the exit code (0 when omitted). */
// biome-ignore lint/suspicious/noConfusingVoidType: a handler that just finishes returns nothing, and that means exit 0.
export type Handler<O = Record<string, unknown>> = (options: O, ctx: CommandContext, args: string[]) => Promise<number | void>;

/** Turns a lazily imported handler into a commander action; heavy modules load only when the command runs. */
// biome-ignore lint/suspicious/noExplicitAny: each command declares its own options type; commander hands over untyped ones.
export type Lazy = (load: () => Promise<{ default: Handler<any> }>) => (...args: unknown[]) => Promise<void>;

export function createContext(io: Io, globals: GlobalOptions, program: Command): CommandContext {
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
