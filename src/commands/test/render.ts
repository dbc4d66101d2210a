import type { Output } from '../shared/output.js';
import type { Exchange, ScenarioResult } from '../../core/conformance/types.js';

export interface Summary {
  passed: number;
  failed: number;
  inconclusive: number;
  skipped: number;
}

interface Finished {
  run: { acceptedForged: readonly string[]; unproven: readonly string[] };
  summary: Summary;
  seconds: number;
  interrupted: boolean;
  provider: string;
  target: string;
  hint: string | undefined;
}

/** The run's last line (or --json object): counts, time, and why some verdicts did not count. */
export function printSummary(out: Output, f: Finished): void {
  const { run, summary, seconds, interrupted, hint } = f;
  if (out.json) {
    out.object({
      type: 'summary',
      provider: f.provider,
      target: f.target,
      ...summary,
      seconds: Number(seconds.toFixed(3)),
      ...(run.unproven.length ? { acceptedForged: run.acceptedForged, unproven: run.unproven } : {}),
      ...(hint ? { hint } : {}),
      ...(interrupted ? { interrupted: true } : {}),
    });
    return;
  }
  const parts = [
    out.c.green(`${summary.passed} passed`),
    summary.failed ? out.c.red(`${summary.failed} failed`) : '0 failed',
    ...(summary.inconclusive ? [out.c.yellow(`${summary.inconclusive} inconclusive`)] : []),
    `${summary.skipped} skipped`,
  ];
  out.line(`\n${parts.join(', ')} in ${seconds.toFixed(1)} s${interrupted ? ' (interrupted: the remaining scenarios did not run)' : ''}`);
  if (run.unproven.length) out.line(out.c.yellow(forgedSummary(run)));
  if (hint) out.line(out.c.yellow(`hint: ${hint}`));
}

/** The one line that says why 2xx verdicts were not counted as passes. */
function forgedSummary(run: { acceptedForged: readonly string[]; unproven: readonly string[] }): string {
  return `${run.unproven.join(', ')}: inconclusive, because the route accepted forged deliveries too (${run.acceptedForged.join(', ')})`;
}

const MARK = { pass: '✔', fail: '✘', inconclusive: '?' } as const;

export function printResult(out: Output, r: ScenarioResult, width: number): void {
  const { c } = out;
  const id = r.id.padEnd(width);
  if (r.status === 'skip') {
    out.line(`${c.dim('-')} ${c.dim(id)} ${c.dim(`skipped: ${r.got}`)}`);
    return;
  }
  const colour = r.status === 'pass' ? c.green : r.status === 'fail' ? c.red : c.yellow;
  const ms = r.id === 'response-time' ? '' : c.dim(`${r.ms} ms`);
  out.line(`${colour(MARK[r.status])} ${id} expected ${r.expected}, got ${r.got}  ${ms}`.trimEnd());
  if (r.message) out.line(`    ${colour(r.message)}`);
  if (r.warning) out.line(`    ${c.yellow(`! ${r.warning}`)}`);
}

/** The valid delivery that refusals are judged against, when no event scenario already sent one. */
export function printBaseline(out: Output, x: Exchange, width: number): void {
  const ok = x.status !== undefined && x.status >= 200 && x.status < 300;
  out.line(out.c.dim(`${ok ? '·' : '!'} ${'baseline'.padEnd(width)} a valid ${x.label.replace(/^baseline /, '')} delivery, answered ${x.status ?? 'nothing'}  ${x.ms} ms`));
}
