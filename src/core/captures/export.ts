import { isUtf8 } from 'node:buffer';
import { toCurl } from '../delivery/curl.js';
import { UsageError } from '../errors.js';
import type { Delivery } from '../delivery/types.js';
import { encodeCapture, type Capture } from '../store/index.js';
import { headerOf } from '../http/headers.js';
import { replayHeaders, targetUrl } from '../http/resend.js';
import type { Target } from '../http/target.js';

export interface ExportTarget {
  /** `--to`; else each capture goes back to the host it was sent to. */
  to?: Target;
}

/** Where a capture was sent: its Host header and path, or `--to`. */
export function captureUrl(c: Capture, target: ExportTarget): URL {
  if (target.to) return targetUrl(target.to, c.path);
  const host = headerOf(c.headers, 'host') ?? 'localhost';
  try {
    return new URL(`http://${host}${c.path.startsWith('/') ? c.path : `/${c.path}`}`);
  } catch {
    return new URL(`http://localhost${c.path.startsWith('/') ? c.path : '/'}`);
  }
}

/** NDJSON in the store's own record format: `hookctl verify file.ndjson` and `replay` read it back. */
export function toNdjson(captures: readonly Capture[]): string {
  return captures.map((c) => String(encodeCapture(c))).join('');
}

/** One curl command per capture, byte-exact bodies, hop-by-hop headers left to curl. */
export function toCurlScript(captures: readonly Capture[], target: ExportTarget): string {
  const blocks = captures.map((c) => {
    // toCurl reads only method, headers and body.
    const request = { method: c.method, headers: replayHeaders(c.headers), body: c.body } as unknown as Delivery;
    let command: string;
    try {
      command = toCurl(request, captureUrl(c, target));
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      throw new UsageError(`capture ${c.id} cannot be exported as curl: ${err.message}`, 'export it with --format ndjson or har, which keep it exactly');
    }
    return `${`# ${c.id} ${c.provider ?? ''} ${c.event ?? ''}`.trimEnd()}\n${command}`;
  });
  return `${blocks.join('\n\n')}\n`;
}

/** HAR 1.2 (https://w3c.github.io/web-performance/specs/HAR/Overview.html): every capture as an entry. */
export function toHar(captures: readonly Capture[], target: ExportTarget, version: string): Record<string, unknown> {
  return {
    log: {
      version: '1.2',
      creator: { name: 'hookctl', version },
      entries: captures.map((c) => harEntry(c, captureUrl(c, target))),
    },
  };
}

function harEntry(c: Capture, url: URL): Record<string, unknown> {
  const text = isUtf8(c.body);
  const mimeType = headerOf(c.headers, 'content-type') ?? '';
  const status = c.response?.status ?? 0;
  return {
    startedDateTime: c.receivedAt,
    time: c.forward?.ms ?? 0,
    request: {
      method: c.method,
      url: url.href,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: c.headers.map(([name, value]) => ({ name, value })),
      queryString: [...url.searchParams].map(([name, value]) => ({ name, value })),
      postData: {
        mimeType,
        // HAR has no field for binary request bodies; base64 plus `encoding` is what HAR readers that support it use.
        text: c.body.toString(text ? 'utf8' : 'base64'),
        ...(text ? {} : { encoding: 'base64' }),
      },
      headersSize: -1,
      bodySize: c.body.length,
    },
    response: {
      status,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: [],
      content: { size: 0, mimeType: '' },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: c.forward?.ms ?? 0, receive: 0 },
    _hookctl: { id: c.id, provider: c.provider, event: c.event, deliveryId: c.deliveryId, verification: c.verification, bodySha256: c.bodySha256 },
  };
}
