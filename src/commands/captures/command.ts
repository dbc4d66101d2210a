import type { CommandContext, Handler } from '../shared/context.js';
import { storeDirFor } from '../../core/config/load.js';
import { table } from '../shared/output.js';
import { printable } from '../../core/text/printable.js';
import type { Settings } from '../../core/config/types.js';
import { UsageError } from '../../core/errors.js';
import { readTarget } from '../../core/http/target.js';
import { captureUrl, toCurlScript, toHar, toNdjson } from '../../core/captures/export.js';
import { lazyStore } from '../../core/captures/open.js';
import { listFilter, selectCaptures } from '../../core/captures/select.js';
import type { ClearOptions, ExportOptions, ListOptions, ShowOptions } from './spec.js';
import { captureJson, captureSummary, renderCapture, rawRequest, verificationCell } from './render.js';

type StoreFlag = Pick<ListOptions, 'store'>;

async function withStore<T>(ctx: CommandContext, flags: StoreFlag, fn: (store: ReturnType<ReturnType<typeof lazyStore>['get']>, dir: string, settings: Settings) => Promise<T>): Promise<T> {
  const settings = await ctx.settings();
  const dir = storeDirFor(settings, flags.store, ctx.io.cwd);
  const store = lazyStore(dir, ctx.out.warn);
  try {
    return await fn(store.get(), dir, settings);
  } finally {
    await store.close();
  }
}

export const list: Handler<ListOptions> = async (opts, ctx) => {
  const { out } = ctx;
  const { limit } = opts;
  await withStore(ctx, opts, async (store, dir, settings) => {
    const filter = listFilter(opts, ctx.io.now(), settings.customProviders);
    const all = await store.list(filter);
    const shown = limit ? all.slice(0, limit) : all;
    if (out.json) {
      for (const c of shown) out.object(captureSummary(c));
      return;
    }
    if (shown.length === 0) {
      out.log(`no captures in ${dir}${Object.keys(filter).length ? ' match the filters' : ' (capture some with `hookctl listen`)'}`);
      return;
    }
    const rows = [['ID', 'RECEIVED', 'METHOD', 'PATH', 'PROVIDER', 'EVENT', 'SIGNATURE', 'STATUS', 'BYTES'].map((h) => out.c.bold(h))];
    for (const c of shown) {
      // Request data is untrusted: control characters are escaped so no cell can drive the terminal or break a row.
      rows.push([
        ...[c.id, c.receivedAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z'), c.method, c.path, c.provider ?? '-', c.event ?? '-'].map(printable),
        verificationCell(c, out.c),
        c.response ? String(c.response.status) : '-',
        String(c.body.length),
      ]);
    }
    out.line(table(rows));
    if (shown.length < all.length) out.log(out.c.dim(`${all.length - shown.length} more; raise --limit`));
  });
};

export const show: Handler<ShowOptions> = async (opts, ctx, args) => {
  await withStore(ctx, opts, async (store) => {
    const c = await store.get(args[0] as string);
    if (opts.raw) ctx.io.stdout.write(rawRequest(c));
    else if (ctx.out.json) ctx.out.object(captureJson(c));
    else ctx.out.line(renderCapture(c, ctx.out.c));
  });
};

export const exportCaptures: Handler<ExportOptions> = async (opts, ctx, args) => {
  const target = opts.to ? { to: readTarget(opts.to) } : {};
  await withStore(ctx, opts, async (store, dir, settings) => {
    const refs = args;
    const captures = await selectCaptures(store, refs, listFilter(opts, ctx.io.now(), settings.customProviders));
    if (captures.length === 0) ctx.out.warn(`no captures to export from ${dir}`);
    if (opts.format === 'ndjson') ctx.io.stdout.write(toNdjson(captures));
    else if (opts.format === 'curl') ctx.io.stdout.write(captures.length ? toCurlScript(captures, target) : '');
    else {
      const { VERSION } = await import('../../version.js');
      ctx.io.stdout.write(`${JSON.stringify(toHar(captures, target, VERSION), null, 2)}\n`);
    }
    const [first] = captures;
    if (first)
      ctx.out.log(
        ctx.out.c.dim(`exported ${captures.length} capture${captures.length === 1 ? '' : 's'} as ${opts.format}${opts.format === 'curl' ? ` (to ${captureUrl(first, target).origin}...)` : ''}`),
      );
  });
};

export const clear: Handler<ClearOptions> = async (opts, ctx) => {
  const { io, out } = ctx;
  await withStore(ctx, opts, async (store, dir) => {
    if (!opts.yes) {
      const stdin = io.stdin as NodeJS.ReadableStream & { isTTY?: boolean };
      if (!stdin.isTTY) throw new UsageError(`refusing to clear ${dir} without confirmation: stdin is not a terminal`, 'pass --yes to clear from a script');
      const count = (await store.list()).length;
      if (count === 0) {
        out.log(`no captures in ${dir}`);
        return;
      }
      if (!(await confirm(io, `delete ${count} capture${count === 1 ? '' : 's'} in ${dir}? [y/N] `))) {
        out.log('nothing deleted');
        return;
      }
    }
    const removed = await store.clear();
    if (out.json) out.object({ cleared: removed, store: dir });
    else out.line(`removed ${removed} capture${removed === 1 ? '' : 's'} from ${dir}`);
  });
};

async function confirm(io: CommandContext['io'], question: string): Promise<boolean> {
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: io.stdin, output: io.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}
