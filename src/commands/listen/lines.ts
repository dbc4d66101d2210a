import type { Rejection } from '../../core/server/index.js';

/** Result lines written once per event-loop turn: one write for a burst of deliveries, not one each. */
export function lineBuffer(stream: NodeJS.WritableStream): { push(line: string): void; flush(): void } {
  let pending: string[] = [];
  let scheduled: NodeJS.Immediate | undefined;
  const flush = () => {
    if (scheduled) clearImmediate(scheduled);
    scheduled = undefined;
    if (pending.length) stream.write(`${pending.join('\n')}\n`);
    pending = [];
  };
  return {
    push(line) {
      pending.push(line);
      scheduled ??= setImmediate(flush);
    },
    flush,
  };
}

/** Rejection lines, at most 10 a second, so a flood of garbage cannot flood the terminal. */
export function throttled(print: (r: Rejection, at: number) => void, summary: (n: number) => void) {
  let windowStart = 0;
  let shown = 0;
  let hidden = 0;
  const flush = () => { if (hidden) summary(hidden); hidden = 0; };
  return {
    push(r: Rejection, at: number) {
      if (at - windowStart >= 1_000) { flush(); windowStart = at; shown = 0; }
      if (shown++ < 10) print(r, at);
      else hidden++;
    },
    flush,
  };
}
