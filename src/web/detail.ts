import { apiUrl, getCurl, getDetail, replay } from './api.js';
import { bytesOf, hexDump, jsonTree, parseJson } from './body-view.js';
import { diffView } from './diff.js';
import { clear, el, size } from './dom.js';
import type { Detail, Handshake, ReplayAnswer } from './types.js';

export interface DetailOptions {
  /** The capture to compare with by default: the one viewed before. */
  previous?: string;
  /** Where replays go unless the user types another target (kept across captures). */
  target: { value: string };
}

function section(title: string, ...children: (Node | null)[]): HTMLElement {
  const id = `h-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return el('section', { 'aria-labelledby': id }, el('h3', { id }, title), ...children);
}

function headerTable(headers: [string, string][]): HTMLElement {
  const body = el('tbody');
  for (const [name, value] of headers) body.appendChild(el('tr', {}, el('th', { scope: 'row' }, name), el('td', {}, value)));
  return el('table', { class: 'headers' }, el('caption', { class: 'sr-only' }, 'Headers in arrival order'), body);
}

function bodyView(d: Detail): HTMLElement {
  const parsed = parseJson(d.body);
  const raw = el('pre', { class: 'raw', tabindex: '0', 'aria-label': 'Raw body' }, d.body.text ?? hexDump(bytesOf(d.body.base64)));
  const meta = el(
    'p',
    { class: 'muted' },
    `${size(d.body.bytes)}${d.body.contentType ? `, ${d.body.contentType}` : ''}${d.body.text === null ? ', binary (hex)' : ''}${d.body.tooDeep ? ', nested too deep for the tree view (shown as text)' : ''}; sha256 ${d.body.sha256}`,
  );
  if (!parsed) return el('div', {}, meta, raw);
  const pretty = el('div', { class: 'json' }, jsonTree(parsed.value));
  raw.hidden = true;
  const toggle = el('button', { type: 'button', 'aria-pressed': 'false' }, 'Show raw bytes');
  toggle.addEventListener('click', () => {
    raw.hidden = !raw.hidden;
    pretty.hidden = !raw.hidden;
    toggle.setAttribute('aria-pressed', String(!raw.hidden));
    toggle.textContent = raw.hidden ? 'Show raw bytes' : 'Show pretty JSON';
  });
  return el('div', {}, meta, toggle, pretty, raw);
}

function answerView(a: ReplayAnswer): HTMLElement {
  const head = a.error
    ? el('p', { class: 'bad', role: 'status' }, `no answer from ${a.url}: ${a.error}`)
    : el('p', { class: (a.status ?? 0) < 300 ? 'ok' : 'bad', role: 'status' }, `${a.status} from ${a.url} in ${a.ms} ms${a.resigned ? ' (re-signed)' : ' (exact)'}`);
  return el(
    'div',
    { class: 'answer' },
    head,
    a.hint ? el('p', { class: 'muted' }, `hint: ${a.hint}`) : null,
    a.headers ? headerTable(a.headers) : null,
    a.body ? el('pre', { class: 'raw' }, a.body.text ?? `(${a.body.bytes} bytes of binary)`) : null,
  );
}

function actions(d: Detail, o: DetailOptions): HTMLElement {
  const id = d.summary.id;
  const out = el('div', { class: 'action-out', 'aria-live': 'polite' });
  return el(
    'div',
    { class: 'actions' },
    replayForm(id, o, out),
    el(
      'div',
      { class: 'buttons' },
      curlButton(id, out),
      el('a', { href: apiUrl(`captures/${id}/raw`), download: `${id}.http` }, 'Download raw'),
      el('a', { href: apiUrl(`captures/${id}/har`), download: `${id}.har` }, 'Download HAR'),
    ),
    diffForm(d, o, out),
    out,
  );
}

/** Replays capture `id` to the target typed (remembered in `o.target`); the answer goes to `out`. */
function replayForm(id: string, o: DetailOptions, out: HTMLElement): HTMLElement {
  const to = el('input', { id: 'replay-to', type: 'text', placeholder: 'localhost:3000/webhooks', value: o.target.value, autocomplete: 'off' });
  const resign = el('input', { id: 'replay-resign', type: 'checkbox' });
  const go = el('button', { type: 'submit', id: 'replay-go' }, 'Replay');
  const form = el(
    'form',
    { class: 'replay', 'aria-label': 'Replay' },
    el('label', { for: 'replay-to' }, 'Replay to'),
    to,
    el('label', { class: 'check' }, resign, ' re-sign (fresh timestamp and id)'),
    go,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    o.target.value = to.value;
    go.disabled = true;
    clear(out);
    out.appendChild(el('p', { class: 'muted' }, 'replaying…'));
    replay(id, to.value, resign.checked)
      .then((a) => {
        clear(out);
        out.appendChild(answerView(a));
      })
      .catch((err: Error) => {
        clear(out);
        out.appendChild(el('p', { class: 'bad', role: 'alert' }, err.message));
      })
      .finally(() => {
        go.disabled = false;
      });
  });
  return form;
}

/** Shows capture `id` as a curl command in `out` and copies it to the clipboard where it can. */
function curlButton(id: string, out: HTMLElement): HTMLElement {
  const curl = el('button', { type: 'button' }, 'Copy as curl');
  curl.addEventListener('click', () => {
    getCurl(id)
      .then(async (text) => {
        clear(out);
        const box = el('textarea', { readonly: true, rows: '6', 'aria-label': 'curl command' }, text);
        out.appendChild(box);
        try {
          await navigator.clipboard.writeText(text);
          out.appendChild(el('p', { class: 'ok' }, 'copied to the clipboard'));
        } catch {
          box.select();
          out.appendChild(el('p', { class: 'muted' }, 'select and copy it (the clipboard is not available here)'));
        }
      })
      .catch((err: Error) => out.appendChild(el('p', { class: 'bad' }, err.message)));
  });
  return curl;
}

/** Compares `d` with the capture typed (by default its original, else the one viewed before); the diff goes to `out`. */
function diffForm(d: Detail, o: DetailOptions, out: HTMLElement): HTMLElement {
  const other = el('input', { id: 'diff-with', type: 'text', value: d.summary.duplicateOf ?? o.previous ?? '', placeholder: 'capture id', autocomplete: 'off' });
  const form = el('form', { class: 'diff-form', 'aria-label': 'Compare' }, el('label', { for: 'diff-with' }, 'Compare with'), other, el('button', { type: 'submit' }, 'Diff'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    getDetail(other.value.trim())
      .then((base) => {
        clear(out);
        out.appendChild(diffView(base, d));
      })
      .catch((err: Error) => {
        clear(out);
        out.appendChild(el('p', { class: 'bad', role: 'alert' }, err.message));
      });
  });
  return form;
}

/** The whole capture: request, verification as `verify` says it, forward and timings, actions, headers, body. */
export function renderDetail(box: HTMLElement, d: Detail, o: DetailOptions): void {
  clear(box);
  const c = d.check.json;
  const f = d.forward;
  box.append(
    el('h2', { id: 'detail-title', tabindex: '-1' }, d.requestLine),
    el(
      'p',
      { class: 'muted' },
      `${d.summary.id} · received ${d.summary.receivedAt}${d.remoteAddress ? ` from ${d.remoteAddress}` : ''}${d.deliveryId ? ` · delivery ${d.deliveryId}` : ''}${d.summary.duplicateOf ? ` · duplicate of ${d.summary.duplicateOf}` : ''}`,
    ),
    section(
      'Verification',
      el('p', { class: c.ok ? 'ok verdict' : 'bad verdict' }, c.ok ? '✔ valid' : `✘ invalid: ${String(c.reason)}`),
      el('pre', { class: 'verify-text', 'aria-label': 'hookctl verify output' }, d.check.text),
    ),
    ...(d.handshake ? [handshakeSection(d.handshake)] : []),
    section(
      'Answer and forward',
      el('p', {}, d.response ? `answered ${d.response.status}` : 'no answer recorded'),
      f ? el('p', {}, `forwarded to ${f.url}: ${f.error ?? f.status ?? '?'}${f.ms !== undefined ? ` in ${Math.round(f.ms)} ms` : ''}`) : el('p', { class: 'muted' }, 'not forwarded'),
    ),
    section('Actions', actions(d, o)),
    section(`Headers (${d.headers.length})`, headerTable(d.headers)),
    section('Body', bodyView(d)),
  );
}

/** A captured handshake: who answered, the provider's verdict, and what the provider read of the answer (as text, never markup). */
function handshakeSection(h: Handshake): HTMLElement {
  const a = h.answer;
  const lines = [
    `status ${a.status}`,
    ...(a.contentType ? [`content-type ${a.contentType}`] : []),
    ...(a.header ? [`${a.header[0]}: ${masked(a.header[1])}`] : []),
    a.body === '' ? '(no body)' : a.body + (a.truncated ? ' …' : ''),
  ];
  return section(
    'Handshake',
    el('p', { class: h.ok ? 'ok verdict' : 'bad verdict' }, `${h.ok ? '✔' : '✘'} ${h.name}, answered by ${h.by === 'listen' ? 'hookctl listen' : 'your app'}: ${h.message}`),
    ...(h.unsigned ? [el('p', { class: 'muted' }, 'The provider sends this check unsigned; it signs the events that follow.')] : []),
    el('pre', { class: 'verify-text', 'aria-label': 'handshake answer' }, lines.join('\n')),
  );
}

/** An echoed header's value, masked: Asana's X-Hook-Secret is the key every later event is signed with. */
function masked(value: string): string {
  return value.length <= 8 ? '***' : `${value.slice(0, 4)}…${value.slice(-2)} (${value.length} chars)`;
}
