import type { Handler } from '../shared/context.js';
import type { CompletionOptions } from './spec.js';
import { completionModel } from './model.js';
import { SCRIPTS, SHELLS, type Shell } from './scripts.js';
import { listEvents } from '../../core/catalogue/list-events.js';
import { UsageError } from '../../core/errors.js';

const completion: Handler<CompletionOptions> = async (_opts, ctx, args) => {
  const shell = args[0] ?? '';
  if (!Object.hasOwn(SCRIPTS, shell)) throw new UsageError(`no completion for shell "${shell}"`, `use ${SHELLS.slice(0, -1).join(', ')} or ${SHELLS.at(-1)}`);
  const settings = await ctx.settings();
  // Every event, the catalogues' and your fixtures' too (completion is generated once, not per keystroke).
  const withEvents = settings.providers.map((p) => ({ ...p, events: listEvents(p, settings.fixtureDirs) }));
  ctx.io.stdout.write(SCRIPTS[shell as Shell](completionModel(ctx.program, withEvents, { shell: SHELLS }, settings.provider)));
};
export default completion;
