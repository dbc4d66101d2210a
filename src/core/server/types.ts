import type { IncomingHttpHeaders } from 'node:http';

/** A request as it arrived: header pairs in order and casing, the body's exact bytes. */
export interface ArrivedRequest {
  method: string;
  /** Path and query exactly as received. */
  path: string;
  rawHeaders: [string, string][];
  /** Node's parsed view, for lookups (names lowercased, duplicates joined). */
  headers: IncomingHttpHeaders;
  body: Buffer;
  remoteAddress?: string;
  /** The sender's port: a request from listen's own forwarder is a loop (forward.ts). */
  remotePort?: number;
  /** When the last body byte arrived (ms). */
  receivedAt: number;
}

export interface Reply {
  status: number;
  headers?: [string, string][];
  body?: Buffer | string;
}

export interface Handled {
  reply: Reply;
  /** Runs once the reply has been written (or the sender has gone). */
  after?: () => void;
}

/** A request that never became a delivery: too large, malformed, too slow, or abandoned. */
export interface Rejection {
  /** What was answered; absent when the client went away first. */
  status?: number;
  reason: string;
  method?: string;
  path?: string;
  remoteAddress?: string;
}
