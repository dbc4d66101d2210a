import type { Headers } from './types.js';

/** Case-insensitive header lookup; Node-style duplicate values are joined with ", ". */
export function headerValue(headers: Headers, name: string, aliases: Record<string, string>[] = []): string | undefined {
  const direct = lookup(headers, name);
  if (direct !== undefined) return direct;
  for (const alias of aliases) {
    const key = name.toLowerCase();
    const other = Object.hasOwn(alias, key) ? alias[key] : undefined;
    if (other) {
      const v = lookup(headers, other);
      if (v !== undefined) return v;
    }
  }
  return undefined;
}

function lookup(headers: Headers, name: string): string | undefined {
  const wanted = name.toLowerCase();
  // Node's parsed headers have lowercase names: one property read finds them (listen looks up several per request).
  if (Object.hasOwn(headers, wanted)) {
    const v = headers[wanted];
    if (v !== undefined) return Array.isArray(v) ? v.join(', ') : v;
  }
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() !== wanted) continue;
    const v = headers[key];
    if (v === undefined) continue;
    return Array.isArray(v) ? v.join(', ') : v;
  }
  return undefined;
}
