import { age, clear, el, size } from './dom.js';
import type { Summary } from './types.js';

/** Every row has this height (CSS agrees: .row), so the list can place rows without measuring them. */
export const ROW_HEIGHT = 52;
/** Rows rendered above and below the visible ones, so fast scrolling does not show gaps. */
const OVERSCAN = 8;

/**
 * A virtualized listbox: only the rows in view exist in the DOM, placed absolutely in a spacer as
 * tall as all of them, so 10,000 captures scroll as smoothly as 10.
 */
export class CaptureList {
  private items: Summary[] = [];
  private selected = -1;
  private readonly spacer: HTMLElement;

  constructor(
    private readonly box: HTMLElement,
    private readonly onOpen: (s: Summary) => void,
  ) {
    this.spacer = el('div', { class: 'spacer' });
    box.appendChild(this.spacer);
    box.addEventListener('scroll', () => this.render());
    box.addEventListener('keydown', (e) => this.key(e));
    box.addEventListener('click', (e) => {
      const row = (e.target as HTMLElement).closest<HTMLElement>('.row');
      if (!row) return;
      this.select(Number(row.dataset.index));
      const s = this.items[this.selected];
      if (s) this.onOpen(s);
    });
    new ResizeObserver(() => this.render()).observe(box);
  }

  /** New contents (filtered and sorted by the caller); the selection follows its capture. */
  set(items: Summary[]): void {
    const current = this.items[this.selected]?.id;
    this.items = items;
    this.selected = current === undefined ? -1 : items.findIndex((s) => s.id === current);
    this.spacer.style.height = `${items.length * ROW_HEIGHT}px`;
    this.render();
  }

  get current(): Summary | undefined {
    return this.items[this.selected];
  }

  focus(): void {
    this.box.focus();
  }

  select(index: number): void {
    if (this.items.length === 0) return;
    this.selected = Math.max(0, Math.min(this.items.length - 1, index));
    const top = this.selected * ROW_HEIGHT;
    if (top < this.box.scrollTop) this.box.scrollTop = top;
    else if (top + ROW_HEIGHT > this.box.scrollTop + this.box.clientHeight) this.box.scrollTop = top + ROW_HEIGHT - this.box.clientHeight;
    this.render();
  }

  private key(e: KeyboardEvent): void {
    const page = Math.max(1, Math.floor(this.box.clientHeight / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, j: 1, k: -1, PageDown: page, PageUp: -page };
    if (e.key in moves) this.select(this.selected + (moves[e.key] as number));
    else if (e.key === 'Home') this.select(0);
    else if (e.key === 'End') this.select(this.items.length - 1);
    else if (e.key === 'Enter' || e.key === ' ') {
      const s = this.current;
      if (s) this.onOpen(s);
    } else return;
    e.preventDefault();
  }

  render(): void {
    const now = Date.now();
    const first = Math.max(0, Math.floor(this.box.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(this.items.length, Math.ceil((this.box.scrollTop + this.box.clientHeight) / ROW_HEIGHT) + OVERSCAN);
    clear(this.spacer);
    for (let i = first; i < last; i++) this.spacer.appendChild(this.row(this.items[i] as Summary, i, now));
    const active = this.current;
    if (active && this.selected >= first && this.selected < last) this.box.setAttribute('aria-activedescendant', `row-${active.id}`);
    else this.box.removeAttribute('aria-activedescendant');
  }

  private row(s: Summary, i: number, now: number): HTMLElement {
    const mark = verifyMark(s);
    const row = el(
      'div',
      {
        class: `row${i === this.selected ? ' selected' : ''}`,
        role: 'option',
        id: `row-${s.id}`,
        'aria-selected': i === this.selected ? 'true' : 'false',
        'aria-setsize': String(this.items.length),
        'aria-posinset': String(i + 1),
        'data-id': s.id,
        'data-index': String(i),
      },
      el(
        'div',
        { class: 'line1' },
        el('span', { class: 'verify' }, mark),
        el('span', { class: 'event' }, s.event ?? s.provider ?? '(unknown)'),
        s.duplicateOf ? el('span', { class: 'dup', title: `duplicate of ${s.duplicateOf}` }, 'dup') : null,
        el('span', { class: 'status' }, s.status === null ? '' : String(s.status)),
      ),
      el(
        'div',
        { class: 'line2 muted' },
        el('span', { class: 'provider' }, s.provider ?? '-'),
        el('span', { class: 'path' }, `${s.method} ${s.path}`),
        el('span', { class: 'size' }, size(s.bytes)),
        el('span', { class: 'age', title: s.receivedAt }, age(s.receivedAt, now)),
      ),
    );
    row.style.top = `${i * ROW_HEIGHT}px`;
    return row;
  }
}

/** The row's verdict: the signature's, or for a check the provider sends unsigned, the handshake's. */
function verifyMark(s: Summary): HTMLElement {
  const v = s.verification;
  const h = s.handshake;
  if (h?.unsigned && v && !v.ok && v.reason === 'missing-signature') return el('span', { class: h.ok ? 'ok' : 'bad' }, h.ok ? '⇄ handshake' : '⇄ handshake ✘');
  if (!v) return el('span', { class: 'muted' }, 'not verified');
  const text = v.ok ? '✔ valid' : `✘ ${v.reason ?? 'invalid'}`;
  return el('span', { class: v.ok && h?.ok !== false ? 'ok' : 'bad' }, h ? `${text} ⇄` : text);
}
