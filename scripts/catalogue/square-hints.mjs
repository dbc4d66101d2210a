// Realistic values for bodies sampled from the `square` SDK's event types (camelCase, as the SDK
// types them; square.mjs turns them into the wire's snake_case with the SDK's own serializers):
// one seller and location, Square-shaped ids, RFC 3339 times, amounts in cents.
import ts from 'typescript';
import { OMIT } from './ts-sample.mjs';

/** Square's ids are opaque base-62 strings; a seller's and a location's are 13 upper-case characters. */
export const MERCHANT = 'ML8Z1K0QW2T5H';
export const LOCATION = 'LH2G4K8ZC0D1F';

const BY_KEY = {
  merchantId: MERCHANT,
  locationId: LOCATION,
  eventId: '{{uuid#event}}',
  currency: 'USD',
  country: 'US',
  emailAddress: 'jane@hookctl.dev',
  email: 'jane@hookctl.dev',
  phoneNumber: '+15555550142',
  givenName: 'Jane',
  familyName: 'Cooper',
  displayName: 'Jane Cooper',
  companyName: 'Hookctl Coffee',
  businessName: 'Hookctl Coffee',
  name: 'Hookctl Coffee',
  note: 'Created by hookctl.',
  referenceId: 'hookctl-ref-0142',
  timezone: 'America/Los_Angeles',
  languageCode: 'en-US',
  version: 1,
  addressLine1: '500 Electric Ave',
  locality: 'New York',
  administrativeDistrictLevel1: 'NY',
  postalCode: '10003',
  last4: '1111',
  cardBrand: 'VISA',
  expMonth: 12,
  expYear: 2029,
  sourceType: 'CARD',
  status: 'COMPLETED',
  birthday: '1990-04-12',
  delayDuration: 'PT168H',
  delayAction: 'CANCEL',
  receiptNumber: 'KkAk',
  key: 'favorite-drink',
  description: 'Created by hookctl.',
  title: 'Monthly coffee subscription',
  invoiceNumber: '000142',
  fingerprint: 'sq-1-hookctl-fingerprint',
};

/** Property names ending like these are times. */
const TIME = /(At|Date|Time|Timestamp|Until)$/;

/**
 * The optional fields a delivery shows: the entity's own (data.object.<entity>.<field>), and inside
 * them the fields of money and addresses. Payment methods other than a card (`cashDetails`,
 * `walletDetails`...) are one-of alternatives: only the card is shown.
 */
function shown(path) {
  const key = path.at(-1) ?? '';
  if (/Details$/.test(key) && key !== 'cardDetails') return false;
  if (/^(customAttributeFilters|legacy|v1|pricingOptions)$/.test(key)) return false;
  if (path.length <= 4) return true;
  return path.length <= 6 && /(Money|money|Address|address)$/.test(path.at(-2) ?? '') && (key === 'amount' || key in BY_KEY);
}

/** `objectKey` names the entity under data.object (`payment`): its id is data.id. */
export function squareHints() {
  return {
    value(path, type) {
      const key = path.at(-1);
      // Money amounts are bigints in the SDK, plain JSON numbers on the wire.
      if (accepts(type, ts.TypeFlags.BigIntLike)) return key === 'version' ? 1n : 1500n;
      const v = BY_KEY[key];
      if (v !== undefined && fits(type, v)) return v;
      if (key === 'id' && fits(type, '')) return path.length <= 4 ? '{{id::24#object}}' : `{{id::24#${path.at(-2) ?? 'id'}}}`;
      if (/Ids?$/.test(key) && fits(type, '')) return `{{id::24#${key.replace(/Ids?$/, '')}}}`;
      if (TIME.test(key) && fits(type, '')) return '{{now:iso}}';
      if (/EmailAddress$/.test(key) && fits(type, '')) return 'jane@hookctl.dev';
      if (/Url$/.test(key) && fits(type, '')) return `https://squareup.com/hookctl/${snake(path.at(-2) ?? 'object')}`;
      if (key === 'idempotencyKey') return OMIT;
      return undefined;
    },
    // Square types nearly every field optional: the entity's own fields, and one level inside them.
    optional: shown,
    string: (path) => (TIME.test(path.at(-1) ?? '') ? '{{now:iso}}' : `example ${snake(path.at(-1) ?? 'text')}`),
    number: () => 1,
  };
}

function accepts(type, flag) {
  return (type.isUnion() ? type.types : [type]).some((t) => t.flags & flag);
}

/** Whether a value suits a type: an enum (a union of literals) only takes one of its members. */
function fits(type, value) {
  const members = (type.isUnion() ? type.types : [type]).filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
  if (members.length && members.every((t) => t.isLiteral())) return members.some((t) => t.value === value);
  return accepts(type, typeof value === 'number' ? ts.TypeFlags.NumberLike : ts.TypeFlags.StringLike);
}

export function snake(s) {
  return s.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}
