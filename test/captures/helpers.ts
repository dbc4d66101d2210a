import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sign } from '../../src/provider-api.js';
import { openStore, type Capture } from '../../src/core/store/index.js';

let seq = 0;

/** A capture id that sorts by `ms` (the store's format: 10 time chars, 4 counter, 4 random). */
export function captureId(ms: number): string {
  const alphabet = '0123456789abcdefghjkmnpqrstvwxyz';
  const enc = (v: number, w: number) => {
    let s = '';
    for (let i = 0; i < w; i++) {
      s = alphabet[v % 32] + s;
      v = Math.floor(v / 32);
    }
    return s;
  };
  return `${enc(ms, 10)}${enc(seq++ % 1024, 4)}test`;
}

export interface CaptureSpec {
  provider: string;
  secret: string;
  body: string | Buffer;
  event?: string;
  /** When it was received (ms); the signature's timestamp too unless `signedAt`. */
  at: number;
  signedAt?: number;
  path?: string;
  extraHeaders?: [string, string][];
  status?: number;
  verification?: Capture['verification'];
}

/** A capture as `listen` would store it: header pairs in arrival order, exact body. */
export function makeCapture(s: CaptureSpec): Capture {
  const body = Buffer.isBuffer(s.body) ? s.body : Buffer.from(s.body);
  const signed = sign({ provider: s.provider, secret: s.secret, body, timestamp: Math.floor((s.signedAt ?? s.at) / 1000) });
  const headers: [string, string][] = [
    ['Host', '127.0.0.1:4000'],
    ['Content-Type', 'application/json'],
    ['Content-Length', String(body.length)],
    ...Object.entries(signed.headers),
    ...(s.extraHeaders ?? []),
  ];
  return {
    id: captureId(s.at),
    receivedAt: new Date(s.at).toISOString(),
    method: 'POST',
    path: s.path ?? `/webhooks/${s.provider}`,
    headers,
    body,
    bodySha256: createHash('sha256').update(body).digest('hex'),
    provider: s.provider,
    event: s.event,
    verification: s.verification ?? { ok: true, secretIndex: 0 },
    response: { status: s.status ?? 200 },
    remoteAddress: '127.0.0.1',
  };
}

export function tempDir(prefix = 'hookctl-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A store directory holding these captures, written through the store API. */
export async function storeWith(captures: Capture[], dir = tempDir()): Promise<string> {
  const store = openStore(dir);
  for (const c of captures) await store.append(c);
  await store.close();
  return dir;
}

/** The same capture with other body bytes (as if something changed them before storage). */
export function withBody(c: Capture, body: Buffer | string): Capture {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
  return {
    ...c,
    body: bytes,
    bodySha256: createHash('sha256').update(bytes).digest('hex'),
    headers: c.headers.map(([k, v]) => [k, k.toLowerCase() === 'content-length' ? String(bytes.length) : v]),
  };
}
