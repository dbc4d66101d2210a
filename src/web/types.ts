/** The inspector API's shapes (src/core/inspector): the page is built apart from the Node code. */
export interface Summary {
  id: string;
  receivedAt: string;
  method: string;
  path: string;
  provider: string | null;
  event: string | null;
  verification: { ok: boolean; reason?: string } | null;
  status: number | null;
  bytes: number;
  duplicateOf: string | null;
  handshake: { ok: boolean; unsigned: boolean } | null;
}

/** A captured endpoint-verification handshake (src/core/store/types.ts CapturedHandshake). */
export interface Handshake {
  name: string;
  by: 'listen' | 'app';
  ok: boolean;
  message: string;
  mistake?: string;
  unsigned?: boolean;
  answer: { status: number; contentType?: string; header?: [string, string]; body: string; truncated?: boolean };
}

export interface Detail {
  summary: Summary;
  requestLine: string;
  headers: [string, string][];
  body: { base64: string; text: string | null; bytes: number; sha256: string; contentType: string | null; tooDeep: boolean };
  deliveryId: string | null;
  remoteAddress: string | null;
  response: { status: number } | null;
  forward: { url: string; status?: number; ms?: number; error?: string } | null;
  handshake: Handshake | null;
  check: { json: Record<string, unknown> & { ok: boolean }; text: string };
}

export interface ReplayAnswer {
  url: string;
  resigned: boolean;
  sent: { method: string; headers: [string, string][]; bytes: number };
  status?: number;
  headers?: [string, string][];
  body?: { text?: string; base64?: string; bytes: number };
  ms?: number;
  error?: string;
  hint?: string;
}
