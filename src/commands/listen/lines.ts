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
  return new PacedLines(stream, lossless, maxPending);
}

class PacedLines implements LineSink {
  private pending: string[] = [];
  private pendingBytes = 0;
  private blocked = false;
  private unsaid = 0;
  private scheduled: NodeJS.Immediate | undefined;
  private waiters: (() => void)[] = [];
  private ending = false;
  dropped = 0;

  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly lossless: boolean,
    private readonly maxPending: number,
  ) {}

  push(line: string): void {
    if (!this.lossless && this.pendingBytes >= this.maxPending) {
      this.dropped++;
      this.unsaid++;
      return;
    }
    this.pending.push(line);
    this.pendingBytes += line.length + 1;
    this.scheduled ??= setImmediate(() => this.write(false));
  }

  ready(): Promise<void> | undefined {
    if (!this.lossless || this.ending || this.pendingBytes < this.maxPending) return undefined;
    return new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  flush(): void {
    this.write(true);
  }

  private write(force: boolean): void {
    this.ending ||= force;
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    if (this.blocked && !force) return;
    if (this.unsaid) {
      this.pending.push(`… ${this.unsaid} ${this.unsaid === 1 ? 'line' : 'lines'} not shown: stdout was not keeping up`);
      this.unsaid = 0;
    }
    if (this.pending.length) {
      const ok = this.stream.write(`${this.pending.join('\n')}\n`);
      this.pending = [];
      this.pendingBytes = 0;
      if (!ok && !this.blocked) {
        this.blocked = true;
        this.stream.once('drain', () => {
          this.blocked = false;
          this.write(false);
        });
      }
    }
    if (!this.blocked || this.ending) {
      const wake = this.waiters;
      this.waiters = [];
      for (const w of wake) w();
    }
  }
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
