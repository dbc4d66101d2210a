import type { CommandContext, Handler } from './shared/context.js';
import { secretsFor, storeDirFor } from '../core/config/load.js';
import { CheckFailedError, ExitCode, IoError, UsageError } from '../core/errors.js';
import { isLoopbackHost } from '../core/http/loopback.js';
import { parseTarget, redactUrl } from '../core/http/target.js';
import { getProvider } from '../core/providers/registry.js';
import type { ProviderProfile } from '../core/providers/types.js';
import { devSecretWarning } from '../core/secrets.js';
import { fingerprinter, startCaptureServer, statusSequence, type CaptureServer, type ReceivedDelivery, type Rejection } from '../core/server/index.js';
import { idGenerator, openStore, type WritableCaptureStore } from '../core/store/index.js';
import { deliveryLine, deliveryObject, rejectionLine, rejectionObject, verboseBlock } from './listen/render.js';
import { lineBuffer, throttled } from './listen/lines.js';
import { ListenStats } from './listen/stats.js';

export interface ListenOptions {
  port?: number;
  host?: string;
  provider?: string;
  secret?: string[];
  tolerance?: number;
  store?: string | false;
  forwardTo?: string;
  status?: number;
  respond?: number[];
  delay?: number;
  rejectInvalid?: boolean;
  maxBody?: number;
  requestTimeout?: number;
  count?: number;
  timeout?: number;
  strict?: boolean;
  verbose?: boolean;
}

