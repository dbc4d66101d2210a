/**
 * A realistic example value for a (dereferenced) JSON Schema, used where a webhook description
 * carries no recorded example (docs/events.md says why this and not openapi-sampler or
 * json-schema-faker). Deterministic: the same schema always gives the same bytes, so the
 * generated catalogue is reproducible. Values come, in order, from the schema's own `const`,
 * `examples`, `default` and `enum`, then from the format, then from the property's name
 * (`login`, `sha`, `html_url`, ...), then from the type.
 */
type Schema = Record<string, unknown>;

const NOW = '2026-01-15T10:20:30Z';
const OWNER = 'octo-org';
const REPO = 'hello-world';

export function sampleSchema(schema: unknown): unknown {
  let counter = 0;
  return walk({ nextId: () => 1000 + ++counter, stack: new Map() }, schema, '', 0);
}

/** What one sampling carries through its walk. */
interface Sampling {
  /** The next id for an `id` field: ids count up from 1001 within one sample. */
  nextId: () => number;
  /** How many times each schema is being walked right now (a recursive schema repeats). */
  stack: Map<unknown, number>;
}

function walk(run: Sampling, s: unknown, name: string, depth: number): unknown {
  if (!isSchema(s)) return null;
  if ('const' in s) return s.const;
  if (s.type === 'null' || (Array.isArray(s.type) && s.type.length === 1 && s.type[0] === 'null')) return null;
  // A schema's own example, when it has the schema's type (some list one item of an array).
  const own = [...(Array.isArray(s.examples) ? s.examples : []), s.example, s.default].find((v) => v !== undefined && v !== null && fits(v, s.type));
  if (own !== undefined) return own;
  if (Array.isArray(s.enum)) return s.enum.find((v) => v !== null) ?? null;
  // A recursive schema (an issue's parent issue): stop at the first repeat where the schema
  // allows it (null, an empty list); a required, non-null repeat is walked once more.
  const seen = run.stack.get(s) ?? 0;
  if (seen > 0) {
    if (allowsNull(s)) return null;
    if (s.type === 'array') return [];
    if (seen > 2) return {};
  }
  run.stack.set(s, seen + 1);
  try {
    return shape(run, s, name, depth);
  } finally {
    run.stack.set(s, seen);
  }
}

function shape(run: Sampling, s: Schema, name: string, depth: number): unknown {
  if (Array.isArray(s.allOf)) {
    const parts = s.allOf.map((p) => walk(run, p, name, depth));
    // The first part's values win: later parts often restate a field with a looser type.
    return parts.every(isPlainObject) ? Object.assign({}, ...parts.reverse()) : parts[0];
  }
  const choices = (s.oneOf ?? s.anyOf) as unknown[] | undefined;
  if (Array.isArray(choices)) {
    const pick = choices.find((c) => isSchema(c) && c.type !== 'null') ?? choices[0];
    return walk(run, pick, name, depth);
  }
  const type = Array.isArray(s.type) ? (s.type.find((t) => t !== 'null') ?? 'null') : (s.type ?? (s.properties ? 'object' : undefined));
  switch (type) {
    case 'object':
      return object(run, s, depth);
    case 'array':
      return array(run, s, name, depth);
    case 'string':
      return string(s, name);
    case 'integer':
      return integer(s, name, run.nextId);
    case 'number':
      return typeof s.minimum === 'number' ? s.minimum : 1.5;
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      return Array.isArray(s.type) ? null : {};
  }
}

function object(run: Sampling, s: Schema, depth: number): Record<string, unknown> {
  const props = isPlainObject(s.properties) ? (s.properties as Record<string, unknown>) : {};
  const required = Array.isArray(s.required) ? (s.required as string[]) : Object.keys(props);
  const out: Record<string, unknown> = {};
  for (const key of required) {
    if (depth > 8 && !(key in props)) continue;
    out[key] = key in props ? walk(run, props[key], key, depth + 1) : null;
  }
  return out;
}

