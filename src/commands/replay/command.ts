import type { CommandContext, Handler } from '../shared/context.js';
import type { Settings } from '../../core/config/types.js';
import { storeDirFor } from '../../core/config/load.js';
import { secretResolver } from '../shared/secret-resolver.js';
import { parseEdits } from '../../core/delivery/edits.js';
import { expectNotMet, parseExpect } from '../../core/delivery/expect.js';
import { CheckFailedError, UsageError } from '../../core/errors.js';
import { readTarget } from '../../core/http/target.js';
import { buildReplay } from '../../core/replay/build.js';
import { pickProvider } from '../../core/check/check-request.js';
import { lazyStore } from '../../core/captures/open.js';
import { readAll } from '../../core/io/read.js';
import { inputLimits } from '../../core/io/capped.js';
import type { ReplayItem, ReplayResult } from './render.js';
import { sendReplays } from './send-replays.js';
import { targetUrl } from '../../core/http/resend.js';
import type { Job } from '../../core/replay/run.js';
import { listFilter, selectCaptures } from '../../core/captures/select.js';
import { fromCapture, loadRef, type LoadedRequest } from '../../core/captures/source.js';
import type { ReplayOptions } from './spec.js';

const replay: Handler<ReplayOptions> = async (opts, ctx, args) => {
  const { io, out } = ctx;
  const refs = args;
  const { concurrency, delay: delayMs, timeout: timeoutOpt } = opts;
  const expect = opts.expect ? parseExpect(opts.expect) : undefined;
  const edits = parseEdits(opts);
  if (refs.length === 0 && !opts.all && !opts.since) throw new UsageError('which captures? none given', 'give ids or `last`, or select with --all or --since 10m');
  if (refs.length > 0 && opts.all) throw new UsageError('give capture ids or --all, not both', 'hookctl replay --all --to localhost:3000');
  const settings = await ctx.settings();
  const to = opts.to ?? settings.target;
  if (!to) throw new UsageError('where to? no target given', 'pass --to localhost:3000, or set "target" in the config');
  const target = readTarget(to);
  if (edits.length && !opts.resign) out.warn('edits without --resign: the body changes but the old signature stays, so the receiver should reject it');

  const requests = await loadRequests(opts, refs, ctx, settings);
  if (requests.length === 0) {
    // Nothing sent cannot meet an expectation: a CI step must not pass on an empty selection.
    if (expect)
      throw new CheckFailedError(
        `no captures match: nothing replayed, so --expect ${expect.text} is not met`,
        'check --since, --provider, --event and --store (hookctl captures list shows what is there)',
      );
    out.warn('no captures match: nothing replayed');
    return 0;
  }

  // Without --resign nothing is signed: the secrets only check the capture for replay's hint (the
  // verifying half of a key pair), so no dev-secret warning.
  const secretsOf = secretResolver(settings, io.env, opts.resign ? out.warn : () => {}, opts.resign ? 're-signing' : 'verifying', opts.secret);
  const jobs: Job<ReplayItem>[] = requests.map((req) => {
    const { profile, how } = pickProvider(req, settings, opts.provider);
    if (opts.resign && how === 'default') out.warn(`${req.label} carries no known signature header: re-signing it as ${profile.id}, the default provider (pass --provider)`);
    const { secrets } = secretsOf(profile);
    const sendTo = targetUrl(target, req.path);
    const built = buildReplay(req, { resign: Boolean(opts.resign), edits, profile, secrets, now: io.now(), random: io.random, url: String(sendTo) });
    const url = built.url ? new URL(built.url) : sendTo;
    return { item: { req, profile, how, secrets, built, timeoutMs: timeoutOpt ?? profile.delivery.timeoutMs }, url, method: built.method, headers: built.headers, body: built.body };
  });

  const results = await sendReplays(ctx, jobs, { concurrency, delayMs, expect, insecure: opts.insecure === true });

  // Ctrl-C: what was sent is reported; the exit code says it was interrupted.
  if (io.signal.aborted) return;
  const failed = results.find((r) => r.error);
  summary(results, out.log, out.c.dim);
  if (failed?.error) throw failed.error;
  const unmet = expect ? results.filter((r) => !r.expectMet) : [];
  if (expect && unmet.length) {
    throw expectNotMet(
      expect,
      unmet.map((r) => r.response?.status),
      results.length,
      unmet.find((r) => r.hint)?.hint ?? 'the lines above show what the receiver answered to each capture',
    );
  }
  return 0;
};
export default replay;

/** The requests named (ids, `last`, files, `-`), or the store's captures the filters select. */
async function loadRequests(opts: ReplayOptions, refs: string[], { io, out }: CommandContext, settings: Settings): Promise<LoadedRequest[]> {
  const store = lazyStore(storeDirFor(settings, opts.store, io.cwd), out.warn);
  const limits = inputLimits(opts.maxInput, settings.listen.maxBody, io.signal);
  try {
    if (refs.length === 0) {
      const filter = listFilter({ provider: opts.provider, event: opts.event, failed: opts.failed, since: opts.since }, io.now(), settings.customProviders);
      return (await selectCaptures(store.get(), [], filter)).map(fromCapture);
    }
    const requests: LoadedRequest[] = [];
    for (const ref of refs) requests.push(...(await loadRef(ref, { cwd: io.cwd, store: store.get, readStdin: () => readAll(io.stdin, limits), limits, warn: out.warn })));
    return requests;
  } finally {
    await store.close();
  }
}

function summary(results: readonly ReplayResult[], log: (s: string) => void, dim: (s: string) => string): void {
  const byStatus = new Map<string, number>();
  for (const r of results) {
    const k = r.response ? String(r.response.status) : 'no response';
    byStatus.set(k, (byStatus.get(k) ?? 0) + 1);
  }
  log(dim(`replayed ${results.length}: ${[...byStatus].map(([k, n]) => `${n} × ${k}`).join(', ')}`));
}
