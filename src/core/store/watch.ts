import { type FSWatcher, watch } from 'node:fs';
import { join } from 'node:path';

/** The safety net under fs.watch, which can miss events (network filesystems, a directory made later). */
const POLL_MS = 500;

/**
 * Calls `read` whenever the store may have changed (fs.watch, with a poll under it), one call at a
 * time, until `signal` aborts. The first read's error is thrown (a store that cannot be read at
 * all); later ones go to `onError`, each once until it changes (a poll must not repeat it twice a second).
 * Writes to a segment `known` names do not call `read` (listen's own, already handed over: under
 * load, reading each batch back cost more than verifying it); the poll still does.
 */
export async function watchStore(dir: string, signal: AbortSignal, read: () => Promise<void>, onError: (err: unknown) => void, known: (segment: string) => boolean = () => false): Promise<void> {
  await read();
  // Stopped during that first read (Ctrl-C right after start): set nothing up that would keep the process alive.
  if (signal.aborted) return;
  let running: Promise<void> | undefined;
  let again = false;
  let lastError = '';
  const report = (err: unknown) => {
    const text = String((err as Error)?.message ?? err);
    if (text !== lastError) onError(err);
    lastError = text;
  };
  const kick = (): void => {
    if (signal.aborted) return;
    if (running) {
      again = true;
      return;
    }
    running = read()
      .then(() => {
        lastError = '';
      }, report)
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          kick();
        }
      });
  };
  let watcher: FSWatcher | undefined;
  const tryWatch = () => {
    if (watcher || signal.aborted) return;
    try {
      watcher = watch(join(dir, 'captures'), { persistent: false }, (event, name) => {
        if (event === 'change' && name && known(name)) return;
        kick();
      });
      watcher.on('error', () => {
        watcher?.close();
        watcher = undefined;
      });
    } catch {
      // No directory yet: the poll below reads it once listen creates it.
    }
  };
  tryWatch();
  const timer = setInterval(() => {
    tryWatch();
    kick();
  }, POLL_MS);
  signal.addEventListener(
    'abort',
    () => {
      clearInterval(timer);
      watcher?.close();
    },
    { once: true },
  );
}
