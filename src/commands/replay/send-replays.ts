import type { CommandContext } from '../shared/context.js';
import type { Expectation } from '../../core/delivery/expect.js';
import { isRouteMissing, routeNotFound } from '../../core/http/route.js';
import { replayHint } from '../../core/replay/judge.js';
import type { Job, Sent } from '../../core/replay/run.js';
import { renderReplay, replayColumns, replayHeader, replayJson, type ReplayItem, type ReplayResult } from './render.js';

export interface SendPlan {
  concurrency: number;
  delayMs: number;
  expect?: Expectation;
  insecure: boolean;
}

/** Send the replays (undici loaded only now), printing each answer as it lands, with its hint. */
export async function sendReplays(ctx: CommandContext, jobs: Job<ReplayItem>[], plan: SendPlan): Promise<ReplayResult[]> {
  const { io, out } = ctx;
  const { createHttpClient } = await import('../../core/http/client.js');
  const { runJobs } = await import('../../core/replay/run.js');
  if (plan.insecure) out.warn('--insecure: TLS certificates are not checked');
  const client = await createHttpClient({ connections: plan.concurrency, insecure: plan.insecure });
  const results: ReplayResult[] = [];
  const columns = replayColumns(jobs.map((j) => j.item));
  if (!out.json) out.line(replayHeader(out.c, columns));
  try {
    const timeoutMs = Math.max(...jobs.map((j) => j.item.timeoutMs));
    await runJobs(client, jobs, { concurrency: plan.concurrency, delayMs: plan.delayMs, timeoutMs, signal: io.signal }, (sent) => {
      const status = sent.response?.status;
      const result: ReplayResult = { ...sent, expectMet: plan.expect ? plan.expect.matches(status) : undefined, hint: hintFor(sent, io.now()) };
      results.push(result);
      if (out.json) out.object(replayJson(result));
      else out.line(renderReplay(result, out.c, columns));
    });
  } finally {
    await client.close();
  }
  return results;
}

/** Why an answer may not be what was hoped: a missing route, else what the capture itself explains. */
function hintFor(sent: Sent<ReplayItem>, now: number): string | undefined {
  const status = sent.response?.status;
  if (status === undefined) return undefined;
  const { item } = sent.job;
  if (isRouteMissing(status)) return routeNotFound(sent.job.method, sent.job.url, status, { provider: item.profile.id, path: item.profile.request.path });
  return replayHint(item.req, item.profile, item.secrets, status, now, item.built.resigned, String(sent.job.url));
}
