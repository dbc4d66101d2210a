import { resolve } from 'node:path';
import { UsageError } from '../errors.js';
import type { EventSpec } from '../providers/types.js';
import { loadFixture, readFixtureFile, renderTemplate, type TemplateContext } from '../templates/index.js';
import { applyEdits, type Edit, fieldEdit } from './edits.js';
import type { DeliverySpec } from './types.js';

/** What each delivery's body is made from: its bytes, the timestamp written in it, and a query template's query. */
export type BodyFactory = (ctx: TemplateContext) => { bytes: Buffer; bodyTimestamp?: number; query?: string };

/** The headers in wire order; `null` marks the delivery-id header's place, its value drawn per delivery. */
export type HeaderLayout = [string, string | null][];

/**
 * The headers every delivery of the event carries, before signing: the provider's, then the event's own
 * (Twitch's message and subscription types), which replace a same-named one. A request with no body
 * (a GET whose query carries the challenge) has no Content-Type.
 */
export function headerLayout(spec: DeliverySpec, event: EventSpec, contentType: string): HeaderLayout {
  const { request } = spec.profile;
  const layout: HeaderLayout = event.request?.template === 'query' ? [] : [['Content-Type', contentType]];
  layout.push(['User-Agent', request.userAgent ?? spec.userAgent ?? 'hookctl']);
  const eventBase = event.name.split('.')[0] ?? event.name;
  if (request.eventHeader) layout.push([request.eventHeader.name, request.eventHeader.value.replaceAll('{eventBase}', eventBase).replaceAll('{event}', event.name)]);
  if (request.deliveryId) layout.push([request.deliveryId.header, null]);
  layout.push(...Object.entries(request.headers ?? {}));
  for (const [name, value] of Object.entries(event.request?.headers ?? {})) {
    const at = layout.findIndex(([n]) => n.toLowerCase() === name.toLowerCase());
    if (at >= 0) layout[at] = [name, value];
    else layout.push([name, value]);
  }
  return layout;
}

const NO_BODY = Buffer.alloc(0);

/**
 * A query template (Meta's `hub.*` parameters): the fixture's fields, rendered and edited like a body's,
 * become the URL's query, and the request goes with no body at all.
 */
export function queryFactory(spec: DeliverySpec, event: EventSpec, edits: Edit[]): BodyFactory {
  const o = spec.overrides ?? {};
  if (o.data !== undefined || o.batch !== undefined) {
    throw new UsageError(
      `${o.data !== undefined ? '--data' : '--batch'}: ${spec.profile.id}/${event.name} is sent with no body (its template is the URL's query)`,
      'edit the query with --set name=value, or give another template with --fixture',
    );
  }
  const loaded = o.fixture !== undefined ? readFixtureFile(resolve(spec.cwd ?? '.', o.fixture)) : loadFixture(spec.profile, event, spec.fixtureDirs);
  // The token the receiver checks (Meta's hub.verify_token) is the configured verify token, else the
  // provider's secret, as the dashboard's token is the one the receiver holds; --set after it sends another.
  const spoil = event.handshake?.refuse?.spoil;
  const held = spec.verifyToken ?? spec.secrets[0];
  const token = spoil?.from === 'query' && held !== undefined ? [fieldEdit(spoil.path, held)] : [];
  const all = [...token, ...edits];
  const template = all.length ? applyEdits(structuredClone(loaded), all) : loaded;
  return (ctx) => ({ bytes: NO_BODY, query: encodeQuery(renderTemplate(template, ctx)) });
}

/**
 * A query template's fields as `a=1&b=2`; a nested object's fields are named with dots, so Meta's
 * `{ "hub": { "mode": "subscribe" } }` is `hub.mode=subscribe` and `--set hub.verify_token=…` edits it.
 */
export function encodeQuery(fields: unknown): string {
  if (!fields || typeof fields !== 'object' || Array.isArray(fields)) {
    throw new UsageError('a query template must be an object of parameters', 'write the fixture as { "name": "value", ... }');
  }
  const params = new URLSearchParams();
  const add = (prefix: string, node: object) => {
    for (const [name, value] of Object.entries(node)) {
      if (value === undefined) continue;
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) add(`${prefix}${name}.`, value);
      else params.append(`${prefix}${name}`, Array.isArray(value) ? JSON.stringify(value) : String(value ?? ''));
    }
  };
  add('', fields);
  return params.toString();
}

/** The target with the event's query after any query it already has; no target, no URL (the query travels apart). */
export function withQuery(url: URL | undefined, query: string | undefined): URL | undefined {
  if (!url || !query) return url;
  const out = new URL(url);
  out.search = out.search ? `${out.search}&${query}` : `?${query}`;
  return out;
}
