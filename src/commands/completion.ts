import type { Handler } from './shared/context.js';
import { completionModel } from './completion/model.js';
import { SCRIPTS, SHELLS, type Shell } from './completion/scripts.js';
import { UsageError } from '../core/errors.js';

const completion: Handler = async (_opts, ctx, args) => {
  const shell = args[0] ?? '';
  if (!Object.hasOwn(SCRIPTS, shell)) throw new UsageError(`no completion for shell "${shell}"`, `use ${SHELLS.slice(0, -1).join(', ')} or ${SHELLS.at(-1)}`);
  const settings = await ctx.settings();
  ctx.io.stdout.write(SCRIPTS[shell as Shell](completionModel(ctx.program, settings.providers, { shell: SHELLS })));
};
export default completion;
