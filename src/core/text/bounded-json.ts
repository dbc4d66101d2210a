/**
 * JSON that hookctl may walk. Parsing itself is safe at any depth (V8's JSON.parse does not
 * recurse on the stack), but everything done with the value afterwards does: JSON.stringify
 * overflows the stack near 5,000 levels, and so does every recursive walk (sorting keys, edits,
 * pretty-printing, the diagnosis's re-serializations). A body nested deeper than MAX_JSON_DEPTH is
 * therefore never parsed for walking: callers skip that step and say so. Real payloads nest a few
 * dozen levels at most; 200 leaves room for schema-generated fixtures while staying far from the stack.
 */
export const MAX_JSON_DEPTH = 200;

/** What a step says when it skipped a body for its depth. */
export function tooDeepText(what = 'the body'): string {
  return `${what} nests deeper than ${MAX_JSON_DEPTH} levels`;
}

/**
 * Whether JSON text nests deeper than `limit`, counting brackets outside strings. Linear, no
 * recursion, stops at the first bracket past the limit; invalid JSON is counted the same way.
 */
export function nestsDeeperThan(text: string, limit = MAX_JSON_DEPTH): boolean {
  // Fast path: fewer opening brackets than the limit cannot nest past it.
  let opens = 0;
  for (let i = text.indexOf('['); i !== -1 && opens <= limit; i = text.indexOf('[', i + 1)) opens++;
  for (let i = text.indexOf('{'); i !== -1 && opens <= limit; i = text.indexOf('{', i + 1)) opens++;
  if (opens <= limit) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

export type BoundedParse = { ok: true; value: unknown } | { ok: false; tooDeep: boolean };

/** JSON.parse, refusing text nested deeper than MAX_JSON_DEPTH (`tooDeep`) as well as invalid JSON. */
export function parseBoundedJson(text: string): BoundedParse {
  if (nestsDeeperThan(text)) return { ok: false, tooDeep: true };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, tooDeep: false };
  }
}
