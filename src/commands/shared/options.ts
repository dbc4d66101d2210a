import type { Command } from '@commander-js/extra-typings';

// biome-ignore lint/suspicious/noExplicitAny: a command of any arguments, options and globals.
export type AnyCommand = Command<any, any, any>;

/**
 * The options a declared command hands its action, typed by commander's own declarations
 * (@commander-js/extra-typings): an option is written once, in the command's spec.ts, and a handler
 * reading one that is not declared there does not compile.
 */
// biome-ignore lint/suspicious/noExplicitAny: matches any arguments and globals; only the options are taken.
export type OptionsOf<C> = C extends Command<any, infer O, any> ? O : never;
