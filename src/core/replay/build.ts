import { messageIdFormat } from '../delivery/build.js';
import { applyEdits, fieldEdit, mergeHeaders, parseJsonBody, type Edit } from '../delivery/edits.js';
import { UsageError } from '../errors.js';
import { renderString, serializeBody } from '../templates/index.js';
import type { ProviderProfile } from '../providers/types.js';
import type { Random } from '../random.js';
import { signWithScheme } from '../signing/index.js';
import { sha256Hex } from '../store/format.js';
import { headerOf } from '../http/headers.js';
import { replayHeaders } from '../http/resend.js';
import type { LoadedRequest } from '../captures/source.js';

export interface ReplayOptions {
  /** Refresh the timestamp and delivery id and sign again. */
  resign: boolean;
  /** `--set` edits to the JSON body, applied before signing. */
  edits: readonly Edit[];
  profile: ProviderProfile;
  /** The first one signs. */
  secrets: readonly string[];
  /** Clock in ms and id source, for the fresh timestamp and ids. */
  now: number;
  random: Random;
  /** Where the request goes, for schemes that sign the URL (Twilio): re-signing binds it to this one. */
  url?: string;
}

/** A request ready to go on the wire (the URL is added by the caller). */
export interface ReplayRequest {
  method: string;
  headers: [string, string][];
  body: Buffer;
  bodySha256: string;
  resigned: boolean;
  edited: boolean;
  /** The fresh signed Unix time (s), when re-signed under a timestamped scheme. */
  timestamp?: number;
  deliveryId?: string;
  /** The URL that was signed, when re-signing changed where the request must go (Twilio's bodySHA256). */
  url?: string;
}

/**
 * By default the captured bytes and headers, in order, minus hop-by-hop headers the client computes.
 * Edits re-serialize the body in the provider's layout (Stripe's indented JSON stays indented); re-signing goes through the signing module with the
 * provider's scheme, a fresh timestamp, a fresh delivery id and message id.
 */
export function buildReplay(req: LoadedRequest, o: ReplayOptions): ReplayRequest {
  let headers = replayHeaders(req.headers);
  let body = req.body;
  const { scheme, request } = o.profile;
  const bodyTs = o.resign && scheme.timestamp?.source === 'body' ? scheme.timestamp : undefined;
  const edits = [...o.edits];
  if (bodyTs?.field) {
    const value = Math.floor(bodyTs.unit === 'ms' ? o.now : o.now / 1000);
    edits.push(fieldEdit(bodyTs.field, value));
  }
  if (edits.length > 0) {
    const parsed = parseJsonBody(body, `the body of ${req.label}`);
    body = serializeBody(applyEdits(parsed, edits), request.bodyFormat);
  }
  if (!o.resign) return finish({ method: req.method, headers, body, resigned: false, edited: o.edits.length > 0 });

  const secret = o.secrets[0];
  if (!secret) throw new UsageError(`no secret to re-sign ${o.profile.id} captures with`, 'pass --secret or set HOOKCTL_SECRET');
  const ctx = { now: o.now, random: o.random, event: req.capture?.event ?? '' };
  const fresh: [string, string][] = [];
  let deliveryId: string | undefined;
  if (request.deliveryId && headerOf(headers, request.deliveryId.header) !== undefined) {
    deliveryId = renderString(request.deliveryId.format, ctx);
    fresh.push([request.deliveryId.header, deliveryId]);
  }
  const msgFormat = messageIdFormat(scheme);
  const messageId = msgFormat ? renderString(msgFormat, ctx) : undefined;
  const contentType = headerOf(headers, 'content-type');
  const signed = signWithScheme(scheme, { secret, body, now: o.now, id: messageId, ...(o.url ? { url: o.url } : {}), ...(contentType ? { contentType } : {}) });
  // Same names, same places: the signature headers replace their captured selves (case-insensitively).
  headers = mergeHeaders(headers, [...fresh, ...Object.entries(signed.headers)]);
  return finish({
    method: req.method,
    headers,
    body,
    resigned: true,
    edited: o.edits.length > 0,
    timestamp: signed.timestamp ?? (bodyTs ? Math.floor(o.now / 1000) : undefined),
    deliveryId: deliveryId ?? messageId,
    ...(signed.url !== undefined && signed.url !== o.url ? { url: signed.url } : {}),
  });
}

function finish(r: Omit<ReplayRequest, 'bodySha256'>): ReplayRequest {
  return { ...r, bodySha256: sha256Hex(r.body) };
}
