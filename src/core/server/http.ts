import { createServer, STATUS_CODES, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { BodyBuffer } from './body.js';

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

export interface HttpOptions {
  host: string;
  port: number;
  maxBody: number;
  /** The whole request (headers and body) must arrive within this. */
  requestTimeoutMs: number;
  now(): number;
  handle(req: ArrivedRequest): Promise<Handled>;
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
  let inFlight = 0;
  let drained: (() => void) | undefined;
  /** Connections already reported through clientError (a request timed out half-way is not reported twice). */
  const reported = new WeakSet<Socket>();
  /** Connections with a request whose body is still arriving. */
  const inBody = new WeakSet<Socket>();
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

  const tooLarge = (req: IncomingMessage) => Number(req.headers['content-length'] ?? 0) > o.maxBody;
  const reject413 = (req: IncomingMessage, res: ServerResponse) => {
    o.onRejected({ status: 413, reason: `body over the ${o.maxBody}-byte limit (--max-body)`, method: req.method, path: req.url, remoteAddress: req.socket.remoteAddress });
    res.writeHead(413, { connection: 'close', 'content-type': 'application/json' });
    res.end(`${JSON.stringify({ error: `body larger than ${o.maxBody} bytes` })}\n`);
    // Read and discard what is still coming so the client sees the 413 rather than a reset; not for long.
    req.resume();
    setTimeout(() => req.socket.destroy(), 1_000).unref();
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    if (tooLarge(req)) return reject413(req, res);
    inFlight++;
    inBody.add(req.socket);
    const remoteAddress = req.socket.remoteAddress; // gone from the socket once it closes
    const length = req.headers['content-length'];
    const body = new BodyBuffer(length === undefined ? undefined : Number(length));
    let over = false;
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      if (--inFlight === 0) drained?.();
    };
    let ended = false;
    // Finished or dropped, the request no longer holds up a shutdown.
    res.once('close', () => {
      // Dropped before its body was complete (and not already reported as malformed or too slow).
      if (!ended && !over && !reported.has(req.socket)) {
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
        reject413(req, res);
      } else body.push(chunk);
    });
    req.on('error', () => {});
    req.on('end', () => {
      ended = true;
      inBody.delete(req.socket);
      if (over) return;
      const raw: ArrivedRequest = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        rawHeaders: pairs(req.rawHeaders),
        headers: req.headers,
        body: body.take(),
        remoteAddress,
        receivedAt: o.now(),
      };
      o.handle(raw)
        .catch((err: unknown): Handled => {
          o.onError(err);
          return { reply: { status: 500, body: `${JSON.stringify({ error: 'hookctl listen failed to handle this request' })}\n` } };
        })
        .then(({ reply, after }) => {
          send(res, reply);
          after?.();
        })
        .catch((err: unknown) => {
          o.onError(err);
          res.destroy();
        });
    });
  };

  server.on('request', onRequest);
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    if (tooLarge(req)) return reject413(req, res);
    res.writeContinue();
    onRequest(req, res);
  });
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    if (err.code === 'HPE_INVALID_EOF_STATE' || err.code === 'ECONNRESET' || !socket.writable) {
      // The client left. Mid-body, the request's own close reports it (with its method and path).
      if (!inBody.has(socket)) o.onRejected({ reason: 'the client closed the connection before sending a whole request', remoteAddress: socket.remoteAddress });
      return void socket.destroy();
    }
    reported.add(socket);
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    o.onRejected({
      status,
      reason: status === 408 ? 'the request did not arrive in time (--request-timeout)' : `malformed request: ${err.message}`,
      remoteAddress: socket.remoteAddress,
    });
    const body = `${JSON.stringify({ error: STATUS_CODES[status] })}\n`;
    socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
    setTimeout(() => socket.destroy(), 1_000).unref();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => { server.off('error', reject); resolve(); });
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
      if (inFlight > 0) {
        await new Promise<void>((resolve) => {
          drained = resolve;
          setTimeout(resolve, CLOSE_GRACE_MS).unref();
        });
      }
      server.closeAllConnections();
      await closed;
    },
  };
}

function pairs(raw: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i] as string, raw[i + 1] as string]);
  return out;
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.headersSent || res.destroyed) return;
  // Header pairs go out as given, names and repeats kept (a forwarded app's answer is relayed
  // as it came); the body is whole, so it gets a Content-Length rather than chunked encoding.
  const flat: string[] = [];
  let hasLength = false;
  for (const [name, value] of reply.headers ?? []) {
    flat.push(name, value);
    if (name.toLowerCase() === 'content-length') hasLength = true;
  }
  const body = reply.body === undefined ? undefined : Buffer.isBuffer(reply.body) ? reply.body : Buffer.from(reply.body);
  if (body && !hasLength) flat.push('Content-Length', String(body.length));
  res.writeHead(reply.status, flat);
  res.end(body);
}