function array(run: Sampling, s: Schema, name: string, depth: number): unknown[] {
  const n = Math.max(1, Number(s.minItems ?? 1));
  if (depth > 8 || s.maxItems === 0) return [];
  return Array.from({ length: n }, () => walk(run, s.items, singular(name), depth + 1));
}

function string(s: Schema, name: string): string {
  const min = Number(s.minLength ?? 0);
  const pad = (v: string) => (v.length >= min ? v : v.padEnd(min, 'x'));
  switch (s.format) {
    case 'date-time':
      return NOW;
    case 'date':
      return NOW.slice(0, 10);
    case 'email':
    case 'idn-email':
      return 'octocat@github.com';
    case 'uuid':
      return '2b2f1f4e-6f7c-4d4a-9d39-5c3f0f6a7b21';
    case 'uri':
    case 'url':
    case 'uri-reference':
      return url(name);
    case 'uri-template':
      return `${url(name)}{/id}`;
    case 'hostname':
      return 'github.com';
    case 'ipv4':
      return '192.0.2.10';
    default:
      return pad(byName(name) ?? (name ? `example ${name.replace(/_/g, ' ')}` : 'example'));
  }
}

function byName(name: string): string | undefined {
  if (name === 'login' || name === 'user' || name === 'actor' || name === 'author') return 'octocat';
  if (name === 'node_id') return 'MDEwOlJlcG9zaXRvcnkxMjk2MjY5';
  if (name === 'sha' || name.endsWith('_sha') || name === 'before' || name === 'after' || name === 'head' || name === 'base') return '6dcb09b5b57875f334f61aebed695e2e4193db5e';
  if (name === 'full_name') return `${OWNER}/${REPO}`;
  if (name === 'name') return REPO;
  if (name === 'ref') return 'refs/heads/main';
  if (name.endsWith('branch') || name === 'target_commitish') return 'main';
  if (name === 'title') return 'Update the README';
  if (name === 'body' || name === 'description' || name === 'message') return 'This is a sample description.';
  if (name === 'email') return 'octocat@github.com';
  if (name.endsWith('_at') || name === 'timestamp' || name === 'date') return NOW;
  if (name.endsWith('url')) return url(name);
  if (name === 'color') return 'f29513';
  if (name === 'language') return 'TypeScript';
  if (name === 'path' || name === 'filename') return 'README.md';
  if (name === 'type') return 'User';
  return undefined;
}

function url(name: string): string {
  if (name === 'html_url') return `https://github.com/${OWNER}/${REPO}`;
  if (name === 'avatar_url') return 'https://avatars.githubusercontent.com/u/1?v=4';
  const part = name.replace(/_url$/, '').replace(/_/g, '-');
  return `https://api.github.com/repos/${OWNER}/${REPO}${part && part !== 'url' ? `/${part}` : ''}`;
}

function integer(s: Schema, name: string, nextId: () => number): number {
  if (typeof s.minimum === 'number' && s.minimum > 1) return s.minimum;
  if (name === 'id' || name.endsWith('_id')) return nextId();
  if (name === 'number') return 42;
  return typeof s.minimum === 'number' ? Math.max(s.minimum, 1) : 1;
}

function singular(name: string): string {
  return name.endsWith('s') ? name.slice(0, -1) : name;
}

/** Whether an example value has the schema's declared type (no type declared: anything fits). */
function fits(v: unknown, type: unknown): boolean {
  if (type === undefined) return true;
  const kind = Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v === 'object' ? 'object' : typeof v;
  const types = Array.isArray(type) ? type : [type];
  return types.includes(kind) || (kind === 'integer' && types.includes('number'));
}

function allowsNull(s: Schema): boolean {
  if (s.type === 'null' || (Array.isArray(s.type) && s.type.includes('null')) || s.nullable === true) return true;
  const choices = (s.oneOf ?? s.anyOf) as unknown[] | undefined;
  return Array.isArray(choices) && choices.some((c) => isSchema(c) && allowsNull(c));
}

function isSchema(v: unknown): v is Schema {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
