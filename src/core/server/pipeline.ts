import { perTurn, sleep } from '../timing.js';
import type { ProviderProfile } from '../providers/types.js';
import { sha256Hex } from '../store/format.js';
import type { Capture, CaptureStore, RecordLocation } from '../store/types.js';
import type { DedupIndex } from './dedup.js';
import type { Forwarded, Forwarder } from './forward.js';
import type { Handled, ArrivedRequest, Reply } from './http.js';
import { checkArrival, type ArrivalOptions } from './arrival.js';
import { answerArrived, arrivedHandshake, handshakeRecord, judgeRelayed, type HandshakeOutcome } from './handshake.js';

/** One received request, as the renderer sees it once answered. */
export interface ReceivedDelivery {
  capture: Capture;
  provider?: ProviderProfile;
  forward?: Forwarded;
  /** Why the capture could not be written (then the sender got a 503, not an acknowledgement). */
  storeError?: string;
  /** Where the store wrote it. */
  stored?: RecordLocation;
  /** An endpoint-verification handshake: answered by listen, or the app's answer judged. */
  handshake?: HandshakeOutcome;
}

export interface PipelineOptions {
  inspect: ArrivalOptions;
  /** Absent with --no-store. */
  store?: CaptureStore;
  newId(): string;
  /** The status to answer next (--status, --respond). */
  nextStatus(): number;
  rejectInvalid: boolean;
  delayMs: number;
  /** Aborted when the server stops: a pending --delay answers at once instead of holding the shutdown. */
  stopping?: AbortSignal;
  forwarder?: Forwarder;
  /** Answer providers' handshakes (Zoom's url_validation, Meta's hub.challenge) as the provider expects (default); false with --no-handshake. */
  handshakes?: boolean;
  dedup: DedupIndex;
  onDelivery(d: ReceivedDelivery): void;
  /** A bug while reporting a delivery: reported, never fatal. */
  onError?(err: unknown): void;
  /**
   * Resolves when the output has room for another delivery's line: NDJSON never drops a line, so
   * a slow stdout holds answers back (docs/hardening.md). Absent, answers never wait.
   */
  outputReady?: () => Promise<void> | undefined;
}

/**
 * A delivery's identity for duplicate detection: the provider's delivery id, else the method,
 * path and body together (a GET and a HEAD, or one body posted to two paths, are not repeats).
 */
export function dedupKey(d: { provider?: string; deliveryId?: string; method: string; path: string; bodySha256: string }): string {
  return d.deliveryId !== undefined ? `id:${d.provider}:${d.deliveryId}` : `req:${d.method} ${d.path} ${d.bodySha256}`;
}

const LOOP = "hookctl listen received its own forwarded request: --forward-to leads back to this listen (use the app's port)";

/** --respond 500,500,200: each delivery takes the next code; the last one repeats. */
export function statusSequence(codes: readonly number[]): () => number {
  let i = 0;
  return () => codes[Math.min(i++, codes.length - 1)] as number;
}

export interface Pipeline {
  handle(req: ArrivedRequest): Promise<Handled>;
  /** Reports the deliveries answered but not yet reported (the server is closing). */
  flush(): void;
}

/**
 * What happens to each request: identify and verify it, spot a duplicate, decide the answer (or
 * get it from the app), write the capture durably, and only then answer.
 *
 * The work is staged, a loop turn's requests at a time (see perTurn): all of them are judged and
 * handed to the store together, and once answered all of them are reported together. Per request,
 * interleaved with socket writes, the same work measured three to four times slower.
 */
export function createPipeline(o: PipelineOptions): Pipeline {
  // Each item alone: one failing (a bug) must not strand the others of its turn.
  const report = perTurn<ReceivedDelivery>((delivered) => {
    for (const d of delivered) {
      try {
        o.onDelivery(d);
      } catch (err) {
        o.onError?.(err);
      }
    }
  });
  const admit = perTurn<Waiting>((waiting) => {
    // Every request judged, then every one handed on: one stage's code at a time stays in cache.
    const judged = waiting.map((w) => {
      try {
        return judge(o, w.req);
      } catch (err) {
        w.reject(err);
        return undefined;
      }
    });
    waiting.forEach((w, i) => {
      const j = judged[i];
      if (j) answer(j, o, report.push).then(w.resolve, w.reject);
    });
  });
  return {
    handle: (req) => {
      // Not a delivery: listen's own relay of one, come back. Refused at once, neither stored nor relayed again.
      if (o.forwarder?.isOwn(req)) return Promise.resolve({ reply: json(508, { error: LOOP }) });
      return new Promise<Handled>((resolve, reject) => admit.push({ req, resolve, reject }));
    },
    flush: report.flush,
  };
}

