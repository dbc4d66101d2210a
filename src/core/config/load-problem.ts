import { readFileSync } from 'node:fs';
import { extname } from 'node:path';

/** How a config file that failed to load is described: one line, naming places, never quoting the file (it holds secrets). */

/** What a module threw, in words, whatever it was (`throw "text"`, `throw null`, an Error). */
export function thrownText(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  if (typeof err === 'string') return err;
  return `it threw ${err === null ? 'null' : typeof err === 'object' ? 'a non-Error object' : String(err)}`;
}

export type LoadError = Error & { code?: string; filepath?: string; reason?: string; mark?: { line: number; column: number } };

/** One line: cosmiconfig's messages span several, with code frames (twice, for JSON). */
export function loadProblem(e: LoadError, file: string): string {
  const at = (line: number, column?: number) => ` at line ${line}${column === undefined ? '' : `, column ${column}`}`;
  // A config holds secrets: messages name a place, never quote the text (a snippet could be half a secret).
  if (e.name === 'JSONError') return `is not valid JSON${jsonReason(file) ?? ''}`;
  if (e.name === 'YAMLException') {
    // A file with no extension is read as YAML, which is what JSON written there fails as.
    return `is not valid ${extname(file) ? 'YAML' : 'YAML (or JSON)'}: ${e.reason}${e.mark ? at(e.mark.line + 1, e.mark.column + 1) : ''}`;
  }
  // Node reports where a CommonJS syntax error is only in the stack's first line, "<file>:<line>".
  const line = e.name === 'SyntaxError' ? /^[^\n]+:(\d+)\n/.exec(e.stack ?? '')?.[1] : undefined;
  return `failed to load: ${unquoted(firstLine(String(e.message ?? e)))}${line ? at(Number(line)) : ''}`;
}

/** `: <reason> at line L, column C` from JSON.parse, with no quoted text: the token and snippet it quotes may be part of a secret. */
export function jsonReason(file: string): string | undefined {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
    JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    const at = (pos: number) => {
      const lines = text.slice(0, pos).split('\n');
      return ` at line ${lines.length}, column ${(lines.at(-1) ?? '').length + 1}`;
    };
    const position = /at position (\d+)/.exec(message)?.[1];
    if (position !== undefined) return `: ${message.replace(/(?: in JSON)? at position[\s\S]*$/, '')}${at(Number(position))}`;
    // "Unexpected token 'w', ..."stripe": whsec_Supe"... is not valid JSON": no position, only the
    // token and a snippet. The snippet locates it: V8 cuts it 10 characters before the token.
    const m = /^Unexpected token '([\s\S])', (\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON$/.exec(message);
    if (!m) return `: ${unquoted(firstLine(message))}`;
    const [, token, cut, snippet] = m as unknown as [string, string, string | undefined, string];
    const start = text.indexOf(snippet);
    const pos = cut ? start + 10 : text.indexOf(token) === text.lastIndexOf(token) ? text.indexOf(token) : -1;
    return `: Unexpected token${start >= 0 && pos >= 0 ? at(pos) : ''}`;
  }
  return undefined;
}

/** A message with its quoted parts (tokens, snippets of the file) left out. */
export function unquoted(message: string): string {
  return message.replace(/(["'`])(?:(?!\1)[^\n])*\1/g, '…');
}

export const firstLine = (s: string) => s.split('\n')[0] ?? s;
