import { parseBoundedJson } from '../text/bounded-json.js';

/**
 * How a payload becomes body bytes. Providers differ (docs/providers.md, "Body layout"): most send compact
 * JSON, Stripe sends 2-space indented JSON. `reserialize` is hookctl's own layout for catching receivers
 * that verify `JSON.stringify(JSON.parse(body))` instead of the bytes they were sent.
 */
export const BODY_FORMATS = ['compact', 'pretty', 'reserialize'] as const;
export type BodyFormat = (typeof BODY_FORMATS)[number];

/** The payload's bytes in a layout; `compact` is `JSON.stringify`, `pretty` is `JSON.stringify(v, null, 2)`. */
export function serializeBody(payload: unknown, format: BodyFormat = 'compact'): Buffer {
  if (format === 'compact') return Buffer.from(JSON.stringify(payload), 'utf8');
  if (format === 'pretty') return Buffer.from(JSON.stringify(payload, null, 2), 'utf8');
  return Buffer.from(reserializationProbe(payload), 'utf8');
}

/**
 * Valid JSON that parse-then-stringify does not give back, in every way real serializers differ: indentation
 * and a trailing newline, `\u00e9` and `\/` escapes, non-ASCII UTF-8 (PHP and Python escape it), `1.0` and
 * `1e3` (written back as `1` and `1000`), an integer past 2^53 (loses its last digit), and integer-like keys
 * out of order (JavaScript moves them first). The payload's own fields are untouched; the probe is one
 * extra field a receiver ignores, so a raw-body verifier accepts it like any other delivery.
 */
const PROBE = [
  '"hookctl_reserialization_probe": {',
  '    "escaped": "caf\\u00e9 \\/ \\u2713",',
  '    "utf8": "naïve café ✓",',
  '    "float": 1.0,',
  '    "exponent": 1e3,',
  '    "big_integer": 9007199254740993,',
  '    "key_order": { "b": 1, "2": 2, "1": 3 }',
  '  }',
].join('\n');

function reserializationProbe(payload: unknown): string {
  const pretty = JSON.stringify(payload, null, 2);
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return `${pretty}\n`;
  // `{}` has no closing line to insert before; every other object ends with "\n}".
  const open = pretty === '{}' ? '{' : `${pretty.slice(0, -2)},`;
  return `${open}\n  ${PROBE}\n}\n`;
}

/** What a re-serializing receiver (`express.json()` then `JSON.stringify`) computes its HMAC over. */
export function reserialized(body: Buffer): Buffer | undefined {
  const parsed = parseBoundedJson(body.toString('utf8'));
  return parsed.ok ? Buffer.from(JSON.stringify(parsed.value), 'utf8') : undefined;
}
