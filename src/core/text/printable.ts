/**
 * Untrusted text (request paths, header values, bodies, file contents quoted in errors) made safe
 * to write to a terminal: control characters and bidi overrides are shown as visible escapes so
 * they can neither drive the terminal (colours, titles, clearing the screen) nor forge lines or
 * reorder what is displayed. Ordinary Unicode (é, ✔, emoji) is kept as is.
 */

// C0 controls, DEL, C1 controls, the bidi embeddings, overrides and isolates, and the invisible
// format characters: soft hyphen, Arabic letter mark, zero-width space/joiners, LRM/RLM, line and
// paragraph separators, word joiner and invisible operators, BOM, interlinear annotations, tags.
// Invisible, they make `job.com\u200bpleted` look like `job.completed`: in one-line fields (names,
// paths, header values) they are shown escaped. Bodies keep them (emoji sequences use ZWJ).
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\u{e0000}-\u{e007f}]/gu;
// The same, but keeping line feeds and tabs: for blocks whose lines are printed as lines.
const UNSAFE_IN_BLOCK = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeChar(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const code = ch.codePointAt(0) as number;
  if (code < 0x100) return `\\x${code.toString(16).padStart(2, '0')}`;
  return code < 0x10000 ? `\\u${code.toString(16).padStart(4, '0')}` : `\\u{${code.toString(16)}}`;
}

/** One terminal line: every control character (newlines and tabs too) escaped, e.g. `\x1b`, `\n`, `\u202e`. */
export function printable(text: string): string {
  return String(text).replace(UNSAFE, escapeChar);
}

/** A block of lines: line feeds and tabs kept, every other control character escaped (`\r` too). */
export function printableLines(text: string): string {
  return String(text).replace(UNSAFE_IN_BLOCK, escapeChar);
}
