import { isUtf8 } from 'node:buffer';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HookctlError, UsageError } from '../errors.js';
import { headerOf } from '../http/headers.js';
import { nestsDeeperThan } from '../text/bounded-json.js';
import { toCurlScript, toHar } from '../captures/export.js';
import type { Capture } from '../store/types.js';
import { summarize, type CaptureIndex } from './capture-index.js';
import { replayCapture, type ReplayContext } from './replay.js';

/** What the command layer renders for the inspector, so the page says exactly what the CLI says. */
export interface Views {
  /** `hookctl verify <id>`: its --json object and its lines of text. */
  check(c: Capture): { json: Record<string, unknown>; text: string };
  /** `captures show --raw`: the request as received, byte for byte. */
  raw(c: Capture): Buffer;
}

export interface ApiContext {
  catalog: CaptureIndex;
  views: Views;
  replay: ReplayContext;
  version: string;
  storeDir?: string;
}

/** Largest request body the API reads (a replay's options). */
const MAX_API_BODY = 16 * 1024;

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = Buffer.from(`${JSON.stringify(value)}\n`);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}

function download(res: ServerResponse, name: string, type: string, body: Buffer): void {
  res.writeHead(200, {
    'content-type': type,
    'content-length': body.length,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    // An attachment is saved, never displayed: a captured body cannot run as a page of this origin.
    'content-disposition': `attachment; filename="${name}"`,
  });
  res.end(body);
}

/** The whole capture for the detail view; the body travels as base64 (byte-exact) plus text when it is UTF-8. */
function detail(c: Capture, x: ApiContext): Record<string, unknown> {
  const text = isUtf8(c.body) ? c.body.toString('utf8') : null;
  return {
    summary: summarize(c),
    requestLine: `${c.method} ${c.path} HTTP/1.1`,
    headers: c.headers,
    body: {
      base64: c.body.toString('base64'),
      text,
      bytes: c.body.length,
      sha256: c.bodySha256,
      contentType: headerOf(c.headers, 'content-type') ?? null,
      // The page shows such a body as text: its tree and diff walk the value, and would overflow the stack.
      tooDeep: text !== null && nestsDeeperThan(text),
    },
    deliveryId: c.deliveryId ?? null,
    remoteAddress: c.remoteAddress ?? null,
    response: c.response ?? null,
    forward: c.forward ?? null,
    handshake: c.handshake ?? null,
    check: x.views.check(c),
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_API_BODY) throw new UsageError('request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Answers /api/<rest>; false when no route matches. */
export async function api(rest: string, req: IncomingMessage, res: ServerResponse, x: ApiContext): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://x');
  if (req.method === 'GET' && rest === 'captures') {
    sendJson(res, 200, { captures: x.catalog.list(), store: x.storeDir ?? null, version: x.version });
    return true;
  }
  if (req.method === 'GET' && rest === 'search') {
    sendJson(res, 200, { ids: await x.catalog.search(url.searchParams.get('q') ?? '') });
    return true;
  }
  const m = /^captures\/([0-9a-z]{1,32})(?:\/(raw|har|curl|replay))?$/.exec(rest);
  if (!m) return false;
  const [, id, action] = m as unknown as [string, string, string | undefined];
  const post = req.method === 'POST';
  if (post !== (action === 'replay') || (!post && req.method !== 'GET')) return false;
  const c = await x.catalog.get(id);
  if (!c) {
    sendJson(res, 404, { error: `no capture ${id}` });
    return true;
  }
  if (action === undefined) sendJson(res, 200, detail(c, x));
  else if (action === 'raw') download(res, `${c.id}.http`, 'application/octet-stream', x.views.raw(c));
  else if (action === 'har') download(res, `${c.id}.har`, 'application/json', Buffer.from(`${JSON.stringify(toHar([c], {}, x.version), null, 2)}\n`));
  else if (action === 'curl') {
    const body = Buffer.from(toCurlScript([c], {}));
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'content-length': body.length, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    res.end(body);
  } else {
    let options: { to?: unknown; resign?: unknown };
    try {
      options = JSON.parse((await readBody(req)).toString('utf8') || '{}') as typeof options;
    } catch (err) {
      throw err instanceof HookctlError ? err : new UsageError('the replay options are not JSON');
    }
    sendJson(res, 200, await replayCapture(c, typeof options.to === 'string' ? options.to : '', options.resign === true, x.replay));
  }
  return true;
}
