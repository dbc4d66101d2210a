/**
 * A type-check fixture (`npm run typecheck`, run by CI): an option is declared once, in the
 * command's spec.ts, and its type reaches the handler from there. Each `@ts-expect-error` below
 * must meet an error; were the options untyped, the directive itself would fail the check.
 */
import type { Command } from '@commander-js/extra-typings';
import type { Handler, Lazy } from '../../src/commands/shared/context.js';
import { declareSend, type SendOptions } from '../../src/commands/send/spec.js';
import type { ListenOptions } from '../../src/commands/listen/spec.js';

// Declared options arrive typed by their parsers and defaults.
export const readsDeclared: Handler<SendOptions> = async (opts) => {
  const to: string | undefined = opts.to;
  const count: number = opts.count;
  const signature: 'valid' | (string & {}) = opts.signature;
  return to === undefined && count > 0 && signature === 'valid' ? 0 : 1;
};

// A renamed option is a type error in the handler: send declares --to, not --target.
export const readsRenamed: Handler<SendOptions> = async (opts) => {
  // @ts-expect-error -- `target` is not an option of send
  return opts.target ? 0 : 1;
};

// --no-store makes listen's store a string or false, never a number.
export const storeIsTyped: Handler<ListenOptions> = async (opts) => {
  // @ts-expect-error -- store is string | boolean | undefined
  const n: number = opts.store;
  return n;
};

// A handler that needs an option the spec does not declare cannot become the command's action.
export function wiresOnlyMatchingHandlers(lazy: Lazy, program: Command): void {
  const needsTarget = async (opts: { target: string }) => (opts.target ? 0 : 1);
  // @ts-expect-error -- send has no --target
  lazy(declareSend(program), async () => ({ default: needsTarget }));
}
