import type { Command } from '@commander-js/extra-typings';
import type { AnyCommand, Lazy } from '../commands/shared/context.js';

/** Declares one command (its spec) and makes its handler the action, imported only when it runs. */
export type Register = (program: Command, lazy: Lazy) => AnyCommand;

const named =
  <M, K extends keyof M>(load: () => Promise<M>, name: K) =>
  () =>
    load().then((m) => ({ default: m[name] }));

/** Each command, in the order help lists them; a spec is imported only when the program needs it. */
export const COMMANDS: Record<string, () => Promise<Register>> = {
  send: async () => {
    const { declareSend } = await import('../commands/send/spec.js');
    return (program, lazy) => lazy(declareSend(program), () => import('../commands/send/command.js'));
  },
  listen: async () => {
    const { declareListen } = await import('../commands/listen/spec.js');
    return (program, lazy) => lazy(declareListen(program), () => import('../commands/listen/command.js'));
  },
  verify: async () => {
    const { declareVerify } = await import('../commands/verify/spec.js');
    return (program, lazy) => lazy(declareVerify(program), () => import('../commands/verify/command.js'));
  },
  replay: async () => {
    const { declareReplay } = await import('../commands/replay/spec.js');
    return (program, lazy) => lazy(declareReplay(program), () => import('../commands/replay/command.js'));
  },
  captures: async () => {
    const { declareCaptures } = await import('../commands/captures/spec.js');
    return (program, lazy) => {
      const c = declareCaptures(program);
      const handlers = () => import('../commands/captures/command.js');
      lazy(c.list, named(handlers, 'list'));
      lazy(c.show, named(handlers, 'show'));
      lazy(c.exporter, named(handlers, 'exportCaptures'));
      lazy(c.clear, named(handlers, 'clear'));
      lazy(
        c.tail,
        named(() => import('../commands/captures/tail.js'), 'tail'),
      );
      return c.captures;
    };
  },
  test: async () => {
    const { declareTest } = await import('../commands/test/spec.js');
    return (program, lazy) => lazy(declareTest(program), () => import('../commands/test/command.js'));
  },
  ui: async () => {
    const { declareUi } = await import('../commands/ui/spec.js');
    return (program, lazy) => lazy(declareUi(program), () => import('../commands/ui/command.js'));
  },
  providers: async () => {
    const { declareProviders } = await import('../commands/providers/spec.js');
    return (program, lazy) => lazy(declareProviders(program), () => import('../commands/providers/command.js'));
  },
  events: async () => {
    const { declareEvents } = await import('../commands/events/spec.js');
    return (program, lazy) => {
      const { events, importer } = declareEvents(program);
      lazy(importer, () => import('../commands/events/import.js'));
      return lazy(events, () => import('../commands/events/command.js'));
    };
  },
  keys: async () => {
    const { declareKeys } = await import('../commands/keys/spec.js');
    return (program, lazy) => {
      const { keys, generate } = declareKeys(program);
      lazy(generate, () => import('../commands/keys/command.js'));
      return keys;
    };
  },
  completion: async () => {
    const { declareCompletion } = await import('../commands/completion/spec.js');
    return (program, lazy) => lazy(declareCompletion(program), () => import('../commands/completion/command.js'));
  },
};
