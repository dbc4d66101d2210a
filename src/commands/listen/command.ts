import type { CommandContext, Handler } from '../shared/context.js';
import { secretResolver } from '../shared/secret-resolver.js';
import { verifyTokenFor } from '../../core/config/secret-sources.js';
import { storeDirFor } from '../../core/config/load.js';
import { CheckFailedError, ExitCode, IoError, UsageError } from '../../core/errors.js';
import { parseTarget, redactUrl } from '../../core/http/target.js';
import { getProvider } from '../../core/providers/registry.js';
import type { ProviderProfile } from '../../core/providers/types.js';
import { forwardsToItself } from '../../core/server/forward.js';
import { fingerprinter, startCaptureServer, statusSequence, type CaptureServer } from '../../core/server/index.js';
import { idGenerator, openStore, type Capture, type WritableCaptureStore } from '../../core/store/index.js';
import { printBanner } from './banner.js';
import { listenReport } from './report.js';
import type { ListenStats } from './stats.js';
import { startInspector } from '../ui/inspector.js';
import { inspectorUrl } from '../../core/inspector/index.js';
import type { ListenOptions } from './spec.js';

const listen: Handler<ListenOptions> = async (opts, ctx) => {
  const { out, io } = ctx;
  const plan = await planListen(opts, ctx);
  const store = await openListenStore(opts, ctx, plan.settings);
  // A provider's retry can land after a restart: the newest captures seed duplicate detection.
  const earlier = store ? (await store.recent(REMEMBERED)).reverse() : [];
  const ui = opts.ui === false ? undefined : startInspector(ctx, plan.settings, store?.dir, { provider: opts.provider, secrets: opts.secret, toleranceSec: opts.tolerance });
  const report = listenReport(out, io.stdout, { verbose: opts.verbose, now: io.now });
  const finish = deferred<'count' | 'timeout' | 'signal'>();
  let server: CaptureServer;
  try {
    server = await startCaptureServer({
      ...serverOptions(opts, ctx, plan, store, earlier),
      outputReady: report.ready,
      route: ui?.inspector.route,
      onDelivery(d) {
        // At once, without waiting for the store's watcher to see the write.
        ui?.inspector.add(d.capture, d.stored);
        report.delivery(d);
        if (opts.count !== undefined && report.stats.deliveries >= opts.count) finish.resolve('count');
      },
      onRejected: report.rejection,
      onError: (err) => out.warn(`listen: ${(err as Error)?.stack ?? String(err)}`),
    });
  } catch (err) {
    await store?.close();
    throw bindError(err, plan.port);
  }
  // The store is read for the inspector in the background: a large one does not delay deliveries.
  ui?.inspector.start().catch((err: unknown) => out.warn(`inspector: ${(err as Error).message}`));
  printBanner(ctx, plan, server, { store, remembered: earlier.length, inspector: ui ? inspectorUrl(server.url, ui.token) : null });

  const why = await stopWhen(finish, opts, io.signal);
  ui?.inspector.close();
  report.release();
  await server.close();
  await store?.close();
  report.flush();
  if (out.json) out.object(report.stats.toJSON());
  out.log(`${why === 'signal' ? '\n' : ''}${report.stats.line()}${store ? out.c.dim(`; captures in ${store.dir}`) : ''}`);
  return verdict(why, opts, report.stats, out);
};
export default listen;

/** The options checked against each other, the settings and the providers they name. */
async function planListen(opts: ListenOptions, ctx: CommandContext) {
  if (opts.forwardTo && (opts.status !== undefined || opts.respond)) {
    throw new UsageError('--status and --respond cannot be used with --forward-to', 'with --forward-to your app decides the answer');
  }
  if (opts.status !== undefined && opts.respond) throw new UsageError('--status and --respond cannot be used together', '--respond 200 is the same as --status 200');
  const settings = await ctx.settings(opts.provider ? { provider: opts.provider } : {});
  // `--host "$UNSET"` would otherwise bind every interface: an empty host is a mistake, not a choice.
  if (opts.host !== undefined && opts.host.trim() === '') {
    throw new UsageError('--host is empty', 'pass --host 127.0.0.1 (the default), or --host 0.0.0.0 to listen on every interface on purpose');
  }
  const fixed = opts.provider ? getProvider(opts.provider, settings.customProviders) : undefined;
  const forwardTo = opts.forwardTo ? parseTarget(opts.forwardTo, '/') : undefined;
  if (opts.insecure && forwardTo) ctx.out.warn('--insecure: TLS certificates of --forward-to are not checked');
  const host = opts.host ?? settings.listen.host;
  const port = opts.port ?? settings.listen.port;
  if (forwardTo && forwardsToItself(forwardTo, host, port)) {
    throw new UsageError(
      `--forward-to ${redactUrl(forwardTo.href)} is this listen's own address: every delivery would be relayed back to it`,
      "point --forward-to at your app's port, or give listen another --port",
    );
  }
  return { settings, fixed, fallback: !fixed && settings.providerExplicit ? settings.profile : undefined, forwardTo, host, port };
}
type Plan = Awaited<ReturnType<typeof planListen>>;

