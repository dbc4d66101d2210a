import type { Handler } from '../cli/context.js';
import { buildProgram } from '../cli/program.js';
import { completionModel } from '../core/completion/model.js';
import { bashScript, fishScript, zshScript } from '../core/completion/scripts.js';
import { UsageError } from '../core/errors.js';

const SCRIPTS = { bash: bashScript, zsh: zshScript, fish: fishScript };

const completion: Handler = async (_opts, ctx, args) => {
  const shell = (args[0] ?? '') as keyof typeof SCRIPTS;
  const render = SCRIPTS[shell];
  if (!render) throw new UsageError(`no completion for shell "${args[0] ?? ''}"`, 'use bash, zsh or fish');
  const settings = await ctx.settings();
  const { program } = buildProgram(ctx.io);
  ctx.io.stdout.write(render(completionModel(program, settings.providers)));
};
export default completion;
