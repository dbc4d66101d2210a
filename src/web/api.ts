import type { Detail, ReplayAnswer, Summary } from './types.js';

/** The per-run token from the URL hookctl printed: every API call carries it. */
export const token = new URLSearchParams(location.search).get('token') ?? '';

export function apiUrl(path: string, params: Record<string, string> = {}): string {
  const q = new URLSearchParams({ ...params, token });
  return `api/${path}?${q}`;
}

async function json<T>(res: Response): Promise<T> {
  const body = (await res.json()) as T & { error?: string };
  if (!res.ok) throw new Error(body.error ?? `HTTP ${res.status}`);
  return body;
}

const headers = { 'x-hookctl-token': token };

export async function listCaptures(): Promise<{ captures: Summary[]; store: string | null; version: string }> {
  return json(await fetch(apiUrl('captures'), { headers }));
}

export async function search(q: string): Promise<Set<string>> {
  const { ids } = await json<{ ids: string[] }>(await fetch(apiUrl('search', { q }), { headers }));
  return new Set(ids);
}

export async function getDetail(id: string): Promise<Detail> {
  return json(await fetch(apiUrl(`captures/${encodeURIComponent(id)}`), { headers }));
}

export async function getCurl(id: string): Promise<string> {
  const res = await fetch(apiUrl(`captures/${encodeURIComponent(id)}/curl`), { headers });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.text();
}

export async function replay(id: string, to: string, resign: boolean): Promise<ReplayAnswer> {
  return json(
    await fetch(`api/captures/${encodeURIComponent(id)}/replay`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ to, resign }),
    }),
  );
}
