/**
 * An endpoint-verification handshake as data: the request is an ordinary event of the provider's
 * catalogue (its method, query, headers and body); this is what a correct answer to it is, the way
 * the provider judges it before it delivers anything at all.
 */
export interface HandshakeSpec {
  /** What the check is called in messages: "url_validation", "hub.challenge". */
  name: string;
  /** Statuses the provider accepts. */
  status: number[];
  /** The acceptable answers: any one of them passes (Slack takes the challenge as text or as JSON). */
  answers: HandshakeAnswer[];
  /** How long the provider waits for the answer. */
  deadlineMs: number;
  /**
   * A variant the receiver must refuse (Meta: a wrong `hub.verify_token`), sent by `hookctl test`:
   * the query or header that is spoiled, and the statuses that count as refusing it.
   */
  refuse?: { spoil: ValueSource; status: number[]; why: string };
  /** Where the provider documents it. */
  docs?: string;
  /**
   * For a check the provider sends unsigned: the parts of the request that name it when no signature
   * header does (Meta: the query's `hub.mode` and `hub.challenge`), so listen can answer it.
   */
  detect?: ValueSource[];
}

/** Where a value of the handshake request is read: `body` is a dotted path in its JSON. */
export interface ValueSource {
  from: 'query' | 'header' | 'body';
  path: string;
}

/**
 * A value the answer must carry: read from the request, the hex HMAC-SHA256 of one keyed with the
 * secret (Zoom's encryptedToken), or a constant (Discord's PONG is `{"type":1}`).
 */
export type HandshakeValue = ValueSource | { hmacSha256Hex: ValueSource } | { literal: string | number };

/**
 * One acceptable answer: the body as text (`contentType` where the provider checks it), JSON fields,
 * a response header, or nothing at all (Discord's Webhook Events PING: an empty 204).
 */
export type HandshakeAnswer =
  | { text: HandshakeValue; contentType?: string }
  | { json: Record<string, HandshakeValue> }
  | { header: { name: string; value: HandshakeValue } }
  | { empty: true }
  /** Any body: only the status and the deadline count (Notion's verification). */
  | { any: true };

/** The request as it was sent, the parts an answer is computed from. */
export interface HandshakeRequest {
  query: URLSearchParams;
  headers: readonly [string, string][];
  body: Buffer;
}

/** The answer as it came back. */
export interface HandshakeResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  elapsedMs: number;
}

/** A judged handshake: a failed check is a value, with the message that names the mistake. */
export type HandshakeVerdict = { ok: true; message: string } | { ok: false; message: string; mistake: HandshakeMistake };

export type HandshakeMistake = 'status' | 'late' | 'wrong-value' | 'json-not-text' | 'text-not-json' | 'wrong-hmac-input' | 'missing-header' | 'not-empty' | 'content-type' | 'accepted-spoiled';
