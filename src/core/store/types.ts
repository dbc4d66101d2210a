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
