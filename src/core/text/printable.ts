/**
 * Untrusted text (request paths, header values, bodies, file contents quoted in errors) made safe
 * to write to a terminal: control characters and bidi overrides are shown as visible escapes so
 * they can neither drive the terminal (colours, titles, clearing the screen) nor forge lines or
 * reorder what is displayed. Ordinary Unicode (é, ✔, emoji) is kept as is.
 */

// C0 controls, DEL, C1 controls, and the bidi embeddings, overrides and isolates.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// The same, but keeping line feeds and tabs: for blocks whose lines are printed as lines.
const UNSAFE_IN_BLOCK = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeChar(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const code = ch.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One terminal line: every control character (newlines and tabs too) escaped, e.g. `\x1b`, `\n`, `\u202e`. */
export function printable(text: string): string {
  return String(text).replace(UNSAFE, escapeChar);
}

/** A block of lines: line feeds and tabs kept, every other control character escaped (`\r` too). */
export function printableLines(text: string): string {
  return String(text).replace(UNSAFE_IN_BLOCK, escapeChar);
}
