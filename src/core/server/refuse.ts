import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Rejection } from './types.js';

/** What the refusals need to know about the server's connections. */
export interface Connections {
  /** Connections already reported through clientError (a request timed out half-way is not reported twice). */
  reported: WeakSet<Socket>;
  /** Connections with a request whose body is still arriving. */
  inBody: WeakSet<Socket>;
  /** Each connection's latest request, and a promise settled once its answer is written (or dropped). */
  /** The request a connection is answering, until its response closes (the entry goes then). */
  answering: WeakMap<Socket, { req: IncomingMessage; res: ServerResponse }>;
}

/** 413 for a body over the cap, read off and discarded for a moment so the client sees the answer rather than a reset. */
export function reject413(req: IncomingMessage, res: ServerResponse, maxBody: number, onRejected: (r: Rejection) => void): void {
  onRejected({ status: 413, reason: `body over the ${maxBody}-byte limit (--max-body)`, method: req.method, path: req.url, remoteAddress: req.socket.remoteAddress });
  res.writeHead(413, { connection: 'close', 'content-type': 'application/json' });
  res.end(`${JSON.stringify({ error: `body larger than ${maxBody} bytes` })}\n`);
  req.resume();
  setTimeout(() => req.socket.destroy(), 1_000).unref();
}

/**
 * Node's clientError: malformed bytes, headers too large, a request too slow, or a client gone.
 * When the connection still owes an answer to an earlier request (garbage pipelined after a
 * valid one), that answer goes out first: the sender gets what its capture records, then the error.
 */
export function refuseClientError(err: NodeJS.ErrnoException, socket: Socket, conns: Connections, onRejected: (r: Rejection) => void): void {
  if (err.code === 'HPE_INVALID_EOF_STATE' || err.code === 'ECONNRESET' || !socket.writable) {
    // The client left. Mid-body, the request's own close reports it (with its method and path).
    if (!conns.inBody.has(socket)) onRejected({ reason: 'the client closed the connection before sending a whole request', remoteAddress: socket.remoteAddress });
    return void socket.destroy();
  }
  conns.reported.add(socket);
  const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const remoteAddress = socket.remoteAddress;
  const refuse = () => {
    onRejected({ status, reason: status === 408 ? 'the request did not arrive in time (--request-timeout)' : `malformed request: ${err.message}`, remoteAddress });
    if (!socket.writable) return void socket.destroy();
    const body = `${JSON.stringify({ error: STATUS_CODES[status] })}\n`;
    socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
    setTimeout(() => socket.destroy(), 1_000).unref();
  };
  // Only a request whose body is complete (Node sets `complete` as it parses) is owed its answer
  // first: an error while a body is still arriving (408) is about that very request.
  const owed = conns.answering.get(socket);
  if (owed?.req.complete) owed.res.once('close', refuse);
  else refuse();
}
