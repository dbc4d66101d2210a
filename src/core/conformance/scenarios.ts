import { buildPayload, serializeBody } from '../templates/index.js';
import type { EventSpec, ProviderProfile } from '../providers/types.js';
import { isTokenScheme } from '../signing/index.js';
import {
  contentWithout,
  dropKvTimestamp,
  MALFORMED_TIMESTAMPS,
  MISSING_TIMESTAMP_STAND_INS,
  signedWithoutTimestamp,
  stripPrefix,
  swapEncoding,
  tamperSigned,
  withSignatureHeaders,
  withTimestampText,
} from './tamper.js';
import type { Probe, Scenario, ScenarioTools } from './types.js';

const ONE_MIB = 1024 * 1024;
const primary = (p: ProviderProfile) => {
  const [first] = p.scheme.signatures;
  if (!first) throw new Error(`${p.id} declares no signature`);
  return first;
};
const valid = (t: ScenarioTools) => t.builder().build(t.world());
const noTimestamp = (p: ProviderProfile) => (p.scheme.timestamp ? undefined : `${p.id} signs no timestamp`);
/** Okta's and Graph's "signature" is the shared token itself: nothing of the body to break (wrong-secret and missing test the token). */
/** A timestamp inside what is signed (a body field, a JWT's claim) cannot go missing or be rewritten unsigned. */
const signedIn = (p: ProviderProfile) => {
  const source = p.scheme.timestamp?.source;
  return source === 'body' || source === 'jwt' ? `${p.id} carries its timestamp inside the signed ${source === 'jwt' ? 'token' : 'body'}` : undefined;
};
const tokenOnly = (p: ProviderProfile) => (isTokenScheme(p.scheme) ? `${p.id} sends a shared token that binds nothing of the body` : undefined);

/** Every validly signed event of the provider: 2xx within its timeout. */
export function eventScenarios(profile: ProviderProfile, events: readonly EventSpec[] = profile.events): Scenario[] {
  // A provider that does not send compact JSON: a refused event is re-sent compact, to tell a receiver
  // that verifies a re-serialized body from one that holds the wrong secret.
  const laidOut = (profile.request.bodyFormat ?? 'compact') !== 'compact';
  return events.map((event) => ({
    id: `event:${event.name}`,
    key: 'valid',
    description: `a valid ${event.name} delivery is accepted`,
    probes: (t) => [
      {
        label: event.name,
        delivery: t.builder('valid', event).build(t.world()),
        demand: 'accept',
        ...(laidOut ? { compactTwin: compactTwin(t, event), layout: `${profile.name}'s own indented JSON` } : {}),
      },
    ],
  }));
}

/** The event as `JSON.stringify` writes it, correctly signed: what a re-serializing receiver recomputes. */
const compactTwin = (t: ScenarioTools, event = t.event) => t.builder('valid', event, { bodyFormat: 'compact' }).build(t.world());

