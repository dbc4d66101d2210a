import { openStore, type CaptureStore } from '../store/index.js';

/** A store opened on first use, warnings about damaged entries going to `warn`. */
export function lazyStore(dir: string, warn: (text: string) => void): { get(): CaptureStore; close(): Promise<void> } {
  let store: CaptureStore | undefined;
  return {
    get: () => (store ??= openStore(dir, { onWarning: (w) => warn(`${w.where}: ${w.message}`) })),
    close: async () => {
      await store?.close();
    },
  };
}
