import type { Handler } from './shared/context.js';
import { storeDirFor } from '../core/config/load.js';
import { UsageError } from '../core/errors.js';
import { mergeHeaders, parseHeader } from '../core/delivery/edits.js';
import { checkRequest, type CheckOutcome } from '../core/verify/check.js';
import { lazyStore } from '../core/captures/open.js';
import { readAll, readArgFile } from '../core/io/read.js';
import { loadRef, type LoadedRequest } from '../core/captures/source.js';
import { inputLimits } from '../core/io/capped.js';
import { renderCheck, checkJson } from './verify/render.js';
import { devSecretWarning } from '../core/secrets.js';

interface VerifyOptions {
  provider?: string;
  secret?: string[];
  tolerance?: number;
  body?: string;
  header?: string[];
  store?: string;
  maxInput?: number;
}

const verify: Handler<VerifyOptions> = async (opts, ctx, args) => {
  const { io, out } = ctx;
  const ref = args[0];
  const extra = (opts.header ?? []).map(parseHeader);
  if (ref !== undefined && opts.body !== undefined) throw new UsageError('give either a capture or --body, not both', 'hookctl verify last, or hookctl verify --body body.json -H \'Name: value\'');
  if (ref === undefined && opts.body === undefined) {
    throw new UsageError('nothing to verify', 'give a capture id, `last`, a file, `-` (a raw request on stdin), or --body <file> with -H headers');
  }
  const toleranceSec = opts.tolerance;
  const settings = await ctx.settings();
  const store = lazyStore(storeDirFor(settings, opts.store, io.cwd), out.warn);

  const limits = inputLimits(opts.maxInput, settings.listen.maxBody, io.signal);
  let requests: LoadedRequest[];
  try {
    requests = ref !== undefined
      ? await loadRef(ref, { cwd: io.cwd, store: store.get, readStdin: () => readAll(io.stdin, limits), limits, warn: out.warn })
      : [{ label: opts.body === '-' ? 'stdin' : (opts.body as string), method: 'POST', path: '/', headers: [], body: await readArgFile('--body', opts.body as string, io.cwd, io.stdin, limits) }];
  } finally {
    await store.close();
  }

  let failed = 0;
  const warned = new Set<string>();
  for (const req of requests) {
    // With --body the -H lines are the request, repeats and all; on a capture they override.
    if (extra.length) req.headers = ref === undefined ? extra : mergeHeaders(req.headers, extra);
    const outcome: CheckOutcome = checkRequest(req, { settings, env: io.env, provider: opts.provider, secrets: opts.secret ?? [], toleranceSec, now: io.now() });
    notes(outcome, warned, out.warn);
    if (!outcome.result.ok) failed++;
    if (out.json) out.object(checkJson(req, outcome));
    else out.line(`${req === requests[0] ? '' : '\n'}${renderCheck(req, outcome, out.c, requests.length > 1)}`);
  }
  return failed > 0 ? 1 : 0;
};
export default verify;

/** Say on stderr what was guessed: the provider, or a dev secret standing in for the real one. */
function notes(o: CheckOutcome, warned: Set<string>, warn: (s: string) => void): void {
  const once = (key: string, text: string) => { if (!warned.has(key)) { warned.add(key); warn(text); } };
  if (o.how === 'default') once(`p:${o.profile.id}`, `no known signature header: checking as ${o.profile.id}, the default provider (pass --provider)`);
  if (o.secretSource === 'dev') once(`s:${o.profile.id}`, devSecretWarning(o.profile.id, o.profile.devSecret, 'verifying'));
}
