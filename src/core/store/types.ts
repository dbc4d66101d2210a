/**
 * The capture store's contract. The on-disk format is documented in docs/capture-format.md;
 * `listen` writes captures, `captures`, `verify` and `replay` read them.
 */
export interface CapturedVerification {
  ok: boolean;
  reason?: string;
  detail?: string;
  secretIndex?: number;
}

export interface Capture {
  /** Sorts by time: lexical order is arrival order. */
  id: string;
  /** ISO-8601 with milliseconds. */
  receivedAt: string;
  method: string;
  /** Path and query exactly as received. */
  path: string;
  /** Header pairs in arrival order, names as received (rawHeaders). */
  headers: [string, string][];
  /** The raw body bytes, never re-serialized. */
  body: Buffer;
  /** Hex sha256 of `body`. */
  bodySha256: string;
  provider?: string;
  event?: string;
  /** The delivery id header value, when the provider has one (dedup key). */
  deliveryId?: string;
  verification?: CapturedVerification;
  response?: { status: number };
  forward?: { url: string; status?: number; ms?: number; error?: string };
  duplicateOf?: string;
  remoteAddress?: string;
  /** An endpoint-verification handshake: the answer it got and whether the provider would accept it. */
  handshake?: CapturedHandshake;
}

/** A handshake as stored (docs/handshakes.md): who answered it, with what, and the provider's verdict. */
export interface CapturedHandshake {
  /** The check's name: `url_validation`, `hub.challenge`. */
  name: string;
  /** `listen` answered it itself; `app` is the answer relayed from --forward-to, judged. */
  by: 'listen' | 'app';
  ok: boolean;
  /** The verdict in words: "answered correctly in 12 ms", what the mistake is, or why listen refused it. */
  message: string;
  /** The stable code of the mistake (docs/handshakes.md), when not ok. */
  mistake?: string;
  /** The provider sends this check without a signature (Meta's GET, Asana's X-Hook-Secret). */
  unsigned?: boolean;
  /** What the provider read: the status, Content-Type, the header it needs echoed, and the body's first KiB. */
  answer: HandshakeAnswerRecord;
}

export interface HandshakeAnswerRecord {
  status: number;
  contentType?: string;
  header?: [string, string];
  body: string;
  /** The body was longer than what is kept. */
  truncated?: boolean;
}

export interface StoreWarning {
  /** The file (or entry) that was skipped. */
  where: string;
  message: string;
}

export interface ListFilter {
  provider?: string;
  event?: string;
  /** Only captures whose verification failed. */
  failed?: boolean;
  /** Only captures received at or after this time (ms). */
  sinceMs?: number;
}

/** Where a record lies on disk (its line, newline excluded), so one capture can be read again without scanning its segment. */
export interface RecordLocation {
  segment: string;
  offset: number;
  length: number;
}

export interface CaptureStore {
  readonly dir: string;
  /** Resolves only once the capture is durably on disk (acknowledge after this), with where it lies. */
  append(capture: Capture): Promise<RecordLocation>;
  /**
   * Newest first. Torn or corrupted entries are skipped and reported through `onWarning`, never
   * thrown; a segment that cannot be read at all is an IoError (exit 3) naming it.
   */
  list(filter?: ListFilter): Promise<Capture[]>;
  /**
   * By id, unique id prefix, or `last`. Unknown ids throw UsageError (exit 2), and so does an id
   * whose record is damaged (saying so, with the segment and line); ids never escape the store dir.
   */
  get(ref: string): Promise<Capture>;
  /** At most `max` of the newest captures, newest first, from at most `maxBytes` (default 4 MiB) of the newest segments. */
  recent(max: number, maxBytes?: number): Promise<Capture[]>;
  /** Removes every capture; returns how many. */
  clear(): Promise<number>;
  close(): Promise<void>;
}
