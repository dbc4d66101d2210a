import type { ChalkInstance } from 'chalk';
import type { ProviderProfile } from '../../core/providers/types.js';
import type { ReplayRequest } from '../../core/replay/build.js';
import type { Sent } from '../../core/replay/run.js';
import type { ProviderChoice } from '../../core/check/check-request.js';
import type { LoadedRequest } from '../../core/captures/source.js';
import { redactUrl } from '../../core/http/target.js';
import { printable } from '../../core/text/printable.js';
import { statusColour } from '../shared/output.js';

export interface ReplayItem {
  req: LoadedRequest;
  profile: ProviderProfile;
  /** Where the profile came from: `default` means nothing identified the capture, it is assumed. */
  how: ProviderChoice;
  secrets: readonly string[];
  built: ReplayRequest;
  timeoutMs: number;
}

export type ReplayResult = Sent<ReplayItem> & { expectMet?: boolean; hint?: string };

const pad = (s: string, n: number) => (s.length >= n ? `${s} ` : s.padEnd(n));

/** Column widths for the whole run, known before the first line prints (lines stream as answers come). */
export interface ReplayColumns {
  capture: number;
  provider: number;
  event: number;
}

export function replayColumns(items: readonly ReplayItem[]): ReplayColumns {
  const width = (title: string, values: string[]) => Math.max(title.length, ...values.map((v) => v.length)) + 2;
  return {
    capture: width(
      'CAPTURE',
      items.map((i) => printable(i.req.label)),
    ),
    provider: width('PROVIDER', items.map(providerCell)),
    event: width(
      'EVENT',
      items.map((i) => printable(i.req.capture?.event ?? '-')),
    ),
  };
}

export function replayHeader(c: ChalkInstance, w: ReplayColumns): string {
  const cols: [string, number][] = [
    ['CAPTURE', w.capture],
    ['PROVIDER', w.provider],
    ['EVENT', w.event],
    ['WAS', 5],
    ['NOW', 5],
    ['TIME', 8],
  ];
  return c.bold(`  ${cols.map(([h, n]) => pad(h, n)).join('')}SENT`);
}

/** A capture nothing identified is sent as captured under an assumed provider: show it as unknown. */
function providerOf(i: ReplayItem): string | null {
  return i.how === 'default' && !i.built.resigned ? null : i.profile.id;
}
const providerCell = (i: ReplayItem) => providerOf(i) ?? '-';

/** One line per replay, the original and the new status side by side, and a hint line when one helps. */
export function renderReplay(r: ReplayResult, c: ChalkInstance, w: ReplayColumns): string {
  const { req, built } = r.job.item;
  const was = req.capture?.response?.status;
  const now = r.response?.status;
  const ok = r.expectMet ?? (now !== undefined && now >= 200 && now < 300);
  const mark = ok ? c.green('✔') : c.red('✘');
  const colour = (s: number | undefined) => statusColour(s, c)(s === undefined ? '-' : String(s));
  const notes = [built.resigned ? 're-signed' : 'as captured', built.edited ? 'edited' : ''].filter(Boolean).join(', ');
  const cells = [
    pad(printable(req.label), w.capture),
    pad(providerCell(r.job.item), w.provider),
    pad(printable(req.capture?.event ?? '-'), w.event),
    pad(was === undefined ? '-' : String(was), 5),
    `${colour(now)}${' '.repeat(Math.max(1, 5 - String(now ?? '-').length))}`,
    pad(r.response ? `${Math.round(r.response.timings.totalMs)} ms` : '', 8),
  ];
  const lines = [`${mark} ${cells.join('')}${printable(r.job.method)} ${redactUrl(r.job.url)} ${c.dim(`(${notes})`)}`];
  if (r.error) lines.push(`  ${c.red(printable(r.error.message))}`);
  if (r.hint) lines.push(`  ${c.yellow('hint:')} ${r.hint}`);
  return lines.join('\n');
}

export function replayJson(r: ReplayResult): Record<string, unknown> {
  const { req, built } = r.job.item;
  return {
    id: req.capture?.id ?? null,
    source: req.capture ? 'capture' : req.label,
    provider: providerOf(r.job.item),
    event: req.capture?.event ?? null,
    method: r.job.method,
    url: redactUrl(r.job.url),
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
