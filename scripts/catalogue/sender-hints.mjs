// Realistic values for bodies sampled from an SDK's event types: ids in the provider's own style,
// times in the unit its fields use (Unix seconds, milliseconds or ISO strings, each type decides),
// emails and names of one test account. Every id is a fixture token, so each delivery is fresh.
import ts from 'typescript';
import { OMIT } from './ts-sample.mjs';
import { fits } from './union-catalogue.mjs';

const PEOPLE = {
  email: 'jane@hookctl.dev',
  email_address: 'jane@hookctl.dev',
  from: 'Acme <billing@acme.dev>',
  first_name: 'Jane',
  last_name: 'Cooper',
  firstName: 'Jane',
  lastName: 'Cooper',
  name: 'Jane Cooper',
  username: 'janecooper',
  subject: 'Your receipt from Acme',
  currency: 'usd',
  country: 'US',
  locale: 'en-US',
  url: 'https://acme.dev/',
  user_agent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  client_ip: '203.0.113.42',
  ip_address: '203.0.113.42',
  ipAddress: '203.0.113.42',
};

const TIME = /(^|_)(at|time|timestamp|date)$|At$|^(created|updated|timestamp|expires|started|completed|finished)$/;

/**
 * `opts`: { id(path) → a fixture token for an `id` or `*_id` key (undefined: the default), byKey (values by key,
 * overriding PEOPLE), optional(path) (fill this optional property), ms (numeric times are milliseconds) }.
 */
export function senderHints(opts = {}) {
  const byKey = { ...PEOPLE, ...(opts.byKey ?? {}) };
  return {
    value(path, type) {
      const key = String(path.at(-1));
      if (key === '__typename') return OMIT;
      const v = byKey[key];
      if (v !== undefined && (typeof v !== 'string' || fits(type, v) || v === null)) return v;
      // One value per kind of id: a token repeats its value within a body, so `{{uuid#email_id}}` is not `{{uuid#message_id}}`.
      if (/^(id|.*_id|.*Id|.*ID)$/.test(key) && fits(type, '')) return opts.id?.(path) ?? `{{uuid#${idKind(path)}}}`;
      if (TIME.test(key)) {
        if (fits(type, '{{now:s}}') && !fits(type, '')) return opts.ms ? '{{now:ms}}' : '{{now:s}}';
        if (fits(type, '')) return opts.iso ?? '{{now:isoms}}';
      }
      return undefined;
    },
    optional: (path) => opts.optional?.(path) ?? path.length <= 2,
    string: (path) => `example ${String(path.at(-1) ?? 'text').replace(/_/g, ' ')}`,
    number: (path) => (TIME.test(String(path.at(-1))) ? (opts.ms ? '{{now:ms}}' : '{{now:s}}') : 1),
  };
}

/** What an id names: its own key (`email_id`), or for a bare `id` the object holding it. */
export function idKind(path) {
  const key = String(path.at(-1));
  return key === 'id' ? String(path.at(-2) ?? 'root') : key.replace(/_?[iI]d$/, '');
}

/** The ts flag test the hints use, exported for providers whose hints need their own checks. */
export const isNumber = (type) => (type.isUnion() ? type.types : [type]).some((t) => t.flags & ts.TypeFlags.NumberLike);
