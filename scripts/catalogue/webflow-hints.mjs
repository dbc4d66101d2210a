// Realistic values for bodies sampled from webflow-api's types: Webflow's 24-hex object ids (one per
// kind within a delivery), ISO times with milliseconds, and one site on webflow.io. The SDK types
// every webhook field as optional: all are shown, to the sampler's depth.
import ts from 'typescript';
import { accepts, OMIT } from './ts-sample.mjs';

const BY_KEY = {
  slug: 'spring-launch',
  title: 'Spring launch',
  domains: ['hookctl-example.webflow.io'],
  url: 'https://hookctl-example.webflow.io/blog/spring-launch',
  email: 'jane.doe@example.com',
  content: 'Can we make the hero image larger?',
  quantity: 12,
  isArchived: false,
  isDraft: false,
  isResolved: false,
  breakpoint: 'main',
  currency: 'USD',
  unit: 'USD',
  string: '$49.00',
  value: '4900',
  addressee: 'Jane Doe',
  fullName: 'Jane Doe',
  ownerName: 'Jane Doe',
  line1: '1 Market Street',
  line2: 'Suite 300',
  city: 'San Francisco',
  state: 'CA',
  country: 'US',
  postalCode: '94105',
  productName: 'Hookctl Tee',
  productSlug: 'hookctl-tee',
  variantName: 'Hookctl Tee: Large',
  variantSlug: 'hookctl-tee-large',
  variantSku: 'TEE-L',
  last4: '4242',
  year: 2030,
  month: 12,
  paymentProcessor: 'stripe',
  publishedBy: { displayName: 'Jane Doe' },
};

/** What a new order has not been through yet: left out, as Webflow leaves them unset. */
const LATER = /^(fulfilledOn|refundedOn|disputedOn|disputeUpdatedOn|disputeLastStatus|refundId|refundReason|disputeId|shippingTracking|shippingTrackingUrl|shippingProvider|paypalDetails)$/;

export function webflowHints(trigger) {
  return {
    value(path, type) {
      const key = path.at(-1);
      if (key === 'data' && trigger === 'form_submission' && path.length === 2) return { name: 'Jane Doe', email: 'jane.doe@example.com', message: 'I would like a demo.' };
      if (key === 'fieldData' && path.length === 2) return { name: 'Spring launch', slug: 'spring-launch' };
      if (trigger === 'ecomm_new_order' && LATER.test(key)) return OMIT;
      if (key === 'name' && trigger === 'form_submission' && path.length === 2) return 'Contact form';
      if (key === 'name' && /^(author|mentionedUsers)$/.test(path.at(-2) ?? '')) return 'Jane Doe';
      if (key in BY_KEY && fits(type, BY_KEY[key])) return BY_KEY[key];
      if ((key === 'id' || /Id$/.test(key)) && fits(type, '')) return `{{hex:24#${key === 'id' ? (path.length === 2 ? trigger.replace(/_[a-z]+$/, '') : path.at(-2)) : key.slice(0, -2)}}}`;
      if (/(On|At|Updated|Published|Date)$/.test(key) && (fits(type, '') || isDate(type))) return '{{now:isoms}}';
      return undefined;
    },
    optional: () => true,
    string: (path) => `example ${path.at(-1) ?? 'text'}`,
    number: () => 1,
  };
}

function fits(type, value) {
  if (Array.isArray(value)) return true;
  const flag = typeof value === 'number' ? ts.TypeFlags.NumberLike : typeof value === 'boolean' ? ts.TypeFlags.BooleanLike : ts.TypeFlags.StringLike;
  return accepts(type, flag);
}

function isDate(type) {
  return (type.isUnion() ? type.types : [type]).some((t) => t.getSymbol()?.getName() === 'Date');
}
