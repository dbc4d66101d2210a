import { HOP_BY_HOP } from './headers.js';
import type { Target } from './target.js';

/** Headers the client computes itself, or that describe one connection: never copied from a capture. */
const NOT_REPLAYED = new Set([...HOP_BY_HOP, 'host', 'content-length']);

/** The captured header pairs to send again, in their original order, minus hop-by-hop ones. */
export function replayHeaders(headers: readonly (readonly [string, string])[]): [string, string][] {
  return headers.filter(([name]) => !NOT_REPLAYED.has(name.toLowerCase())).map(([k, v]) => [k, v]);
}

/**
 * Where a capture goes: `--to` with a path is used as given; `--to` without one (localhost:3000)
 * gets the path and query the capture was received on.
 */
export function targetUrl(target: Pick<Target, 'url' | 'hasPath'>, capturePath: string): URL {
  if (target.hasPath) return new URL(target.url);
  const url = new URL(target.url);
  const q = capturePath.indexOf('?');
  url.pathname = q < 0 ? capturePath : capturePath.slice(0, q);
  url.search = q < 0 ? '' : capturePath.slice(q);
  return url;
}
