import type { EventSpec, ProviderProfile } from '../providers/types.js';
import type { Random } from '../random.js';
import type { BodyFormat } from '../templates/serialize.js';

/** What `--signature` does to an otherwise correct delivery. */
export const SIGNATURE_MODES = ['valid', 'invalid', 'missing', 'malformed', 'wrong-secret', 'stale', 'future'] as const;
export type SignatureMode = (typeof SIGNATURE_MODES)[number];

export type HeaderPair = [string, string];

/** Changes to the payload and request, as `send` takes them from flags. */
export interface DeliveryOverrides {
  /** `path=value` edits of keys that exist (dotted paths, JSON-typed values), applied in order. */
  set?: readonly string[];
  /** `path=value` edits that create a key (it must not exist yet). */
  add?: readonly string[];
  /** Paths whose key or list item is deleted. */
  remove?: readonly string[];
  /** The exact body bytes (`--data`): sent verbatim unless an edit needs to parse them. */
  data?: Buffer;
  /** A fixture template file used instead of the event's (`--fixture`). */
  fixture?: string;
  /** Extra headers, applied last: a same-named header is replaced, an empty value removes it. */
  headers?: readonly HeaderPair[];
  /** The signed Unix time in seconds (`--timestamp`), instead of the clock. */
  timestamp?: number;
  /** How a template's payload is laid out (`--body-format`); default: the provider's own. `--data` bytes are never re-laid. */
  bodyFormat?: BodyFormat;
  /** `--batch`: an array body (SendGrid's) grown to this many events, each with fresh ids. */
  batch?: number;
}

/** Everything that stays the same across the deliveries of one run. */
export interface DeliverySpec {
  profile: ProviderProfile;
  /** The event spec, or its name within the profile. */
  event: EventSpec | string;
  /** The first secret signs (the rest are rotation candidates a receiver may hold). */
  secrets: readonly string[];
  /** The token an endpoint check carries where it is not the secret (Meta's `hub.verify_token`). */
  verifyToken?: string;
  mode?: SignatureMode;
  /** The target; the delivery carries it for display, `--curl` and `send`. */
  url?: URL;
  /** Extra fixture directories, searched before the built-ins. */
  fixtureDirs?: readonly string[];
  /** Resolves a relative `--fixture` path. */
  cwd?: string;
  /** The User-Agent for providers that document none (`send` passes `hookctl/<version>`). */
  userAgent?: string;
  overrides?: DeliveryOverrides;
}

/** The fresh values a delivery draws on: the clock (ms) and the id source. */
export interface World {
  now: number;
  random: Random;
}

/** A delivery with its payload, ids and static headers, not yet signed (retries re-sign it). */
export interface PreparedDelivery {
  provider: string;
  event: string;
  method: string;
  url?: URL;
  /** Unsigned headers in wire order. */
  headers: HeaderPair[];
  body: Buffer;
  /** The dedup key: the same on every retry. */
  deliveryId?: string;
  /** The message id the scheme signs (Standard Webhooks' webhook-id), when it has one. */
  messageId?: string;
  /** The Unix time written into the body, for schemes that carry it there. */
  bodyTimestamp?: number;
  /** The query a query template rendered (`hub.mode=subscribe&...`): on `url` too when there is a target. */
  query?: string;
}

/** A signed request, exactly as it goes on the wire. */
export interface Delivery extends PreparedDelivery {
  mode: SignatureMode;
  /** The primary signature header's value; undefined when `missing`. */
  signature?: string;
  /** The signed Unix time in seconds, for schemes with a timestamp. */
  timestamp?: number;
  /**
   * Secrets that travel as they are (a token scheme's: Okta's Authorization value, Graph's clientState):
   * masked wherever the delivery is shown, sent unchanged. `--curl` alone keeps them, to reproduce it.
   */
  tokens?: string[];
}
