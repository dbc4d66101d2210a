import type { ServerResponse } from 'node:http';
import type { Reply } from './types.js';

/** Node's rawHeaders list as name/value pairs. */
export function pairs(raw: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i] as string, raw[i + 1] as string]);
  return out;
}

export function sendReply(res: ServerResponse, reply: Reply): void {
  if (res.headersSent || res.destroyed) return;
  // Header pairs go out as given, names and repeats kept (a forwarded app's answer is relayed
  // as it came); the body is whole, so it gets a Content-Length rather than chunked encoding.
  const flat: string[] = [];
  let hasLength = false;
  for (const [name, value] of reply.headers ?? []) {
    flat.push(name, value);
    if (name.toLowerCase() === 'content-length') hasLength = true;
  }
  // A string body stays a string: Node then writes head and body as one string, not a writev of two.
  const body = reply.body;
  if (body !== undefined && !hasLength) flat.push('Content-Length', String(typeof body === 'string' ? Buffer.byteLength(body) : body.length));
  res.writeHead(reply.status, flat);
  res.end(body);
}
