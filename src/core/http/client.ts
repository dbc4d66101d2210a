import { IoError } from '../errors.js';

/** One HTTP request as hookctl puts it on the wire: header pairs in order, exact body bytes. */
export interface HttpRequest {
  url: URL;
  method: string;
  headers: readonly (readonly [string, string])[];
  body: Buffer;
  /** Give up after this long without a response (headers) or between body chunks. */
  timeoutMs: number;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  timings: {
    /** Until the response headers arrived. */
    ttfbMs: number;
    /** Until the whole body was read. */
    totalMs: number;
  };
}

export type NetworkErrorKind = 'refused' | 'dns' | 'timeout' | 'reset' | 'tls' | 'other';

/** A request that got no response. A value for retry loops, and an exit-3 error when thrown. */
export class NetworkError extends IoError {
  readonly kind: NetworkErrorKind;
  readonly code: string | undefined;
  constructor(kind: NetworkErrorKind, message: string, hint: string, code?: string, cause?: unknown) {
    super(message, hint, cause);
    this.name = 'NetworkError';
    this.kind = kind;
    this.code = code;
  }
}

export interface HttpClient {
  send(req: HttpRequest): Promise<HttpResponse>;
  /** Waits for requests in flight, then closes the sockets. */
  close(): Promise<void>;
  /** Drops everything at once (Ctrl-C). */
  destroy(): Promise<void>;
}

const PRECISE_TIMEOUT_MS = 2_000;
/** Response body bytes kept; the rest is read and discarded. */
const MAX_RESPONSE_BODY = 1024 * 1024;

export interface ClientOptions {
  /** Keep-alive connections per origin: the burst's concurrency. */
  connections?: number;
  /** `--insecure`: accept any TLS certificate (a local receiver's self-signed one). */
  insecure?: boolean;
  /** The monotonic clock timings are read from (ms), injected; performance.now unless a test gives one. */
  monotonic?: () => number;
}

/**
 * An undici Agent with keep-alive pools (one per origin), loaded on first use so `--help` and
 * `--version` never pay for undici. Requests go through `dispatch` with a plain handler: no
 * stream or promise per response body, which keeps bursts cheap.
 */
export async function createHttpClient(opts: ClientOptions = {}): Promise<HttpClient> {
  const Agent = await loadAgent();
  const agent = new Agent({
    connections: opts.connections ?? 1,
    pipelining: 1,
    keepAliveTimeout: 10_000,
    ...(opts.insecure ? { connect: { rejectUnauthorized: false } } : {}),
  });
  // A burst sends to one URL: split it once, not per request.
  let lastUrl: URL | undefined;
  const clock = opts.monotonic ?? performance.now.bind(performance);
  let origin = '';
  let path = '';
  return {
    send: (req) =>
      new Promise<HttpResponse>((resolve, reject) => {
        if (req.url !== lastUrl) {
          lastUrl = req.url;
          origin = req.url.origin;
          path = req.url.pathname + req.url.search;
        }
        agent.dispatch(
          {
            origin,
            path,
            method: req.method as 'POST',
            headers: req.headers.flat(),
            body: req.body,
            headersTimeout: req.timeoutMs,
            bodyTimeout: req.timeoutMs,
          },
          responseHandler(req, clock, resolve, reject),
        );
      }),
    close: () => agent.close(),
    destroy: () => agent.destroy(),
  };
}