interface Waiting {
  req: ArrivedRequest;
  resolve(h: Handled): void;
  reject(err: unknown): void;
}

/** A request judged: its capture, all but the answer's status when an app or the store decides it. */
interface Judged {
  req: ArrivedRequest;
  capture: Capture;
  provider?: ProviderProfile;
}

function judge(o: PipelineOptions, req: ArrivedRequest): Judged {
  const id = o.newId();
  const bodySha256 = sha256Hex(req.body);
  const seen = checkArrival(o.inspect, req.headers, req.body, req.receivedAt, req.path);
  const duplicateOf = o.dedup.check(dedupKey({ provider: seen.provider?.id, deliveryId: seen.deliveryId, method: req.method, path: req.path, bodySha256 }), id);
  const capture: Capture = {
    id,
    receivedAt: isoTime(req.receivedAt),
    method: req.method,
    path: req.path,
    headers: req.rawHeaders,
    body: req.body,
    bodySha256,
    provider: seen.provider?.id,
    event: seen.event,
    deliveryId: seen.deliveryId,
    verification: seen.verification,
    duplicateOf,
    remoteAddress: req.remoteAddress,
  };
  return { req, capture, provider: seen.provider };
}

async function answer(j: Judged, o: PipelineOptions, report: (d: ReceivedDelivery) => void): Promise<Handled> {
  const { capture } = j;
  const id = capture.id;
  let reply: Reply;
  let forward: Forwarded | undefined;
  let handshake: HandshakeOutcome | undefined;
  const hs = o.handshakes !== false ? arrivedHandshake(capture, j.provider, j.req, o.inspect) : undefined;
  // A check the provider sends unsigned by design (Meta's GET, Asana's X-Hook-Secret) is not an invalid
  // delivery: it carries no signature at all, and refusing it would fail the registration.
  if (o.rejectInvalid && !capture.verification?.ok && !(hs?.unsigned && capture.verification?.reason === 'missing-signature')) {
    reply = json(401, { error: 'invalid signature', reason: capture.verification?.reason, id });
  } else if (o.forwarder) {
    forward = await o.forwarder.forward(j.req);
    reply = forward.reply;
    capture.forward = { url: forward.url, status: forward.status, ms: forward.ms, error: forward.error };
    if (hs && forward.status !== undefined && j.provider) handshake = judgeRelayed(hs, j.provider.name, forward.reply, forward.ms);
  } else if (hs) {
    ({ reply, outcome: handshake } = answerArrived(hs, capture.verification));
  } else {
    const status = o.nextStatus();
    reply = json(status, status < 300 ? { received: true, id } : { error: `hookctl listen answered ${status} as told (--status/--respond)`, id });
  }
  capture.response = { status: reply.status };
  if (hs && handshake) capture.handshake = handshakeRecord(hs, handshake, reply);

  let storeError: string | undefined;
  let stored: RecordLocation | undefined;
  if (o.store) {
    try {
      stored = await o.store.append(capture);
    } catch (err) {
      // Not on disk, so not acknowledged: the sender retries, as it would with a real receiver.
      storeError = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
      reply = json(503, { error: `capture not stored: ${storeError}` });
      capture.response = { status: 503 };
    }
  }
  if (o.delayMs > 0) await sleep(o.delayMs, o.stopping, false);
  // Undefined when there is room: no await, no extra turn of the microtask queue per request.
  const room = o.outputReady?.();
  if (room) await room;
  const delivery: ReceivedDelivery = { capture, provider: j.provider, forward, storeError, stored, ...(handshake ? { handshake } : {}) };
  return { reply, after: () => report(delivery) };
}

/** The ISO form of a time in ms; a turn's requests mostly end within one millisecond, so the last one is kept. */
let lastMs = Number.NaN;
let lastIso = '';
function isoTime(ms: number): string {
  if (ms !== lastMs) {
    lastIso = new Date(ms).toISOString();
    lastMs = ms;
  }
  return lastIso;
}

function json(status: number, value: unknown): Reply {
  return { status, headers: [['content-type', 'application/json']], body: `${JSON.stringify(value)}\n` };
}
