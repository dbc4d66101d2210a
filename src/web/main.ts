import { apiUrl, getDetail, listCaptures, search, token } from './api.js';
import { renderDetail } from './detail.js';
import { byId, clear, el } from './dom.js';
import { CaptureList } from './list.js';
import type { Summary } from './types.js';

const all = new Map<string, Summary>();
let matches: Set<string> | undefined;
let previous: string | undefined;
let openId: string | undefined;
const target = { value: '' };

const listBox = byId('list');
const detailBox = byId('detail');
const main = byId('main');
const status = byId('status');
const f = {
  q: byId<HTMLInputElement>('f-q'),
  provider: byId<HTMLSelectElement>('f-provider'),
  event: byId<HTMLSelectElement>('f-event'),
  verify: byId<HTMLSelectElement>('f-verify'),
  status: byId<HTMLSelectElement>('f-status'),
};

const list = new CaptureList(listBox, (s) => void open(s.id));

function passes(s: Summary): boolean {
  if (f.provider.value && s.provider !== f.provider.value) return false;
  if (f.event.value && s.event !== f.event.value) return false;
  const v = f.verify.value;
  if (v === 'valid' && s.verification?.ok !== true) return false;
  if (v === 'invalid' && s.verification?.ok !== false) return false;
  if (v === 'none' && s.verification !== null) return false;
  if (f.status.value && String(s.status ?? '-')[0] !== f.status.value) return false;
  return !matches || matches.has(s.id);
}

/** Keeps a filter's options in step with the captures (values are text, set through the DOM). */
function options(select: HTMLSelectElement, values: Iterable<string>): void {
  const want = [...new Set(values)].sort();
  const have = [...select.options].slice(1).map((o) => o.value);
  if (want.join('\n') === have.join('\n')) return;
  const chosen = select.value;
  while (select.options.length > 1) select.remove(1);
  for (const v of want) select.add(new Option(v, v));
  select.value = want.includes(chosen) ? chosen : '';
}

function refresh(): void {
  const items = [...all.values()].sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  options(
    f.provider,
    items.flatMap((s) => s.provider ?? []),
  );
  options(
    f.event,
    items.flatMap((s) => s.event ?? []),
  );
  const shown = items.filter(passes);
  list.set(shown);
  status.textContent = `${all.size} captures${shown.length === all.size ? '' : `, ${shown.length} shown`}`;
  if (!list.current && shown.length && document.activeElement === listBox) list.select(0);
}

let searchTimer: ReturnType<typeof setTimeout> | undefined;
function runSearch(): void {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(() => {
    const q = f.q.value.trim();
    if (!q) {
      matches = undefined;
      refresh();
      return;
    }
    search(q)
      .then((ids) => {
        if (f.q.value.trim() === q) {
          matches = ids;
          refresh();
        }
      })
      .catch(showError);
  }, 150);
}

async function open(id: string): Promise<void> {
  if (openId && openId !== id) previous = openId;
  openId = id;
  main.classList.add('showing-detail');
  detailBox.hidden = false;
  clear(detailBox);
  detailBox.appendChild(el('p', { class: 'muted' }, 'loading…'));
  try {
    const d = await getDetail(id);
    if (openId !== id) return;
    renderDetail(detailBox, d, { previous, target });
    detailBox.prepend(backButton());
    byId('detail-title').focus();
  } catch (err) {
    showError(err as Error);
  }
}

function backButton(): HTMLElement {
  const b = el('button', { type: 'button', class: 'back', 'aria-label': 'Back to the list (Escape)' }, '← list');
  b.addEventListener('click', back);
  return b;
}

function back(): void {
  openId = undefined;
  main.classList.remove('showing-detail');
  detailBox.hidden = true;
  list.focus();
}

function showError(err: Error): void {
  status.textContent = `error: ${err.message}`;
}

function live(): void {
  const source = new EventSource(apiUrl('events'));
  source.addEventListener('captures', (e) => {
    for (const s of JSON.parse((e as MessageEvent<string>).data) as Summary[]) all.set(s.id, s);
    if (f.q.value.trim()) runSearch();
    refresh();
  });
  source.addEventListener('reset', () => {
    all.clear();
    void load();
  });
  source.addEventListener('open', () => {
    byId('live').textContent = '● live';
    void load();
  });
  source.addEventListener('error', () => {
    byId('live').textContent = '○ reconnecting';
  });
}

async function load(): Promise<void> {
  const { captures, store } = await listCaptures();
  for (const s of captures) all.set(s.id, s);
  byId('store').textContent = store ?? 'not stored (--no-store)';
  refresh();
}

document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && openId) {
    e.preventDefault();
    back();
  } else if (e.key === '/' && !['INPUT', 'TEXTAREA', 'SELECT'].includes(document.activeElement?.tagName ?? '')) {
    e.preventDefault();
    f.q.focus();
  }
});
f.q.addEventListener('input', runSearch);
for (const s of [f.provider, f.event, f.verify, f.status]) s.addEventListener('change', refresh);
setInterval(() => list.render(), 10_000); // ages

if (!token) status.textContent = 'no token in the URL: open the URL hookctl printed';
else live();
