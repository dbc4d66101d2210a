import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RecordLocation } from '../store/follow.js';
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
}

export function summarize(c: Capture): Summary {
  return {
    id: c.id,
    receivedAt: c.receivedAt,
    method: c.method,
    path: c.path,
    provider: c.provider ?? null,
    event: c.event ?? null,
    verification: c.verification ? { ok: c.verification.ok, ...(c.verification.reason ? { reason: c.verification.reason } : {}) } : null,
    status: c.response?.status ?? null,
    bytes: c.body.length,
    duplicateOf: c.duplicateOf ?? null,
  };
}

/** Captures held in memory when there is no store (listen --no-store): the newest, up to these bounds. */
const MEMORY_COUNT = 10_000;
/**
 * Captures listed at most: a summary each stays in memory, so a listen that runs for days at
 * thousands a second must not grow without bound. Older captures stay in the store (`captures list`).
 */
export const MAX_LISTED = 100_000;
const MEMORY_BYTES = 64 * 1024 * 1024;

interface Entry {
  summary: Summary;
  at?: RecordLocation;
  capture?: Capture;
}

/**
 * The inspector's index: a summary per capture, plus where to read the whole capture again (its
 * record in the store) or, without a store, the capture itself within a memory bound.
 */
export class Catalog {
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
   * Returns the summary, or undefined when the id is already known. A capture pushed by listen
   * and then read from the store keeps only its location from then on.
   */
  add(capture: Capture, at?: RecordLocation): Summary | undefined {
    const known = this.entries.get(capture.id);
    if (known) {
      if (at && known.capture) {
        this.heldBytes -= known.capture.body.length;
        this.held.delete(capture.id);
        known.capture = undefined;
        known.at = at;
      }
      return undefined;
    }
    const summary = summarize(capture);
    const entry: Entry = at ? { summary, at } : { summary, capture };
    this.entries.set(capture.id, entry);
    // Entries go in by arrival (a store is read in file order): the first is the oldest.
    if (this.entries.size > this.maxListed) this.forget(this.entries.keys().next().value as string);
    if (!at) {
      this.held.set(capture.id, entry);
      this.heldBytes += capture.body.length;
      // Bound what is held (a store's reader usually takes it over first): per add, only what is evicted is visited.
      for (const id of this.held.keys()) {
        if (this.held.size <= MEMORY_COUNT && this.heldBytes <= MEMORY_BYTES) break;
        this.forget(id);
      }
    }
    return summary;
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
    return [...this.entries.values()].map((e) => e.summary).sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
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
      if (!e.at) continue;
      const list = bySegment.get(e.at.segment) ?? [];
      list.push({ id, at: e.at });
      bySegment.set(e.at.segment, list);
    }
    for (const [segment, list] of bySegment) {
      let data: Buffer;
      try {
        data = await readFile(join(this.storeDir ?? '', 'captures', segment));
      } catch {
        continue; // cleared meanwhile
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
