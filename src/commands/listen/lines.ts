import type { Rejection } from '../../core/server/index.js';

/** Result lines waiting for stdout, at most: past this, a slow reader is a slow reader. */
const MAX_PENDING_BYTES = 1024 * 1024;

export interface LineSink {
  push(line: string): void;
  /** Undefined when the sink has room, else resolves when it has; only a lossless sink ever waits. */
  ready(): Promise<void> | undefined;
  /** Writes what is pending, whether or not stdout keeps up (the run is ending); `ready` waits no more. */
  flush(): void;
  /** Lines left out because stdout was not keeping up (never in lossless mode). */
  readonly dropped: number;
}

/**
 * Result lines for stdout, written once per event-loop turn and only while stdout takes them
 * (`write` returning false means wait for 'drain'). Memory stays bounded when the reader is slow
 * (`listen --verbose | sleep 300`), in one of two ways:
 * - human output (`lossless: false`) drops lines past 1 MiB pending, counts them, and says so
 *   when stdout catches up: capture never waits for a terminal;
 * - NDJSON (`lossless: true`) never drops a line: `ready()` holds back the next answer while
 *   1 MiB is pending, so the slow reader slows the senders instead (see docs/hardening.md).
 */
export function pacedLines(stream: NodeJS.WritableStream, lossless: boolean, maxPending = MAX_PENDING_BYTES): LineSink {
  let pending: string[] = [];
  let pendingBytes = 0;
  let blocked = false;
  let dropped = 0;
  let unsaid = 0;
  let scheduled: NodeJS.Immediate | undefined;
  let waiters: (() => void)[] = [];

  let ending = false;
  const write = (force: boolean) => {
    ending ||= force;
    if (scheduled) clearImmediate(scheduled);
    scheduled = undefined;
    if (blocked && !force) return;
    if (unsaid) {
      pending.push(`… ${unsaid} ${unsaid === 1 ? 'line' : 'lines'} not shown: stdout was not keeping up`);
      unsaid = 0;
    }
    if (pending.length) {
      const ok = stream.write(`${pending.join('\n')}\n`);
      pending = [];
      pendingBytes = 0;
      if (!ok && !blocked) {
        blocked = true;
        stream.once('drain', () => {
          blocked = false;
          write(false);
        });
      }
    }
    if (!blocked || ending) {
      const wake = waiters;
      waiters = [];
      for (const w of wake) w();
    }
  };
  const schedule = () => {
    scheduled ??= setImmediate(() => write(false));
  };

  return {
    push(line) {
      if (!lossless && pendingBytes >= maxPending) {
        dropped++;
        unsaid++;
        return;
      }
      pending.push(line);
      pendingBytes += line.length + 1;
      schedule();
    },
    ready() {
      if (!lossless || ending || pendingBytes < maxPending) return undefined;
      return new Promise<void>((resolve) => waiters.push(resolve));
    },
    flush: () => write(true),
    get dropped() {
      return dropped;
    },
  };
}

/** Rejection lines, at most 10 a second, so a flood of garbage cannot flood the terminal. */
export function throttled(print: (r: Rejection, at: number) => void, summary: (n: number) => void) {
  let windowStart = 0;
  let shown = 0;
  let hidden = 0;
  const flush = () => {
    if (hidden) summary(hidden);
    hidden = 0;
  };
  return {
    push(r: Rejection, at: number) {
      if (at - windowStart >= 1_000) {
        flush();
        windowStart = at;
        shown = 0;
      }
      if (shown++ < 10) print(r, at);
      else hidden++;
    },
    flush,
  };
}