/** Gathers one response (its body capped) and settles the request's promise. */
function responseHandler(req: HttpRequest, clock: () => number, resolve: (r: HttpResponse) => void, reject: (e: unknown) => void): import('undici').Dispatcher.DispatchHandler {
  const start = clock();
  let status = 0;
  let headers: HttpResponse['headers'] = {};
  let ttfbMs = 0;
  const chunks: Buffer[] = [];
  let size = 0;
  // undici checks its timeouts about once a second; short ones get a precise timer of their own.
  let timer: NodeJS.Timeout | undefined;
  const settle = () => {
    if (timer) clearTimeout(timer);
  };
  return {
    onRequestStart(controller) {
      if (req.timeoutMs > PRECISE_TIMEOUT_MS) return;
      settle();
      timer = setTimeout(() => controller.abort(Object.assign(new Error('timeout'), { code: 'UND_ERR_HEADERS_TIMEOUT' })), req.timeoutMs);
    },
    onResponseStart(_c, statusCode, responseHeaders) {
      status = statusCode;
      headers = responseHeaders;
      ttfbMs = clock() - start;
    },
    onResponseData(_c, chunk) {
      // Past the cap, keep draining (so the connection is reused) but stop keeping.
      if (size < MAX_RESPONSE_BODY) chunks.push(chunk);
      size += chunk.length;
    },
    onResponseEnd() {
      settle();
      const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
      resolve({ status, headers, body, timings: { ttfbMs, totalMs: clock() - start } });
    },
    onResponseError(_c, err) {
      settle();
      reject(networkError(err, req));
    },
  };
}

type AgentClass = typeof import('undici').Agent;

/**
 * undici's index loads fetch, WebSocket, caches and mocks too: about 150 ms of a one-shot send.
 * The Agent module alone is a third of that. The deep path is not undici's public API, so
 * package.json pins undici exactly and test/package/undici-pin.test.ts fails when an upgrade moves
 * the file; the full index stays the fallback should a user's install differ.
 */
async function loadAgent(): Promise<AgentClass> {
  try {
    // @ts-expect-error: a deep import with no type declarations, typed as the package's own Agent.
    const mod = (await import('undici/lib/dispatcher/agent.js')) as { default: AgentClass };
    if (typeof mod.default === 'function') return mod.default;
  } catch {
    /* fall through */
  }
  return (await import('undici')).Agent;
}

/** Map socket, DNS and timeout failures to one line and a hint the user can act on. */
export function networkError(err: unknown, req: Pick<HttpRequest, 'url' | 'timeoutMs'>): NetworkError | unknown {
  if (err instanceof NetworkError) return err;
  const e = err as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException; errors?: NodeJS.ErrnoException[] };
  // undici's own codes, a cause's, or the first of several addresses tried (an AggregateError);
  // AbortSignal.timeout() rejects with a TimeoutError that has no string code.
  const code = e?.name === 'TimeoutError' ? 'ETIMEDOUT' : typeof e?.code === 'string' ? e.code : (e?.cause?.code ?? e?.errors?.[0]?.code);
  const host = req.url.host;
  const target = `${req.url.origin}${req.url.pathname}`;
  switch (code) {
    case 'ECONNREFUSED':
      return new NetworkError('refused', `connection refused by ${host}`, `nothing is listening on ${host} — is your server running?`, code, err);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new NetworkError('dns', `cannot resolve host "${req.url.hostname}"`, "check the host name in --to (or the config's target)", code, err);
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'ETIMEDOUT':
      return new NetworkError(
        'timeout',
        `no response from ${target} within ${req.timeoutMs} ms`,
        'answer 2xx first and do slow work afterwards (the provider gives up at this timeout), or raise --timeout',
        code,
        err,
      );
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
      return new NetworkError('reset', `${host} closed the connection before answering`, 'the server crashed or dropped the request: check its logs', code, err);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EADDRNOTAVAIL':
      return new NetworkError('other', `cannot reach ${host} (${code})`, 'check the address in --to and your network', code, err);
    default:
      if (typeof code === 'string' && /^(ERR_TLS|ERR_SSL|CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_)/.test(code)) {
        return new NetworkError('tls', `TLS handshake with ${host} failed (${code})`, 'a self-signed certificate? pass --insecure; local servers usually speak plain http://', code, err);
      }
      if (typeof code === 'string' && (code.startsWith('E') || code.startsWith('UND_ERR') || code.startsWith('HPE_'))) {
        return new NetworkError('other', `request to ${target} failed: ${e.message} (${code})`, 'check that the target speaks HTTP', code, err);
      }
      return err;
  }
}
