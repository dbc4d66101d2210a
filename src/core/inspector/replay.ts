import { isUtf8 } from 'node:buffer';
import type { ResolvedSecrets } from '../config/secret-sources.js';
import type { Settings } from '../config/types.js';
import { UsageError } from '../errors.js';
import { createHttpClient, NetworkError } from '../http/client.js';
import { readTarget, redactUrl } from '../http/target.js';
import type { ProviderProfile } from '../providers/types.js';
import type { Random } from '../random.js';
import { buildReplay } from '../replay/build.js';
import { pickProvider } from '../check/check-request.js';
import { replayHint } from '../replay/judge.js';
import { targetUrl } from '../http/resend.js';
import { fromCapture } from '../captures/source.js';
import type { Capture } from '../store/types.js';

export interface ReplayContext {
  settings: Settings;
  /** A provider's secrets, as the command resolves them (`--secret`, env, config, dev secret). */
  secretsOf(profile: ProviderProfile): ResolvedSecrets;
  now(): number;
  random: Random;
  /** As `replay --provider`: listen's own flag. */
  provider?: string;
}

/** What the page shows after a replay: the receiver's answer, or why there was none. */
export interface ReplayAnswer {
  url: string;
  resigned: boolean;
  sent: { method: string; headers: [string, string][]; bytes: number };
  status?: number;
  headers?: [string, string][];
  /** The answer's body: text when it is UTF-8, else base64 (at most what the client keeps, 1 MiB). */
  body?: { text?: string; base64?: string; bytes: number };
  ms?: number;
  error?: string;
  hint?: string;
}

/** `hookctl replay <id> --to <to> [--resign]` for one capture, through the same core modules. */
export async function replayCapture(c: Capture, to: string, resign: boolean, x: ReplayContext): Promise<ReplayAnswer> {
  const target = to.trim() || x.settings.target;
  if (!target) throw new UsageError('where to? no target given', 'type a URL such as localhost:3000/webhooks');
  const req = fromCapture(c);
  const { profile } = pickProvider(req, x.settings, x.provider);
  const { secrets } = x.secretsOf(profile);
  const built = buildReplay(req, { resign, edits: [], profile, secrets, now: x.now(), random: x.random });
  const url = targetUrl(readTarget(target), req.path);
  const answer: ReplayAnswer = { url: redactUrl(url), resigned: built.resigned, sent: { method: built.method, headers: built.headers, bytes: built.body.length } };
  const client = await createHttpClient();
  try {
    const res = await client.send({ url, method: built.method, headers: built.headers, body: built.body, timeoutMs: profile.delivery.timeoutMs });
    const text = isUtf8(res.body);
    return {
      ...answer,
      status: res.status,
      headers: Object.entries(res.headers).flatMap(([k, v]) => (v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((one): [string, string] => [k, one]))),
      body: { ...(text ? { text: res.body.toString('utf8') } : { base64: res.body.toString('base64') }), bytes: res.body.length },
      ms: Math.round(res.timings.totalMs),
      hint: replayHint(req, profile, secrets, res.status, x.now(), built.resigned),
    };
  } catch (err) {
    if (err instanceof NetworkError) return { ...answer, error: `${err.message}${err.hint ? ` (${err.hint})` : ''}` };
    throw err;
  } finally {
    await client.close();
  }
}
