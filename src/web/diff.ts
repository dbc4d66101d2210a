import { el } from './dom.js';
import { parseJson } from './body-view.js';
import type { Detail } from './types.js';

type Op = { kind: ' ' | '-' | '+'; line: string };

/** Lines beyond which the diff gives up (an LCS table is lines², and this runs in the page). */
const MAX_LINES = 3000;

/** A line diff by longest common subsequence: what was removed from `a`, added in `b`. */
export function diffLines(a: string[], b: string[]): Op[] | undefined {
  if (a.length > MAX_LINES || b.length > MAX_LINES) return undefined;
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const row = lcs[i] as Uint16Array;
      row[j] = a[i] === b[j] ? ((lcs[i + 1] as Uint16Array)[j + 1] ?? 0) + 1 : Math.max((lcs[i + 1] as Uint16Array)[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      ops.push({ kind: ' ', line: a[i++] as string });
      j++;
    } else if (((lcs[i + 1] as Uint16Array)[j] ?? 0) >= ((lcs[i] as Uint16Array)[j + 1] ?? 0)) ops.push({ kind: '-', line: a[i++] as string });
    else ops.push({ kind: '+', line: b[j++] as string });
  }
  while (i < n) ops.push({ kind: '-', line: a[i++] as string });
  while (j < m) ops.push({ kind: '+', line: b[j++] as string });
  return ops;
}

function bodyLines(d: Detail): string[] {
  const parsed = parseJson(d.body);
  if (parsed) return JSON.stringify(parsed.value, null, 2).split('\n');
  return (d.body.text ?? `(binary, ${d.body.bytes} bytes, sha256 ${d.body.sha256})`).split('\n');
}

function block(title: string, a: string[], b: string[]): HTMLElement {
  const ops = diffLines(a, b);
  const section = el('section', { class: 'diff-block' }, el('h4', {}, title));
  if (!ops) {
    section.appendChild(el('p', {}, 'too large to compare here'));
    return section;
  }
  const changed = ops.filter((o) => o.kind !== ' ').length;
  section.appendChild(el('p', { class: 'muted' }, changed ? `${changed} changed lines` : 'identical'));
  const pre = el('pre', { class: 'diff' });
  for (const o of ops) pre.appendChild(el('span', { class: o.kind === '+' ? 'add' : o.kind === '-' ? 'del' : 'same' }, `${o.kind} ${o.line}\n`));
  section.appendChild(pre);
  return section;
}

/** Headers (in order, duplicates kept) and body (pretty when both are JSON) of two captures. */
export function diffView(a: Detail, b: Detail): HTMLElement {
  const headerLines = (d: Detail) => [d.requestLine, ...d.headers.map(([k, v]) => `${k}: ${v}`)];
  return el(
    'div',
    { class: 'diff-view' },
    el('p', {}, `− ${a.summary.id}   + ${b.summary.id}`),
    block('Request line and headers', headerLines(a), headerLines(b)),
    block('Body', bodyLines(a), bodyLines(b)),
  );
}
