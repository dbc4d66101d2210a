import type { Handler } from '../cli/context.js';
import { buildProgram } from '../cli/program.js';
import { completionModel } from '../cli/completion/model.js';
import { SCRIPTS, SHELLS, type Shell } from '../cli/completion/scripts.js';
import { UsageError } from '../core/errors.js';

const completion: Handler = async (_opts, ctx, args) => {
  const shell = args[0] ?? '';
  if (!Object.hasOwn(SCRIPTS, shell)) throw new UsageError(`no completion for shell "${shell}"`, `use ${SHELLS.slice(0, -1).join(', ')} or ${SHELLS.at(-1)}`);
  const settings = await ctx.settings();
  const { program } = buildProgram(ctx.io);
  ctx.io.stdout.write(SCRIPTS[shell as Shell](completionModel(program, settings.providers, { shell: SHELLS })));
};
export default completion;
