import type { HandshakeSpec } from './handshake-spec.js';
import type { Scheme } from '../signing/index.js';

/** What a provider does when a delivery is not acknowledged. */
export interface DeliveryPolicy {
  /** How long the provider waits for a response before counting a timeout. */
  timeoutMs: number;
  /** Delays before each retry, in seconds; the first attempt is immediate and not listed. */
  retryDelaysSec: number[];
  /** Status classes (`5xx`, `4xx`) or exact codes (`429`) that are retried. */
  retryOn: string[];
  /** Whether a timeout or a refused connection is retried. */
  retryOnTimeout: boolean;
  /** Codes that stop all retries at once (Standard Webhooks disables the endpoint on 410). */
  stopOn?: number[];
  /** Where the facts come from, and what is an assumption. */
  note?: string;
}

export interface EventSpec {
  name: string;
  description: string;
  /**
   * The event's own Content-Type, when it differs from the provider's (Slack's slash commands are
   * forms beside its JSON events). A form's template is an object of fields; an object value (Slack's
   * `payload`) travels as compact JSON.
   */
  contentType?: string;
  /**
   * How a received body names this event when no header does: dotted paths and the literal each must
   * hold (`true`: present with any value). Read from a JSON object, the first item of a JSON array, or
   * a form's fields (a JSON field like Slack's `payload` is entered): Discord's `{ "type": 1 }` is a PING.
   */
  match?: Record<string, string | number | boolean>;
  /** An inline payload template (custom providers); otherwise fixtures/<provider>/<event>.json. */
  payload?: unknown;
  /** How this event's request differs from the provider's ordinary delivery (a handshake's often does). */
  request?: EventRequest;
  /**
   * This event is an endpoint-verification handshake (Slack's url_verification, Zoom's
   * endpoint.url_validation): what a correct answer is, judged by `send` and `test`, given by `listen`.
   */
  handshake?: HandshakeSpec;
}

/**
 * An event's own request: Meta's and Dropbox's endpoint checks are GETs whose query carries the
 * challenge, Twitch names each message's type in headers, and four providers sign no handshake.
 */
export interface EventRequest {
  /** The event's own method (`GET`), instead of the provider's. */
  method?: string;
  /** Headers of its own, after the provider's (a same-named one is replaced); fixture tokens allowed. */
  headers?: Record<string, string>;
  /** Sent with no signature, timestamp or id headers at all, as the provider sends it; `--signature` modes do not apply. */
  unsigned?: boolean;
  /**
   * Where the rendered template goes: the body (default), or `query`: its fields become the URL's query
   * parameters (a nested object's joined with dots: `hub.mode`) and the request has no body (`{}` for a
   * request with neither, Asana's handshake).
   */
  template?: 'body' | 'query';
}

/** The groups `hookctl providers` and docs/providers.md list providers under, in this order. */
export const PROVIDER_CATEGORIES = ['payments', 'commerce', 'auth', 'email', 'messaging', 'ai', 'media', 'dev-tools', 'productivity', 'cms', 'infrastructure', 'generic'] as const;
export type ProviderCategory = (typeof PROVIDER_CATEGORIES)[number];

/** The provider's own library that verifies its deliveries, run on every event in the tests (docs/providers.md). */
export interface OfficialVerifier {
  /** The npm package. */
  package: string;
  /** The call that verifies: `webhooks.unwrap(body, headers, secret)`. */
  call: string;
}

/** A provider as data: how it signs, what it sends, and how it delivers. */
export interface ProviderProfile {
  id: string;
  name: string;
  /** Where `hookctl providers` lists it; custom providers have none. */
  category?: ProviderCategory;
  docs?: string;
  /** Its official verifying library, when it has one. */
  verifier?: OfficialVerifier;
  scheme: Scheme;
  request: {
    method: string;
    /** Path used when the target URL has none. */
    path: string;
    contentType: string;
    /** How the provider lays out its JSON bodies (default `compact`); see docs/providers.md "Body layout". */
    bodyFormat?: 'compact' | 'pretty';
    userAgent?: string;
    /** Extra headers; values may use fixture tokens like `{{uuid}}`. */
    headers?: Record<string, string>;
    /** The header naming the event; `{event}` is the full name, `{eventBase}` the part before the first dot. */
    eventHeader?: { name: string; value: string };
    /** An unsigned delivery-id header (the dedup key), same on every retry; `format` uses fixture tokens. */
    deliveryId?: { header: string; format: string };
  };
  /** Hand-written events; a generated catalogue's events are listed beside them (see `catalogue`). */
  events: EventSpec[];
  /** A generated catalogue (catalogue/<id>.json) whose events this provider sends too, read only when needed. */
  catalogue?: string;
  /** The built-in a custom provider extends (set by the config loader): its events are built-in ones. */
  base?: string;
  /** Fixture folder, when it is not the provider id (Svix shares Standard Webhooks' payloads). */
  fixtures?: string;
  /** The documented development secret used when none is configured (a private key for asymmetric schemes). */
  devSecret: string;
  /**
   * Credentials of the provider's that are not its webhook secret, told by their prefix (Stripe's `sk_`
   * API keys, Slack's `xoxb-` tokens): signing with one is a usage error naming where the real one is.
   */
  notSecrets?: { prefixes: string[]; is: string; where: string };
  /**
   * The documented development key pair of an asymmetric scheme: hookctl signs with the private key
   * and verifies with the public one, as the provider and its receivers do.
   */
  devKeyPair?: { privateKey: string; publicKey: string };
  delivery: DeliveryPolicy;
}
