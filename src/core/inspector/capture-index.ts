import { join } from 'node:path';
import type { RecordLocation } from '../store/follow.js';
import { readSegment } from '../store/segment-file.js';
import type { Capture } from '../store/types.js';

/** What the list shows of a capture: small, so 10,000 of them stay cheap to hold and to send. */
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
  /** An endpoint-verification handshake: whether it was answered right, and whether the provider sends it unsigned. */
  handshake: { ok: boolean; unsigned: boolean } | null;
}

/** One capture as the list shows it (the API's single-capture answer): the same shape as a listed entry's. */
export function summarize(c: Capture): Summary {
  return new Entry(c).summary();
}

/** Captures held in memory when there is no store (listen --no-store): the newest, up to these bounds. */
const MEMORY_COUNT = 10_000;
/**
 * Captures listed at most: a summary each stays in memory, so a listen that runs for days at
 * thousands a second must not grow without bound. Older captures stay in the store (`captures list`).
 */
export const MAX_LISTED = 100_000;
const MEMORY_BYTES = 64 * 1024 * 1024;

/**
 * One listed capture: what its summary needs and where its record lies, in one object of fixed
 * shape (listen adds one per delivery, and up to MAX_LISTED stay: a summary object, a
 * verification object and a location each cost allocation and memory). `capture` is set only
 * while the capture is held in memory (no store).
 */
class Entry {
  segment = '';
  offset = 0;
  length = 0;
  capture: Capture | undefined = undefined;
  readonly id: string;
  readonly receivedAt: string;
  readonly method: string;
  readonly path: string;
  readonly provider: string | null;
  readonly event: string | null;
  readonly ok: boolean | undefined;
  readonly reason: string | undefined;
  readonly status: number | null;
  readonly bytes: number;
  readonly duplicateOf: string | null;
  /** Scalars, not the capture's handshake object: that holds the answer's body, and 100,000 entries stay. */
  readonly handshakeOk: boolean | undefined;
  readonly handshakeUnsigned: boolean;

  constructor(c: Capture) {
    this.id = c.id;
    this.receivedAt = c.receivedAt;
    this.method = c.method;
    this.path = c.path;
    this.provider = c.provider ?? null;
    this.event = c.event ?? null;
    this.ok = c.verification?.ok;
    this.reason = c.verification?.reason || undefined;
    this.status = c.response?.status ?? null;
    this.bytes = c.body.length;
    this.duplicateOf = c.duplicateOf ?? null;
    this.handshakeOk = c.handshake?.ok;
    this.handshakeUnsigned = c.handshake?.unsigned === true;
  }

  locate(at: RecordLocation): void {
    this.segment = at.segment;
    this.offset = at.offset;
    this.length = at.length;
    this.capture = undefined;
  }

  get at(): RecordLocation | undefined {
    return this.segment ? { segment: this.segment, offset: this.offset, length: this.length } : undefined;
  }

  summary(): Summary {
    return {
      id: this.id,
      receivedAt: this.receivedAt,
      method: this.method,
      path: this.path,
      provider: this.provider,
      event: this.event,
      verification: this.ok === undefined ? null : { ok: this.ok, ...(this.reason ? { reason: this.reason } : {}) },
      status: this.status,
      bytes: this.bytes,
      duplicateOf: this.duplicateOf,
      handshake: this.handshakeOk === undefined ? null : { ok: this.handshakeOk, unsigned: this.handshakeUnsigned },
    };
  }
}

/**
 * The inspector's index: a summary per capture, plus where to read the whole capture again (its
 * record in the store) or, without a store, the capture itself within a memory bound.
 */
export class CaptureIndex {
  private readonly entries = new Map<string, Entry>();
  /** The entries that still hold their capture in memory, oldest first: the only ones eviction visits. */
  private readonly held = new Map<string, Entry>();
  private heldBytes = 0;

  constructor(
    private readonly storeDir: string | undefined,
    private readonly readAt: (at: RecordLocation) => Promise<Capture | undefined>,
    private readonly maxListed = MAX_LISTED,
  ) {}

  /**
   * Lists a capture: with `at`, by where its record lies, else held in memory. False when the id
   * is already listed; a capture listen pushed without a location and the store's reader then
   * found keeps only its location from then on.
   */
  add(capture: Capture, at?: RecordLocation): boolean {
    const known = this.entries.get(capture.id);
    if (known) {
      if (at && known.capture) {
        this.heldBytes -= known.capture.body.length;
        this.held.delete(capture.id);
        known.locate(at);
      }
      return false;
    }
    const entry = new Entry(capture);
    this.entries.set(capture.id, entry);
    // Entries go in by arrival (a store is read in file order): the first is the oldest.
    if (this.entries.size > this.maxListed) this.forget(this.entries.keys().next().value as string);
    if (at) entry.locate(at);
    else {
      entry.capture = capture;
      this.held.set(capture.id, entry);
      this.heldBytes += capture.body.length;
      // Bound what is held (a store's reader usually takes it over first): per add, only what is evicted is visited.
      for (const id of this.held.keys()) {
        if (this.held.size <= MEMORY_COUNT && this.heldBytes <= MEMORY_BYTES) break;
        this.forget(id);
      }
    }
    return true;
  }

  /** The summary of a listed capture (what the page's list shows). */
  summary(id: string): Summary | undefined {
    return this.entries.get(id)?.summary();
  }

  private forget(id: string): void {
    const held = this.held.get(id);
    if (held) {
      this.heldBytes -= held.capture?.body.length ?? 0;
      this.held.delete(id);
    }
    this.entries.delete(id);
  }

  clear(): void {
    this.entries.clear();
    this.held.clear();
    this.heldBytes = 0;
  }

  /** Newest first (ids sort by arrival). */
  list(): Summary[] {
    return [...this.entries.values()].map((e) => e.summary()).sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  }

  async get(id: string): Promise<Capture | undefined> {
    const e = this.entries.get(id);
    if (!e) return undefined;
    return e.capture ?? (e.at ? this.readAt(e.at) : undefined);
  }

  /** Ids whose path, headers or body contain `query` (case-insensitive); each segment is read once. */
  async search(query: string): Promise<string[]> {
    const needle = query.toLowerCase();
    const hits: string[] = [];
    const bySegment = new Map<string, { id: string; at: RecordLocation }[]>();
    for (const [id, e] of this.entries) {
      if (e.capture) {
        if (matches(e.capture, needle)) hits.push(id);
        continue;
      }
      const at = e.at;
      if (!at) continue;
      const list = bySegment.get(at.segment) ?? [];
      list.push({ id, at });
      bySegment.set(at.segment, list);
    }
    for (const [segment, list] of bySegment) {
      let data: Buffer;
      try {
        const read = await readSegment(join(this.storeDir ?? '', 'captures', segment));
        if (!Buffer.isBuffer(read)) continue; // cleared meanwhile, or not a segment file
        data = read;
      } catch {
        continue; // unreadable: the follower reports it
      }
      for (const { id, at } of list) {
        // The record holds the path, the headers and the body (JSON-escaped, or base64 when binary).
        const record = data.toString('utf8', at.offset, at.offset + at.length).toLowerCase();
        if (record.includes(needle) || record.includes(JSON.stringify(needle).slice(1, -1))) hits.push(id);
      }
    }
    return hits;
  }
}

function matches(c: Capture, needle: string): boolean {
  const text = `${c.path}\n${c.headers.map(([k, v]) => `${k}: ${v}`).join('\n')}\n${c.body.toString('utf8')}`;
  return text.toLowerCase().includes(needle);
}
