import { DedupIndex } from './dedup.js';
import { createForwarder } from './forward.js';
import { startHttpServer, type HttpOptions, type Rejection } from './http.js';
import type { Capture } from '../store/types.js';
import { createPipeline, dedupKey, type PipelineOptions } from './pipeline.js';

export interface CaptureServerOptions extends Omit<PipelineOptions, 'dedup' | 'forwarder' | 'stopping'> {
  host: string;
  /** 0 picks a free port. */
  port: number;
  maxBody: number;
  requestTimeoutMs: number;
  now(): number;
  /** --forward-to, and how long the app may take to answer. */
  forwardTo?: URL;
  forwardTimeoutMs?: number;
  /** --insecure: the app's TLS certificate is not checked. */
  forwardInsecure?: boolean;
  /** The monotonic clock the app's answer is timed with (a handshake's deadline); performance.now by default. */
  monotonic?: () => number;
  /** Bound on the duplicate index (keys remembered). */
  dedupCapacity?: number;
  /** Captures from before this run (oldest first), so a retry after a restart is still a duplicate. */
  earlier?: readonly Capture[];
  onRejected(r: Rejection): void;
  onError(err: unknown): void;
  /** A router hook for requests that are not deliveries (the inspector): see HttpOptions.route. */
  route?: HttpOptions['route'];
}

export interface CaptureServer {
  url: string;
  port: number;
  /** Stops accepting, finishes the requests in flight, and releases every handle. */
  close(): Promise<void>;
}

/** The capture server behind `hookctl listen`. */
export async function startCaptureServer(o: CaptureServerOptions): Promise<CaptureServer> {
  const forwarder = o.forwardTo
    ? await createForwarder(o.forwardTo, { timeoutMs: o.forwardTimeoutMs ?? 30_000, maxAnswer: o.maxBody, insecure: o.forwardInsecure, monotonic: o.monotonic })
    : undefined;
  const dedup = new DedupIndex(o.dedupCapacity);
  for (const c of o.earlier ?? []) dedup.check(dedupKey(c), c.id);
  const stopping = new AbortController();
  const pipeline = createPipeline({ ...o, forwarder, dedup, stopping: stopping.signal });
  const server = await startHttpServer({ ...o, handle: pipeline.handle }).catch(async (err: unknown) => {
    await forwarder?.close();
    throw err;
  });
  return {
    url: server.url,
    port: server.port,
    async close() {
      stopping.abort();
      await server.close();
      pipeline.flush();
      await forwarder?.close();
    },
  };
}
