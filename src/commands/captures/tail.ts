import type { Handler } from '../shared/context.js';
import { storeDirFor } from '../../core/config/load.js';
import { storeReader } from '../../core/store/follow.js';
import { watchStore } from '../../core/store/watch.js';
import type { Capture } from '../../core/store/types.js';
import { printable } from '../../core/text/printable.js';
import { captureSummary, verificationCell } from './render.js';
import type { TailOptions } from './spec.js';

/**
 * `captures tail`: follows a store another process (a running listen) writes, printing each new
 * capture as it lands (one NDJSON line each with --json), until Ctrl-C or SIGTERM: then exit 0.
 */
export const tail: Handler<TailOptions> = async (opts, ctx) => {
  const { io, out } = ctx;
  const settings = await ctx.settings();
  const dir = storeDirFor(settings, opts.store, io.cwd);
  const reader = storeReader(dir, (w) => out.warn(`${w.where}: ${w.message}`));
  await reader.skipExisting();
  const print = (c: Capture) => {
    if (out.json) out.object(captureSummary(c));
    else {
      const time = c.receivedAt.slice(11, 23);
      out.line(
        [
          time,
          c.id,
          verificationCell(c, out.c),
          printable(`${c.provider ?? '-'} ${c.event ?? '-'}`),
          printable(`${c.method} ${c.path}`),
          c.response ? String(c.response.status) : '-',
          `${c.body.length} B`,
        ].join('  '),
      );
    }
  };
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  io.signal.addEventListener('abort', onAbort, { once: true });
  if (io.signal.aborted) onAbort();
  let failure: unknown;
  await watchStore(
    dir,
    stop.signal,
    async () => {
      const { captures } = await reader.next();
      // Several writers may interleave: print in arrival (id) order within each read.
      for (const l of captures.sort((a, b) => (a.capture.id < b.capture.id ? -1 : 1))) print(l.capture);
    },
    (err) => {
      failure = err;
      stop.abort();
    },
  );
  out.log(out.c.dim(`following ${dir} (new captures only; Ctrl-C to stop)`));
  await new Promise<void>((resolve) => {
    if (stop.signal.aborted) return resolve();
    stop.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  io.signal.removeEventListener('abort', onAbort);
  if (failure) throw failure;
  return 0;
};
