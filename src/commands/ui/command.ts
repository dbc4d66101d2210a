import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Handler } from '../shared/context.js';
import { storeDirFor } from '../../core/config/load.js';
import { IoError, UsageError } from '../../core/errors.js';
import { inspectorUrl } from '../../core/inspector/index.js';
import { startInspector } from './inspector.js';
import type { UiOptions } from './spec.js';

/** `hookctl ui`: the inspector over an existing store, capturing nothing, until Ctrl-C. */
const ui: Handler<UiOptions> = async (opts, ctx) => {
  const { io, out } = ctx;
  if (opts.host !== undefined && opts.host.trim() === '') throw new UsageError('--host is empty', 'leave it out for 127.0.0.1, the default');
  const settings = await ctx.settings();
  const dir = storeDirFor(settings, opts.store, io.cwd);
  const { inspector, token } = startInspector(ctx, settings, dir);
  const server = createServer((req, res) => {
    if (inspector.route(req, res)) return;
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('hookctl ui serves the inspector under /_hookctl/ only: open the URL it printed\n');
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch((err: NodeJS.ErrnoException) => {
    inspector.close();
    throw err.code === 'EADDRINUSE'
      ? new IoError(`port ${opts.port} is already in use`, 'pick another with --port, or leave it out for a free one')
      : new IoError(`cannot listen on ${host}: ${err.code ?? err.message}`, 'use --host 127.0.0.1');
  });
  server.on('error', (err) => out.warn(`ui: ${err.message}`));
  try {
    await inspector.start();
    const { port } = server.address() as AddressInfo;
    const url = inspectorUrl(`http://${host.includes(':') ? `[${host}]` : host}:${port}`, token);
    if (out.json) out.object({ type: 'listening', inspector: url, store: dir });
    else {
      out.line(url);
      out.log(out.c.dim(`  inspecting ${dir} (nothing is captured here; Ctrl-C to stop)`));
    }
    await new Promise<void>((resolve) => {
      if (io.signal.aborted) return resolve();
      io.signal.addEventListener('abort', () => resolve(), { once: true });
    });
  } finally {
    inspector.close();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }
  return 0;
};
export default ui;