/** The store, created (private) and checked writable before listen binds; none with --no-store. */
async function openListenStore(opts: ListenOptions, ctx: CommandContext, settings: Plan['settings']): Promise<WritableCaptureStore | undefined> {
  if (opts.store === false) return undefined;
  const dir = storeDirFor(settings, typeof opts.store === 'string' ? opts.store : undefined, ctx.io.cwd);
  const store = openStore(dir, { onWarning: (w) => ctx.out.warn(`${w.where}: ${w.message}`) });
  await store.prepare();
  return store;
}

function serverOptions(opts: ListenOptions, ctx: CommandContext, plan: Plan, store: WritableCaptureStore | undefined, earlier: Capture[]) {
  const { io } = ctx;
  const secretsOf = secretResolver(plan.settings, io.env, ctx.out.warn, 'verifying', opts.secret);
  return {
    host: plan.host,
    port: plan.port,
    maxBody: opts.maxBody ?? plan.settings.listen.maxBody,
    requestTimeoutMs: opts.requestTimeout ?? 30_000,
    earlier,
    now: io.now,
    newId: idGenerator(io.now, io.random),
    inspect: {
      providers: plan.settings.providers,
      fixed: plan.fixed,
      fallback: plan.fallback,
      toleranceSec: opts.tolerance,
      secretsFor: (p: ProviderProfile) => secretsOf(p).secrets,
      verifyTokenFor: (p: ProviderProfile) => verifyTokenFor(p, plan.settings, io.env),
      fingerprint: fingerprinter(plan.settings.fixtureDirs),
    },
    store,
    nextStatus: statusSequence(opts.respond ?? [opts.status ?? 200]),
    rejectInvalid: Boolean(opts.rejectInvalid),
    handshakes: opts.handshake !== false,
    delayMs: opts.delay ?? 0,
    forwardTo: plan.forwardTo,
    forwardTimeoutMs: plan.fixed?.delivery.timeoutMs ?? 30_000,
    forwardInsecure: opts.insecure === true,
    monotonic: io.monotonic,
  };
}

/** Waits for --count, --timeout or Ctrl-C, whichever comes first. */
async function stopWhen(finish: ReturnType<typeof deferred<'count' | 'timeout' | 'signal'>>, opts: ListenOptions, signal: AbortSignal) {
  const onAbort = () => finish.resolve('signal');
  signal.addEventListener('abort', onAbort, { once: true });
  if (signal.aborted) onAbort();
  const timer = opts.timeout !== undefined ? setTimeout(() => finish.resolve('timeout'), opts.timeout) : undefined;
  const why = await finish.promise;
  clearTimeout(timer);
  signal.removeEventListener('abort', onAbort);
  return why;
}

/** The exit code: what the run was asked to prove (--count within --timeout, --strict) decides it. */
function verdict(why: 'count' | 'timeout' | 'signal', opts: ListenOptions, stats: ListenStats, out: CommandContext['out']): number {
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
}

/** How many of the newest stored captures a restarted listen reads back for duplicate detection. */
const REMEMBERED = 10_000;

function bindError(err: unknown, port: number): unknown {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return new IoError(`port ${port} is already in use`, 'pick another with --port, or --port 0 for a free one');
  if (code === 'EACCES') return new IoError(`not allowed to listen on port ${port}`, 'ports below 1024 need privileges: use --port 4000');
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return new IoError(`cannot bind to that host (${code})`, 'use --host 127.0.0.1, or 0.0.0.0 for every interface');
  return err;
}

function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
