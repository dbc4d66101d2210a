import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { Handler } from '../shared/context.js';
import { importOperations } from '../../core/catalogue/openapi.js';
import { IoError, UsageError } from '../../core/errors.js';
import { fileProblem } from '../../core/fs-errors.js';
import { getProvider } from '../../core/providers/registry.js';
import type { ImportOptions } from './spec.js';

/**
 * `hookctl events import <openapi>`: a fixture template per webhook operation, written into
 * `<fixtures dir>/<provider>/<event>.json`. Everything is read and checked first; the files are
 * written into a staging folder and moved into place, so bad input leaves nothing behind.
 */
const eventsImport: Handler<ImportOptions> = async (opts, ctx, args) => {
  const { io, out } = ctx;
  const [file] = args;
  if (!file) throw new UsageError('which OpenAPI document?', 'hookctl events import openapi.yaml --provider acme');
  // `events` takes --provider too, and commander hands it to the parent: read it from there as well.
  const provider = opts.provider ?? (ctx.globals as { provider?: string }).provider;
  if (!provider) throw new UsageError('which provider do the events belong to?', `hookctl events import ${file} --provider <id>`);
  const settings = await ctx.settings();
  const profile = getProvider(provider, settings.customProviders);
  const ops = await importOperations(resolve(io.cwd, file));
  const root = opts.out ? resolve(io.cwd, opts.out) : (settings.fixtureDirs[0] ?? resolve(io.cwd, 'fixtures'));
  const folder = join(root, profile.id);
  const targets = ops.map((op) => ({ op, path: join(folder, `${op.name}.json`) }));
  const existing = targets.filter((t) => existsSync(t.path));
  if (existing.length && !opts.force) {
    throw new UsageError(
      `${existing.length} of ${targets.length} fixture files exist already, e.g. ${shown(existing[0]?.path ?? folder, io.cwd)}`,
      'pass --force to overwrite them, or --out another directory',
    );
  }

  let staging: string | undefined;
  try {
    mkdirSync(root, { recursive: true });
    staging = mkdtempSync(join(root, `.import-${profile.id}-`));
    for (const t of targets) {
      const tmp = join(staging, `${t.op.name}.json`);
      mkdirSync(dirname(tmp), { recursive: true });
      writeFileSync(tmp, `${JSON.stringify(t.op.payload, null, 2)}\n`);
    }
    for (const t of targets) {
      mkdirSync(dirname(t.path), { recursive: true });
      renameSync(join(staging, `${t.op.name}.json`), t.path);
    }
  } catch (err) {
    throw new IoError(`cannot write fixtures into ${shown(folder, io.cwd)}: ${fileProblem(err)}`, 'check the directory and its permissions', err);
  } finally {
    if (staging) rmSync(staging, { recursive: true, force: true });
  }

  const fromExamples = ops.filter((o) => o.from === 'example').length;
  if (out.json) {
    out.object({ provider: profile.id, dir: folder, events: targets.map((t) => ({ name: t.op.name, from: t.op.from, file: t.path })) });
    return;
  }
  out.line(`wrote ${ops.length} fixture${ops.length === 1 ? '' : 's'} to ${shown(folder, io.cwd)} (${fromExamples} from examples, ${ops.length - fromExamples} from schemas)`);
  out.log(out.c.dim(`list them with: hookctl events ${profile.id} --fixtures ${shown(root, io.cwd)}`));
};
export default eventsImport;

function shown(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}
