import type { IncomingMessage, ServerResponse } from 'node:http';
import { HookctlError } from '../errors.js';
import { storeReader } from '../store/follow.js';
import { watchStore } from '../store/watch.js';
import type { Capture, RecordLocation, StoreWarning } from '../store/types.js';
import { api, sendJson, type Views } from './api.js';
import { assetStore, DEFAULT_ASSETS_DIR } from './assets.js';
import { CaptureIndex } from './capture-index.js';
import { EventHub } from './event-hub.js';
import { guard } from './guard.js';
import type { ReplayContext } from './replay.js';

/** Every inspector URL starts with this; `listen` captures nothing under it. */
export const PREFIX = '/_hookctl';

/** The page with its per-run token: what the banner prints. */
export function inspectorUrl(serverUrl: string, token: string): string {
  return `${serverUrl}${PREFIX}/?token=${token}`;
}

export interface InspectorOptions {
  /** Required for every API call and for the page itself. */
  token: string;
  /** The store to follow (listen's own, or `hookctl ui --store`); without one, `add` feeds it. */
  storeDir?: string;
  /** Where the built page lives (dist/web). */
  assetsDir?: string;
  views: Views;
  replay: ReplayContext;
  version: string;
  onWarning(w: StoreWarning): void;
  onError(err: unknown): void;
}

export interface Inspector {
  /** The capture server's router hook: answers a request under PREFIX and returns true, else false. */
  route(req: IncomingMessage, res: ServerResponse): boolean;
  /**
   * A capture listen received: shown at once. With `at`, where listen stored it, the inspector
   * keeps only that location and its follower skips the record (other writers' are still read).
   */
  add(c: Capture, at?: RecordLocation): void;
  /** Reads the store once (its errors are thrown), then follows it (later errors go to onError). */
  start(): Promise<void>;
  /** Stops following and ends the open event streams. */
  close(): void;
}

// The page may load only its own files and talk only to this server; nothing inline runs.
const PAGE_HEADERS = {
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
};

/** What the inspector's requests are answered from. */
interface State {
  o: InspectorOptions;
  hub: EventHub;
  asset: ReturnType<typeof assetStore>;
  ctx: Parameters<typeof api>[3];
}

export function createInspector(o: InspectorOptions): Inspector {
  const reader = o.storeDir ? storeReader(o.storeDir, o.onWarning) : undefined;
  const catalog = new CaptureIndex(o.storeDir, (at) => (reader ? reader.readAt(at) : Promise.resolve(undefined)));
  const hub = new EventHub();
  const state: State = { o, hub, asset: assetStore(o.assetsDir ?? DEFAULT_ASSETS_DIR), ctx: { catalog, views: o.views, replay: o.replay, version: o.version, storeDir: o.storeDir } };
  const stopping = new AbortController();
  return {
    route(req, res) {
      const path = req.url ?? '/';
      if (path !== PREFIX && !path.startsWith(`${PREFIX}/`) && !path.startsWith(`${PREFIX}?`)) return false;
      // Requests with a body (a replay's options) are read by the API itself.
      handle(state, req, res).catch((err: unknown) => {
        if (err instanceof HookctlError) return sendJson(res, 400, { error: err.message, hint: err.hint ?? null });
        o.onError(err);
        if (!res.headersSent) sendJson(res, 500, { error: 'the inspector failed to answer this request' });
        else res.destroy();
      });
      return true;
    },
    add(c, at) {
      if (at) reader?.own(at);
      // The summary is made only for a page that is watching.
      if (catalog.add(c, reader ? at : undefined) && hub.size) hub.send('captures', [catalog.summary(c.id)]);
    },
    async start() {
      if (!o.storeDir || !reader) return;
      await watchStore(
        o.storeDir,
        stopping.signal,
        () => catchUp(reader, catalog, hub),
        o.onError,
        (segment) => reader.owns(segment),
      );
    },
    close() {
      stopping.abort();
      hub.close();
    },
  };
}

/** Reads what other writers added to the store since the last call, and tells the open pages. */
async function catchUp(reader: ReturnType<typeof storeReader>, catalog: CaptureIndex, hub: EventHub): Promise<void> {
  let { captures, reset } = await reader.next();
  if (reset) {
    // A clear (or a removed segment): start over from what is left.
    catalog.clear();
    reader.rewind();
    hub.send('reset', {});
    ({ captures } = await reader.next());
  }
  const fresh = captures.flatMap((l) => (catalog.add(l.capture, l.at) ? (catalog.summary(l.capture.id) ?? []) : []));
  if (fresh.length && hub.size) hub.send('captures', fresh);
}

async function handle({ o, hub, asset, ctx }: State, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const rest = path.slice(PREFIX.length + 1);
  const isAsset = rest.startsWith('assets/');
  const refused = guard(req, o.token, !isAsset);
  if (refused) return sendJson(res, refused.status, { error: refused.message });
  // Without the slash, the page's relative asset URLs would leave the prefix (and be captured).
  if (path === PREFIX) {
    res.writeHead(308, { location: `${PREFIX}/${new URL(req.url ?? '/', 'http://x').search}` });
    return void res.end();
  }
  if ((rest === '' || rest === 'index.html') && req.method === 'GET') {
    const page = await asset('index.html');
    if (!page) return sendJson(res, 500, { error: 'the inspector page is missing from this install (dist/web)' });
    res.writeHead(200, { 'content-type': page.type, 'content-length': page.body.length, ...PAGE_HEADERS });
    return void res.end(page.body);
  }
  if (isAsset && req.method === 'GET') {
    const file = await asset(rest.slice('assets/'.length));
    if (file) {
      res.writeHead(200, { 'content-type': file.type, 'content-length': file.body.length, ...PAGE_HEADERS });
      return void res.end(file.body);
    }
  }
  if (rest === 'api/events' && req.method === 'GET') return hub.open(res);
  if (rest.startsWith('api/') && (await api(rest.slice(4), req, res, ctx))) return;
  sendJson(res, 404, { error: `nothing at ${path}` });
}
