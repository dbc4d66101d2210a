// What the Twilio catalogue's parts share: one account, one pair of numbers and Twilio's SID
// form, so messaging, voice and Conversations bodies describe the same (fictional) account.

/** A Twilio SID: two letters and 32 hex digits; the label keeps it the same within one delivery. */
export const sid = (prefix, label) => `${prefix}{{hex:32#${label}}}`;

export const ACCOUNT_SID = sid('AC', 'acct');
export const API_VERSION = '2010-04-01';

/** Your Twilio number and the other party: 555-01xx numbers are reserved for fiction. */
export const TWILIO_NUMBER = '+14155550100';
export const OTHER_NUMBER = '+14155550123';

/** Where Twilio's geographic lookup places each number (the fields it adds "if available"). */
const PLACES = {
  twilio: { City: 'SAN FRANCISCO', State: 'CA', Zip: '94105', Country: 'US' },
  other: { City: 'SAN FRANCISCO', State: 'CA', Zip: '94107', Country: 'US' },
};

/** `FromCity`, `FromState`, ... for one party, under the prefix Twilio uses (From, To, Called). */
export function geo(prefix, party) {
  return Object.fromEntries(Object.entries(PLACES[party]).map(([k, v]) => [`${prefix}${k}`, v]));
}

/**
 * Twilio writes call-progress times in RFC 2822. hookctl's tokens render ISO 8601 or Unix times
 * only, so these fields hold one fixed, well-formed date rather than a fresh one in the wrong format.
 */
export const RFC2822_DATE = 'Thu, 01 Jan 2026 12:00:00 +0000';
export const fixedDateNote = (field) => `${field} is a fixed RFC 2822 date: hookctl's time tokens render ISO 8601 and Unix times only`;

/** One catalogue entry (the fields of an EventSpec, in the catalogue's key order) and its template. */
export function event(name, description, match, template, extra = {}) {
  const entry = { name, description };
  if (extra.contentType) entry.contentType = extra.contentType;
  if (match) entry.match = match;
  if (extra.note) entry.note = extra.note;
  return { entry, template };
}

/**
 * Facts kept per value of a union the package declares (descriptions, codes): a value the package
 * adds that the table lacks fails the generator, so a new status is described, never skipped.
 */
export function perValue(union, table, what) {
  const missing = union.filter((v) => !Object.hasOwn(table, v));
  if (missing.length) throw new Error(`twilio: no description for ${what} ${missing.join(', ')}: add it to the generator's table (see scripts/catalogue/data/TWILIO.md)`);
  return (v) => table[v];
}

/** Values the docs name for a callback, each checked against the package's union: a dropped value fails. */
export function members(union, values, what) {
  const unknown = values.filter((v) => !union.includes(v));
  if (unknown.length) throw new Error(`twilio: ${what} ${unknown.join(', ')} is no longer in the package's union (${union.join(', ')})`);
  return values;
}
