import type { ChalkInstance } from 'chalk';
import type { ProviderProfile } from '../providers/types.js';
import type { ReplayRequest } from './build.js';
import type { Sent } from './run.js';
import type { LoadedRequest } from './source.js';
import { printable } from '../printable.js';

export interface ReplayItem {
  req: LoadedRequest;
  profile: ProviderProfile;
  secrets: readonly string[];
  built: ReplayRequest;
  timeoutMs: number;
}

export type ReplayResult = Sent<ReplayItem> & { expectMet?: boolean; hint?: string };

const COLUMNS: [string, number][] = [['CAPTURE', 20], ['PROVIDER', 13], ['EVENT', 24], ['WAS', 5], ['NOW', 5], ['TIME', 8]];
const pad = (s: string, n: number) => (s.length >= n ? `${s} ` : s.padEnd(n));

export function replayHeader(c: ChalkInstance): string {
  return c.bold(`  ${COLUMNS.map(([h, w]) => pad(h, w)).join('')}SENT`);
}

/** One line per replay, the original and the new status side by side, and a hint line when one helps. */
export function renderReplay(r: ReplayResult, c: ChalkInstance): string {
  const { req, profile, built } = r.job.item;
  const was = req.capture?.response?.status;
  const now = r.response?.status;
  const ok = r.expectMet ?? (now !== undefined && now >= 200 && now < 300);
  const mark = ok ? c.green('✔') : c.red('✘');
  const colour = (s: number | undefined) => (s === undefined ? c.red('-') : s < 300 ? c.green(String(s)) : s < 500 ? c.yellow(String(s)) : c.red(String(s)));
  const notes = [built.resigned ? 're-signed' : 'as captured', built.edited ? 'edited' : ''].filter(Boolean).join(', ');
  const cells = [
    pad(printable(req.label), 20), pad(profile.id, 13), pad(printable(req.capture?.event ?? '-'), 24),
    pad(was === undefined ? '-' : String(was), 5), `${colour(now)}${' '.repeat(Math.max(1, 5 - String(now ?? '-').length))}`,
    pad(r.response ? `${Math.round(r.response.timings.totalMs)} ms` : '', 8),
  ];
  const lines = [`${mark} ${cells.join('')}${r.job.method} ${r.job.url.href} ${c.dim(`(${notes})`)}`];
  if (r.error) lines.push(`  ${c.red(printable(r.error.message))}`);
  if (r.hint) lines.push(`  ${c.yellow('hint:')} ${r.hint}`);
  return lines.join('\n');
}

export function replayJson(r: ReplayResult): Record<string, unknown> {
  const { req, profile, built } = r.job.item;
  return {
    id: req.capture?.id ?? null,
    source: req.capture ? 'capture' : req.label,
    provider: profile.id,
    event: req.capture?.event ?? null,
    method: r.job.method,
    url: r.job.url.href,
    resigned: built.resigned,
    edited: built.edited,
    originalStatus: req.capture?.response?.status ?? null,
    status: r.response?.status ?? null,
    ms: r.response ? Math.round(r.response.timings.totalMs) : null,
    bodySha256: built.bodySha256,
    originalBodySha256: req.capture?.bodySha256 ?? null,
    deliveryId: built.deliveryId ?? req.capture?.deliveryId ?? null,
    timestamp: built.timestamp ?? null,
    ...(r.expectMet === undefined ? {} : { expectMet: r.expectMet }),
    ...(r.hint ? { hint: r.hint } : {}),
    ...(r.error ? { error: { kind: r.error.kind, message: r.error.message } } : {}),
  };
}