const listen: Handler<ListenOptions> = async (opts, ctx) => {
  if (opts.forwardTo && (opts.status !== undefined || opts.respond)) {
    throw new UsageError('--status and --respond cannot be used with --forward-to', 'with --forward-to your app decides the answer');
  }
  if (opts.status !== undefined && opts.respond) throw new UsageError('--status and --respond cannot be used together', '--respond 200 is the same as --status 200');
  const settings = await ctx.settings(opts.provider ? { provider: opts.provider } : {});
  const { out, io } = ctx;
  const fixed = opts.provider ? getProvider(opts.provider, settings.customProviders) : undefined;
  const fallback = !fixed && settings.providerExplicit ? getProvider(settings.provider, settings.customProviders) : undefined;
  // `--host "$UNSET"` would otherwise bind every interface: an empty host is a mistake, not a choice.
  if (opts.host !== undefined && opts.host.trim() === '') {
    throw new UsageError('--host is empty', 'pass --host 127.0.0.1 (the default), or --host 0.0.0.0 to listen on every interface on purpose');
  }
  const forwardTo = opts.forwardTo ? parseTarget(opts.forwardTo, '/') : undefined;

  let store: WritableCaptureStore | undefined;
  if (opts.store !== false) {
    const dir = storeDirFor(settings, typeof opts.store === 'string' ? opts.store : undefined, io.cwd);
    store = openStore(dir, { onWarning: (w) => out.warn(`${w.where}: ${w.message}`) });
    await store.prepare();
  }
  // A provider's retry can land after a restart: the newest captures seed duplicate detection.
  const earlier = store ? (await store.recent(REMEMBERED)).reverse() : [];

  const stats = new ListenStats();
  const lines = lineBuffer(io.stdout);
  const rejections = throttled((r, at) => lines.push(rejectionLine(r, at, out.c)), (n) => out.log(out.c.dim(`… ${n} more rejected requests not shown`)));
  const finish = deferred<'count' | 'timeout' | 'signal'>();
  let server: CaptureServer;
  try {
    server = await startCaptureServer({
      host: opts.host ?? settings.listen.host,
      port: opts.port ?? settings.listen.port,
      maxBody: opts.maxBody ?? settings.listen.maxBody,
      requestTimeoutMs: opts.requestTimeout ?? 30_000,
      earlier,
      now: io.now,
      newId: idGenerator(io.now, io.random),
      inspect: {
        providers: settings.providers, fixed, fallback, toleranceSec: opts.tolerance,
        secretsFor: secretCache(ctx, settings, opts.secret ?? []),
        fingerprint: fingerprinter(settings.fixtureDirs),
      },
      store,
      nextStatus: statusSequence(opts.respond ?? [opts.status ?? 200]),
      rejectInvalid: Boolean(opts.rejectInvalid),
      delayMs: opts.delay ?? 0,
      forwardTo,
      forwardTimeoutMs: fixed?.delivery.timeoutMs ?? 30_000,
      onDelivery(d: ReceivedDelivery) {
        stats.addDelivery(d);
        if (out.json) lines.push(JSON.stringify(deliveryObject(d)));
        else {
          lines.push(deliveryLine(d, out.c));
          if (opts.verbose) lines.push(verboseBlock(d, out.c));
        }
        if (opts.count !== undefined && stats.deliveries >= opts.count) finish.resolve('count');
      },
      onRejected(r: Rejection) {
        stats.addRejection(r);
        if (out.json) lines.push(JSON.stringify(rejectionObject(r, io.now())));
        else rejections.push(r, io.now());
      },
      onError: (err) => out.warn(`listen: ${(err as Error)?.stack ?? String(err)}`),
    });
  } catch (err) {
    await store?.close();
    throw bindError(err, opts.port ?? settings.listen.port);
  }

  const host = opts.host ?? settings.listen.host;
  if (!isLoopbackHost(host)) out.warn(`listening on ${host}, not loopback: captured deliveries, and anything else listen serves, are reachable from the network`);
  const banner = { url: server.url, port: server.port, store: store?.dir ?? null, provider: fixed?.id ?? null, forwardTo: forwardTo ? redactUrl(forwardTo) : null };
  if (out.json) out.object({ type: 'listening', ...banner });
  else {
    out.log(`${out.c.green('●')} listening on ${out.c.bold(server.url)} (${fixed ? `verifying as ${fixed.id}` : 'provider detected per request'})`);
    const remembered = earlier.length ? ` (${earlier.length} earlier ${earlier.length === 1 ? 'delivery' : 'deliveries'} remembered for duplicates)` : '';
    out.log(out.c.dim(`  captures: ${store ? `${store.dir}${remembered}` : 'not stored (--no-store)'}${forwardTo ? `; forwarding to ${redactUrl(forwardTo)}` : ''}; Ctrl-C to stop`));
  }

  const onAbort = () => finish.resolve('signal');
  io.signal.addEventListener('abort', onAbort, { once: true });
  if (io.signal.aborted) onAbort();
  const timer = opts.timeout !== undefined ? setTimeout(() => finish.resolve('timeout'), opts.timeout) : undefined;
  const why = await finish.promise;
  clearTimeout(timer);
  io.signal.removeEventListener('abort', onAbort);
  await server.close();
  await store?.close();
  rejections.flush();
  lines.flush();

  if (out.json) out.object(stats.toJSON());
  out.log(`${why === 'signal' ? '\n' : ''}${stats.line()}${store ? out.c.dim(`; captures in ${store.dir}`) : ''}`);
  const wanted = opts.count ?? 1;
  if (why === 'timeout' && stats.deliveries < wanted) {
    throw new CheckFailedError(`${stats.deliveries} of ${wanted} expected deliveries arrived within ${opts.timeout} ms`, 'is the sender pointed at this URL?');
  }
  if (opts.strict && stats.failed > 0) {
    throw new CheckFailedError(`${stats.failed} of ${stats.deliveries} deliveries failed verification (--strict)`, 'the reasons are on each ✘ line (or in verification.reason with --json)');
  }
  // Ctrl-C before --count was reached leaves a CI condition unmet: that is an interruption (130).
  if (why === 'signal' && opts.count !== undefined && stats.deliveries < opts.count) {
    out.log(`interrupted: ${stats.deliveries} of ${opts.count} expected deliveries had arrived`);
    return ExitCode.interrupted;
  }
  // Otherwise stopping is what Ctrl-C asks of listen: a clean 0.
  return ExitCode.ok;
};
export default listen;

/** How many of the newest stored captures a restarted listen reads back for duplicate detection. */
const REMEMBERED = 10_000;

/** Secrets per provider, resolved once; a warning the first time a provider falls back to its dev secret. */
function secretCache(ctx: CommandContext, settings: Parameters<typeof secretsFor>[1], flags: string[]): (p: ProviderProfile) => string[] {
  const cache = new Map<string, string[]>();
  return (p) => {
    let secrets = cache.get(p.id);
    if (!secrets) {
      const found = secretsFor(p, settings, ctx.io.env, flags);
      secrets = found.secrets;
      cache.set(p.id, secrets);
      if (found.source === 'dev') {
        ctx.out.warn(devSecretWarning(p.id, p.devSecret, 'verifying'));
      }
    }
    return secrets;
  };
}

function bindError(err: unknown, port: number): unknown {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return new IoError(`port ${port} is already in use`, 'pick another with --port, or --port 0 for a free one');
  if (code === 'EACCES') return new IoError(`not allowed to listen on port ${port}`, 'ports below 1024 need privileges: use --port 4000');
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return new IoError(`cannot bind to that host (${code})`, 'use --host 127.0.0.1, or 0.0.0.0 for every interface');
  return err;
}

function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => { resolve = r; });
  return { promise, resolve };
}
