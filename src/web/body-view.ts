import { el } from './dom.js';

/** Bytes from the API's base64, exactly as captured. */
export function bytesOf(base64: string): Uint8Array {
  const bin = atob(base64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** A classic hex dump: offset, 16 bytes in hex, the printable ASCII beside them. */
export function hexDump(bytes: Uint8Array, max = 64 * 1024): string {
  const lines: string[] = [];
  const end = Math.min(bytes.length, max);
  for (let off = 0; off < end; off += 16) {
    const row = bytes.subarray(off, Math.min(off + 16, end));
    const hex = Array.from(row, (b) => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = Array.from(row, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    lines.push(`${off.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  ${ascii}`);
  }
  if (end < bytes.length) lines.push(`… ${bytes.length - end} more bytes (download the raw request for all of them)`);
  return lines.join('\n');
}

/** Nesting below which objects start folded, so a large payload opens readable. */
const OPEN_DEPTH = 2;

/** Collapsible JSON: each object and array is a <details>, keys and values are text nodes. */
export function jsonTree(value: unknown, key?: string, depth = 0): HTMLElement {
  const label = key === undefined ? null : el('span', { class: 'j-key' }, JSON.stringify(key), ': ');
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value as Record<string, unknown>);
    const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
    const summary = el('summary', {}, label, `${open} `, el('span', { class: 'j-count' }, `${entries.length} ${Array.isArray(value) ? 'items' : 'keys'}`), entries.length ? '' : ` ${close}`);
    const box = el('details', { class: 'j-node', open: depth < OPEN_DEPTH }, summary);
    for (const [k, v] of entries) box.appendChild(jsonTree(v, Array.isArray(value) ? undefined : k, depth + 1));
    if (entries.length) box.appendChild(el('div', { class: 'j-close' }, close));
    return box;
  }
  const kind = value === null ? 'null' : typeof value;
  return el('div', { class: 'j-leaf' }, label, el('span', { class: `j-${kind}` }, JSON.stringify(value)));
}

/** The body parsed as JSON, or undefined when it is not JSON or too deep to walk (the server says so). */
export function parseJson(body: { text: string | null; tooDeep: boolean }): { value: unknown } | undefined {
  const { text } = body;
  if (text === null || body.tooDeep || !/^\s*[[{"\d\-tfn]/.test(text)) return undefined;
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}
