import { redactUrl } from './target.js';

/**
 * Answers that say no handler took the request: no such route, not this method, not implemented.
 * They are never a rejection: a receiver that is not there cannot have refused anything.
 */
const ROUTE_MISSING = new Set([404, 405, 501]);

export const isRouteMissing = (status: number): boolean => ROUTE_MISSING.has(status);

/** A 4xx that says the receiver refused the request for a reason (401, 400, 403, 422...), not a missing route. */
export const isRejection = (status: number): boolean => status >= 400 && status < 500 && !ROUTE_MISSING.has(status);

/** Where a provider's deliveries go when a target names no path, for the hint. */
export interface DefaultRoute {
  provider: string;
  path: string;
}

/** `route not found: POST http://localhost:3000/webhooks/typo answered 404; stripe delivers to /webhooks/stripe by default`. */
export function routeNotFound(method: string, url: URL | string, status: number, route?: DefaultRoute): string {
  const path = new URL(String(url)).pathname;
  const other = route && route.path !== path ? `; ${route.provider} deliveries go to ${route.path} by default: check the path in --to` : '; check the path and method in --to';
  return `route not found: ${method} ${redactUrl(url)} answered ${status}${other}`;
}
