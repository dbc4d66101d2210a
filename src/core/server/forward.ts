import { NetworkError, networkError } from '../http/client.js';
import { HOP_BY_HOP } from '../http/headers.js';
import { isLoopbackHost } from '../http/loopback.js';
import { redactUrl } from '../http/target.js';
import type { ArrivedRequest } from './http.js';

export interface Forwarded {
  url: string;
  /** The app's status; absent when it could not be reached. */
  status?: number;
  ms: number;
  /** Why the app could not be reached (refused, timeout...). */
  error?: string;
  /** What the sender gets back: the app's answer, or 502/504 when there is none. */
  reply: { status: number; headers: [string, string][]; body: Buffer };
}

export interface Forwarder {
  forward(req: ArrivedRequest): Promise<Forwarded>;
  /** Whether a request came in on one of this forwarder's own connections: --forward-to leads back to listen. */
  isOwn(req: ArrivedRequest): boolean;
  close(): Promise<void>;
}

/** Whether the target is the address listen binds (a loop caught before binding; forward.ts catches the rest). */
export function forwardsToItself(target: URL, host: string, port: number): boolean {
  const targetPort = Number(target.port || (target.protocol === 'https:' ? 443 : 80));
  if (port === 0 || targetPort !== port || target.protocol !== 'http:') return false;
  const name = target.hostname.replace(/^\[(.*)\]$/, '$1');
  const everywhere = host === '0.0.0.0' || host === '::';
  return name === host || isLoopbackHost(name) || (everywhere && (name === '0.0.0.0' || name === '::'));
}

/** Hop-by-hop headers belong to one connection, not the message; Host names the app instead. */
const NOT_COPIED = new Set([...HOP_BY_HOP, 'host']);
const NOT_RELAYED = new Set([...NOT_COPIED, 'content-length', 'date']);

export interface ForwardOptions {
  timeoutMs: number;
  /** The largest answer relayed. */
  maxAnswer: number;
  insecure?: boolean;
  monotonic?: () => number;
}

/**
 * Relays deliveries to the real app with undici (loaded only when --forward-to is used): the
 * body bytes and the header pairs, in order and casing, exactly as they arrived.
 * A target with no path receives each request's own path and query.
 */
export async function createForwarder(target: URL, { timeoutMs, maxAnswer, insecure = false, monotonic: clock = () => performance.now() }: ForwardOptions): Promise<Forwarder> {
  const { Agent, buildConnector, request } = await import('undici');
  // The local ends of the connections to the app: a request arriving from one of them is listen
  // talking to itself (through a name, a proxy or a port mapping that the start-up check cannot see).
  const own = new Set<string>();
  const connector = buildConnector(insecure ? { rejectUnauthorized: false } : {});
  const connect: typeof connector = (options, callback) =>
    connector(options, (err, socket) => {
      if (socket?.localPort !== undefined) {
        const key = `${socket.localAddress}|${socket.localPort}`;
        own.add(key);
        socket.once('close', () => own.delete(key));
      }
      // undici's callback takes (null, socket) or (error, null).
      if (err) callback(err, null);
      else callback(null, socket as NonNullable<typeof socket>);
    });
  const agent = new Agent({ keepAliveTimeout: 4_000, connections: 64, connect });
  const samePath = target.pathname === '/' && !target.search;

  return {
    async forward(req) {
      const url = samePath ? new URL(req.path, target.origin).href : new URL(`${target.pathname}${target.search || queryOf(req.path)}`, target.origin).href;
      const headers: string[] = [];
      for (const [name, value] of req.rawHeaders) if (!NOT_COPIED.has(name.toLowerCase())) headers.push(name, value);
      const started = clock();
      const ms = () => Math.round(clock() - started);
      try {
        const res = await request(url, {
          method: req.method as 'POST',
          headers,
          body: req.body.length ? req.body : null,
          dispatcher: agent,
          headersTimeout: timeoutMs,
          bodyTimeout: timeoutMs,
          signal: AbortSignal.timeout(timeoutMs),
        });
        const body = await readCapped(res.body, maxAnswer);
        if (!body) {
          const error = `the app's answer is larger than ${maxAnswer} bytes (--max-body)`;
          return { url: redactUrl(url), status: res.statusCode, ms: ms(), error, reply: failure(502, `hookctl listen did not relay the answer from ${redactUrl(url)}: ${error}`) };
        }
        const relayed: [string, string][] = [];
        for (const [name, value] of Object.entries(res.headers)) {
          if (value === undefined || NOT_RELAYED.has(name)) continue;
          for (const v of Array.isArray(value) ? value : [value]) relayed.push([name, v]);
        }
        return { url: redactUrl(url), status: res.statusCode, ms: ms(), reply: { status: res.statusCode, headers: relayed, body } };
      } catch (err) {
        // The same words as send's and replay's network failures: one mapping for every client.
        const failed = networkError(err, { url: new URL(url), timeoutMs });
        const error = failed instanceof NetworkError ? failed.message : String((err as Error)?.message ?? err);
        const status = failed instanceof NetworkError && failed.kind === 'timeout' ? 504 : 502;
        return { url: redactUrl(url), ms: ms(), error, reply: failure(status, `hookctl listen could not forward to ${url}: ${error}`) };
      }
    },
    isOwn: (req) => own.size > 0 && own.has(`${req.remoteAddress}|${req.remotePort}`),
    close: () => agent.close(),
  };
}

function failure(status: number, error: string): Forwarded['reply'] {
  return { status, headers: [['content-type', 'application/json']], body: Buffer.from(`${JSON.stringify({ error })}\n`) };
}

/**
 * The app's answer, or undefined once it passes `max` bytes: the rest is not read (the stream is
 * destroyed), so an app streaming gigabytes costs at most `max` here.
 */
async function readCapped(stream: AsyncIterable<Buffer> & { destroy(err?: Error): unknown }, max: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.length;
    if (size > max) {
      stream.destroy();
      return undefined;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

function queryOf(path: string): string {
  const q = path.indexOf('?');
  return q < 0 ? '' : path.slice(q);
}
