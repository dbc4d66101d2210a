import { requestUrl } from '../http/request-url.js';
import { headerOf } from '../http/headers.js';
import type { ProviderProfile } from '../providers/types.js';
import { toHeaders } from '../diagnose/index.js';
import type { CaptureStore } from '../store/types.js';

/** How far back to look: the same delivery replayed elsewhere is normally among the latest captures. */
const RECENT = 500;

/**
 * The URLs the same URL-signed delivery (Twilio) was captured at before: a capture replayed to another
 * host fails there, and where it first arrived is the URL its signature was made for. Matched by
 * identical body bytes and signature header; only for providers whose scheme signs `{url}`.
 */
export async function urlsSeenAt(
  store: CaptureStore,
  req: { capture?: { id: string }; headers: [string, string][]; path: string; body: Buffer },
  providers: readonly ProviderProfile[],
): Promise<string[]> {
  const headers = providers.filter((p) => p.scheme.content.includes('{url}')).flatMap((p) => p.scheme.signatures.map((s) => s.header));
  const signature = headers.map((h) => [h, headerOf(req.headers, h)] as const).find(([, v]) => v !== undefined);
  if (!signature) return [];
  const here = requestUrl(toHeaders(req.headers), req.path);
  const urls = new Set<string>();
  for (const c of await store.recent(RECENT)) {
    if (c.id === req.capture?.id || headerOf(c.headers, signature[0]) !== signature[1] || !c.body.equals(req.body)) continue;
    const url = requestUrl(toHeaders(c.headers), c.path);
    if (url !== here) urls.add(url);
  }
  return [...urls];
}
