/**
 * Output for runs of many deliveries: stdout writes batched (one write per 64 KiB, or every
 * 100 ms) so printing 5000 JSON lines costs little, and a progress line on stderr.
 */
export interface Sink {
  write(text: string): void;
  flush(): void;
}

export function bufferedSink(stream: NodeJS.WritableStream, batched: boolean): Sink {
  if (!batched)
    return {
      write: (t) => {
        stream.write(t);
      },
      flush: () => {},
    };
  let pending: string[] = [];
  let size = 0;
  const flush = () => {
    if (size === 0) return;
    stream.write(pending.join(''));
    pending = [];
    size = 0;
  };
  const timer = setInterval(flush, 100);
  timer.unref();
  return {
    write(text) {
      pending.push(text);
      size += text.length;
      if (size >= 65_536) flush();
    },
    flush() {
      flush();
      clearInterval(timer);
    },
  };
}

export interface Progress {
  tick(done: number): void;
  stop(): void;
}

/** ora on an interactive terminal; elsewhere a plain line at every tenth. */
export async function startProgress(total: number, stderr: NodeJS.WritableStream & { isTTY?: boolean }, spinner: boolean): Promise<Progress> {
  const label = (done: number) => `sent ${done}/${total}`;
  if (spinner) {
    const { default: ora } = await import('ora');
    // The caller decided it is interactive (a TTY, no CI): ora must not second-guess it.
    const s = ora({ text: label(0), stream: stderr, isEnabled: true }).start();
    let last = 0;
    return {
      tick(done) {
        const now = performance.now();
        if (now - last < 80 && done < total) return;
        last = now;
        s.text = label(done);
      },
      stop: () => s.stop(),
    };
  }
  const step = Math.max(1, Math.ceil(total / 10));
  return {
    tick(done) {
      if (done % step === 0 || done === total) stderr.write(`${label(done)}\n`);
    },
    stop() {},
  };
}