export const NEGATIVE_SCENARIOS: Scenario[] = [
  {
    id: 'invalid-signature',
    key: 'invalidSignature',
    rejects: true,
    description: 'a signature over different bytes is rejected',
    skip: tokenOnly,
    probes: (t) => [{ label: 'invalid', delivery: t.builder('invalid').build(t.world()), demand: 'reject' }],
  },
  {
    id: 'wrong-secret',
    key: 'wrongSecret',
    rejects: true,
    description: 'a signature made with another secret is rejected',
    probes: (t) => [{ label: 'wrong secret', delivery: t.builder('wrong-secret').build(t.world()), demand: 'reject' }],
  },
  {
    id: 'missing-signature',
    key: 'missingSignature',
    rejects: true,
    description: 'a delivery without the signature header is rejected',
    probes: (t) => [{ label: 'missing', delivery: t.builder('missing').build(t.world()), demand: 'reject' }],
  },
  {
    id: 'malformed-signature',
    key: 'malformedSignature',
    rejects: true,
    description: 'a signature of the wrong length, the wrong encoding or without its prefix is rejected',
    skip: tokenOnly,
    probes: (t) => {
      const { scheme } = t.profile;
      const spec = primary(t.profile);
      const probes: Probe[] = [
        { label: 'wrong length', delivery: t.builder('malformed').build(t.world()), demand: 'reject' },
        { label: `${spec.encoding === 'hex' ? 'base64' : 'hex'} instead of ${spec.encoding}`, delivery: withSignatureHeaders(valid(t), scheme, (s, v) => swapEncoding(s, v)), demand: 'reject' },
      ];
      // Every signature header loses its prefix; one whose format has none is left out (missing is refused too).
      if (stripPrefix(spec, '') !== undefined) {
        probes.push({ label: 'no prefix', delivery: withSignatureHeaders(valid(t), scheme, (s, v) => stripPrefix(s, v)), demand: 'reject' });
      }
      return probes;
    },
  },
  {
    id: 'stale-timestamp',
    key: 'staleTimestamp',
    rejects: true,
    description: 'a timestamp older than the tolerance is rejected',
    skip: (p) => noTimestamp(p) ?? (p.scheme.timestamp?.tolerance.pastSec === null ? `${p.id} accepts timestamps of any age` : undefined),
    probes: (t) => [{ label: 'stale', delivery: t.builder('stale').build(t.world()), demand: 'reject' }],
  },
  {
    id: 'future-timestamp',
    key: 'futureTimestamp',
    rejects: true,
    description: 'a timestamp further in the future than the tolerance is rejected',
    skip: (p) => noTimestamp(p) ?? (p.scheme.timestamp?.tolerance.futureSec === null ? `${p.id} checks the past only` : undefined),
    probes: (t) => [{ label: 'future', delivery: t.builder('future').build(t.world()), demand: 'reject' }],
  },
  {
    id: 'missing-timestamp',
    key: 'missingTimestamp',
    rejects: true,
    description: 'a delivery without its timestamp is rejected',
    skip: (p) => noTimestamp(p) ?? signedIn(p),
    probes: (t) => {
      const { scheme } = t.profile;
      const ts = scheme.timestamp;
      if (!ts) return [];
      const spec = primary(t.profile);
      const delivery =
        ts.source === 'header' ? t.builder('valid', undefined, { headers: [[ts.header as string, '']] }).build(t.world()) : withSignatureHeaders(valid(t), scheme, (s, v) => dropKvTimestamp(s, v));
      // A receiver that skips the freshness check when the timestamp is absent (`if (ts && …)`, or
      // `parseInt(undefined)` → NaN, and NaN > 300 is false) only rejects the probe above because its
      // signature was made over the real timestamp. Sign as such a receiver recomputes, so that only a
      // check of the timestamp itself can reject these.
      const missing = ts.source === 'header' ? `the ${ts.header} header is missing` : `${spec.header} has no ${spec.format.style === 'kv' ? spec.format.timestampKey : 'timestamp'}= entry`;
      const naive = MISSING_TIMESTAMP_STAND_INS.map(
        ({ label, text }): Probe => ({
          label: `no timestamp (${label})`,
          delivery: signedWithoutTimestamp(valid(t), scheme, t.secrets[0] as string, text),
          demand: 'reject',
          ifAccepted: `accepted a delivery with no timestamp, signed over \`${contentWithout(scheme, text)}\`: the receiver skips the freshness check when ${missing}; reject a missing timestamp`,
        }),
      );
      return [{ label: 'no timestamp', delivery, demand: 'reject' }, ...naive];
    },
  },
  {
    id: 'malformed-timestamp',
    key: 'malformedTimestamp',
    rejects: true,
    description: 'a timestamp that is present but not a number of seconds is rejected, not a crash',
    skip: (p) => {
      const ts = p.scheme.timestamp;
      if (!ts) return noTimestamp(p);
      if (signedIn(p)) return signedIn(p);
      // Signed but never checked for freshness (Discord's own library): any text there is the provider's to send.
      if (ts.tolerance.pastSec === null && ts.tolerance.futureSec === null) return `${p.id} accepts timestamps of any age, so any timestamp text`;
      return undefined;
    },
    probes: (t) =>
      MALFORMED_TIMESTAMPS.map(
        (text): Probe => ({
          label: `timestamp ${text}`,
          delivery: withTimestampText(valid(t), t.profile.scheme, t.secrets[0] as string, text),
          demand: 'reject',
          ifAccepted: `accepted a delivery whose timestamp is \`${text}\`, signed over it: the freshness check turns it into NaN, which is never too old; reject a timestamp that is not whole seconds`,
        }),
      ),
  },
  {
    id: 'tampered-body',
    key: 'tamperedBody',
    rejects: true,
    description: 'a body changed by one byte after signing is rejected',
    skip: tokenOnly,
    probes: (t) => {
      const d = valid(t);
      return [{ label: 'one byte changed', delivery: { ...d, body: tamperSigned(d.body, t.profile.scheme) }, demand: 'reject' }];
    },
  },
  {
    id: 'reserialized-body',
    provesVerification: true,
    key: 'reserializedBody',
    description: 'a valid delivery whose JSON parse-then-stringify would change is accepted (the raw bytes are verified)',
    skip: tokenOnly,
    probes: (t) => [
      {
        label: 're-serialization probe',
        delivery: t.builder('valid', t.event, { bodyFormat: 'reserialize' }).build(t.world()),
        demand: 'accept',
        compactTwin: compactTwin(t),
        layout: 'JSON laid out as real serializers differ (indented, a trailing newline, \\u00e9 and \\/ escapes, 1.0, 1e3, an integer past 2^53, keys out of order)',
      },
    ],
  },
  {
    id: 'duplicate',
    provesVerification: true,
    key: 'duplicate',
    description: 'the same delivery twice (same id and body) is acknowledged both times',
    probes: (t) => {
      const d = valid(t);
      return [
        { label: 'first', delivery: d, demand: 'accept' },
        { label: 'duplicate', delivery: d, demand: 'accept' },
      ];
    },
  },
  {
    id: 'retry',
    provesVerification: true,
    key: 'retry',
    description: 'a retry (same delivery id, re-signed later, as after a 5xx) is acknowledged',
    probes: (t) => {
      const b = t.builder();
      const world = t.world();
      const prepared = b.prepare(world);
      return [
        { label: 'original', delivery: b.sign(prepared, world.now), demand: 'accept', unjudged: true },
        { label: 'retry', delivery: b.sign(prepared, world.now + 1000), demand: 'accept' },
      ];
    },
  },
  {
    id: 'large-payload',
    key: 'largePayload',
    description: 'a validly signed 1 MiB payload does not crash the receiver',
    probes: (t) => {
      const { event } = t;
      const world = t.world();
      const payload = buildPayload(t.profile, event, world) as Record<string, unknown>;
      const padded = serializeBody({ ...payload, hookctl_padding: 'x'.repeat(ONE_MIB) }, t.profile.request.bodyFormat);
      return [{ label: '1 MiB', delivery: t.builder('valid', event, { data: padded }).build(world), demand: 'no-crash' }];
    },
  },
];

/** Judged from every 2xx the other scenarios got; listed here so --only/--skip know it. */
export const RESPONSE_TIME = { id: 'response-time', key: 'responseTime', description: "every 2xx arrives within the provider's timeout" };

export function allScenarioIds(events: readonly EventSpec[]): string[] {
  const handshakes = events.filter((e) => e.handshake).map((e) => `handshake:${e.name}`);
  return [...handshakes, ...events.filter((e) => !e.handshake).map((e) => `event:${e.name}`), ...NEGATIVE_SCENARIOS.map((s) => s.id), RESPONSE_TIME.id];
}
