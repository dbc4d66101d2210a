import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { BodyBuffer } from './read-body.js';
import { reject413, refuseClientError, type Connections } from './refuse.js';
import { pairs, sendReply } from './reply.js';
import type { ArrivedRequest, Handled, Rejection } from './types.js';

export type { ArrivedRequest, Handled, Rejection, Reply } from './types.js';

export interface HttpOptions {
  host: string;
  port: number;
  maxBody: number;
  /** The whole request (headers and body) must arrive within this. */
  requestTimeoutMs: number;
  now(): number;
  handle(req: ArrivedRequest): Promise<Handled>;
  /** Answers requests that are not deliveries (the inspector under /_hookctl/): true when it took the request. */
  route?(req: IncomingMessage, res: ServerResponse): boolean;
  onRejected(r: Rejection): void;
  /** A bug in `handle`: answered 500, reported, never fatal. */
  onError(err: unknown): void;
}

/** How long `close` waits for requests in flight before dropping them (Ctrl-C must not hang). */
const CLOSE_GRACE_MS = 5_000;

export interface HttpServer {
  url: string;
  port: number;
  /** Stops accepting, lets requests in flight finish (up to CLOSE_GRACE_MS), then drops every connection. */
  close(): Promise<void>;
}

/** The capture server's HTTP layer: limits and hostile input here, what to answer in `handle`. */
export async function startHttpServer(o: HttpOptions): Promise<HttpServer> {
  const server = createServer({
    requestTimeout: o.requestTimeoutMs,
    headersTimeout: Math.min(10_000, o.requestTimeoutMs),
    // How often those two are enforced (Node's default, 30 s, would let a slow client sit far longer).
    connectionsCheckingInterval: Math.min(1_000, o.requestTimeoutMs),
    keepAliveTimeout: 5_000,
  });
  // Every header line is captured: the header-size limit (431) bounds them, not Node's default
  // count of 2000 raw entries, past which lines would be dropped silently.
  server.maxHeadersCount = 0;
  // A sender that half-closes after its request still gets the answer its capture records
  // (by default Node ends the connection at the client's FIN, answer unsent). Node's own switch,
  // set on the server (its http tests do), absent from @types/node.
  (server as typeof server & { httpAllowHalfOpen: boolean }).httpAllowHalfOpen = true;

  const conns: Connections = { reported: new WeakSet(), inBody: new WeakSet(), answering: new WeakMap() };
  const tracker = inFlightTracker();
  const tooLarge = (req: IncomingMessage) => Number(req.headers['content-length'] ?? 0) > o.maxBody;
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    if (o.route?.(req, res)) return;
    if (tooLarge(req)) return reject413(req, res, o.maxBody, o.onRejected);
    receive(req, res, o, conns, tracker);
  };
  server.on('request', onRequest);
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    if (tooLarge(req)) return reject413(req, res, o.maxBody, o.onRejected);
    res.writeContinue();
    onRequest(req, res);
  });
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => refuseClientError(err, socket, conns, o.onRejected));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // Past startup, a server error (EMFILE on accept...) is reported, never fatal.
  server.on('error', (err) => o.onError(err));
  const port = (server.address() as AddressInfo).port;
  const host = o.host.includes(':') ? `[${o.host}]` : o.host;

  return {
    url: `http://${host}:${port}`,
    port,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await tracker.drained(CLOSE_GRACE_MS);
      server.closeAllConnections();
      await closed;
    },
  };
}

/** Requests being received or answered, so `close` can let them finish. */
function inFlightTracker() {
  let count = 0;
  let wake: (() => void) | undefined;
  return {
    /** Counts a request; the returned function uncounts it (once, however often called). */
    start(): () => void {
      count++;
      let done = false;
      return () => {
        if (done) return;
        done = true;
        if (--count === 0) wake?.();
      };
    },
    drained(graceMs: number): Promise<void> {
      if (count === 0) return Promise.resolve();
      return new Promise((resolve) => {
        wake = resolve;
        setTimeout(resolve, graceMs).unref();
      });
    },
  };
}

/** One request: its body gathered within the cap, handed to `handle`, and its answer written. */
function receive(req: IncomingMessage, res: ServerResponse, o: HttpOptions, conns: Connections, tracker: ReturnType<typeof inFlightTracker>): void {
  const settle = tracker.start();
  const socket = req.socket;
  conns.inBody.add(socket);
  const remoteAddress = socket.remoteAddress; // gone from the socket once it closes
  const remotePort = socket.remotePort;
  const length = req.headers['content-length'];
  const body = new BodyBuffer(length === undefined ? undefined : Number(length));
  let over = false;
  let ended = false;
  // Finished or dropped, the request no longer holds up a shutdown, nor an error owed on its connection.
  conns.answering.set(socket, { req, res });
  res.once('close', () => {
    if (conns.answering.get(socket)?.req === req) conns.answering.delete(socket);
    // Dropped before its body was complete (and not already reported as malformed or too slow).
    if (!ended && !over && !conns.reported.has(socket)) {
      o.onRejected({ reason: 'the client closed the connection before the body was complete', method: req.method, path: req.url, remoteAddress });
    }
    settle();
  });
  req.on('data', (chunk: Buffer) => {
    if (over) return;
    if (body.size + chunk.length > o.maxBody) {
      over = true;
      body.drop();
      settle();
      reject413(req, res, o.maxBody, o.onRejected);
    } else body.push(chunk);
  });
  req.on('error', () => {});
  req.on('end', () => {
    ended = true;
    conns.inBody.delete(socket);
    if (over) return;
    const arrived: ArrivedRequest = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      rawHeaders: pairs(req.rawHeaders),
      headers: req.headers,
      body: body.take(),
      remoteAddress,
      remotePort,
      receivedAt: o.now(),
    };
    o.handle(arrived)
      .catch((err: unknown): Handled => {
        o.onError(err);
        return { reply: { status: 500, body: `${JSON.stringify({ error: 'hookctl listen failed to handle this request' })}\n` } };
      })
      .then(({ reply, after }) => {
        sendReply(res, reply);
        after?.();
      })
      .catch((err: unknown) => {
        o.onError(err);
        res.destroy();
      });
  });
}
