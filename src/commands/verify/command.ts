import type { Handler } from '../shared/context.js';
import { storeDirFor } from '../../core/config/load.js';
import { UsageError } from '../../core/errors.js';
import { mergeHeaders, parseHeader } from '../../core/delivery/edits.js';
import { checkPassed, checkRequest, type CheckOutcome } from '../../core/check/check-request.js';
import { lazyStore } from '../../core/captures/open.js';
import { readAll, readArgFile } from '../../core/io/read.js';
import { loadRef, type LoadedRequest } from '../../core/captures/source.js';
import { inputLimits } from '../../core/io/capped.js';
import { renderCheck, checkJson, type JudgedAt } from './render.js';
import { secretResolver } from '../shared/secret-resolver.js';
import { urlsSeenAt } from '../../core/captures/seen-at.js';
import type { VerifyOptions } from './spec.js';

const verify: Handler<VerifyOptions> = async (opts, ctx, args) => {
  const { io, out } = ctx;
  const ref = args[0];
  const extra = (opts.header ?? []).map(parseHeader);
  if (ref !== undefined && opts.body !== undefined) throw new UsageError('give either a capture or --body, not both', "hookctl verify last, or hookctl verify --body body.json -H 'Name: value'");
  if (ref === undefined && opts.body === undefined) {
    throw new UsageError('nothing to verify', 'give a capture id, `last`, a file, `-` (a raw request on stdin), or --body <file> with -H headers');
  }
  if (opts.now && opts.at !== undefined) throw new UsageError('give --now or --at, not both', '--now judges against the clock, --at <time> at that instant');
  const toleranceSec = opts.tolerance;
  const settings = await ctx.settings();
  const store = lazyStore(storeDirFor(settings, opts.store, io.cwd), out.warn);

  const limits = inputLimits(opts.maxInput, settings.listen.maxBody, io.signal);
  let requests: LoadedRequest[];
  // For URL-signed schemes: where the same delivery was captured before (a replay to another host).
  const seenAt = new Map<LoadedRequest, string[]>();
  try {
    requests =
      ref !== undefined
        ? await loadRef(ref, { cwd: io.cwd, store: store.get, readStdin: () => readAll(io.stdin, limits), limits, warn: out.warn })
        : [{ label: opts.body === '-' ? 'stdin' : (opts.body as string), method: 'POST', path: '/', headers: [], body: await readArgFile('--body', opts.body as string, io.cwd, io.stdin, limits) }];
    for (const req of requests) if (req.capture) seenAt.set(req, await urlsSeenAt(store.get(), req, settings.providers));
  } finally {
    await store.close();
  }

  let failed = 0;
  const warned = new Set<string>();
  const secretsOf = secretResolver(settings, io.env, out.warn, 'verifying', opts.secret);
  for (const req of requests) {
    // With --body the -H lines are the request, repeats and all; on a capture they override.
    if (extra.length) req.headers = ref === undefined ? extra : mergeHeaders(req.headers, extra);
    const judged = judgedAt(req, opts, io.now);
    const outcome: CheckOutcome = checkRequest(req, { settings, provider: opts.provider, secretsOf, toleranceSec, now: judged.at, urls: seenAt.get(req) ?? [] });
    notes(outcome, warned, out.warn);
    if (!checkPassed(outcome)) failed++;
    if (out.json) out.object(checkJson(req, outcome, judged));
    else out.line(`${req === requests[0] ? '' : '\n'}${renderCheck(req, outcome, out.c, requests.length > 1, judged)}`);
  }
  return failed > 0 ? 1 : 0;
};
export default verify;

/**
 * The instant a timestamp is judged at: a stored capture as of its receive time (a delivery that was fresh
 * when it arrived stays valid), unless --now or --at; anything without a receive time, the clock.
 */
function judgedAt(req: LoadedRequest, opts: Pick<VerifyOptions, 'now' | 'at'>, clock: () => number): JudgedAt {
  if (opts.at !== undefined) return { at: opts.at, by: 'at' };
  const received = req.capture && !opts.now ? Date.parse(req.capture.receivedAt) : NaN;
  return Number.isNaN(received) ? { at: clock(), by: 'clock' } : { at: received, by: 'received' };
}

/** Say on stderr what was guessed: the provider (the secret resolver speaks for a dev secret). */
function notes(o: CheckOutcome, warned: Set<string>, warn: (s: string) => void): void {
  const once = (key: string, text: string) => {
    if (!warned.has(key)) {
      warned.add(key);
      warn(text);
    }
  };
  if (o.how === 'default') once(`p:${o.profile.id}`, `no known signature header: checking as ${o.profile.id}, the default provider (pass --provider)`);
}
