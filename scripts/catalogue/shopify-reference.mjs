// Bodies of topics whose resource has no REST example to send (publications, discounts, consent,
// locales, domains, payment terms, tax services, scheduled listings): the shape of the topic's
// sample payload in Shopify's webhook reference, filled from Shopify's REST examples where one
// holds the same data (a customer's consent, the shop's domain, an order's total, a product
// listing) and otherwise with values of hookctl's own. Sources: data/SHOPIFY.md.
import { freshen, idToken } from './shopify-freshen.mjs';
import { SHAPE_NOTE } from './shopify-other.mjs';

const gid = (type, label = type) => `gid://shopify/${type}/${idToken(label)}`;

/** created_at and updated_at as the other builders write them: a create happens now, anything else to an hour-old resource. */
const times = (action) => ({ created_at: action === 'create' ? '{{now:iso}}' : '{{now:iso:-1h}}', updated_at: '{{now:iso}}' });

/** A product's or collection's publication to a sales channel; a delete names only the publication. */
const publication = (owner) => {
  const type = `${owner.charAt(0).toUpperCase()}${owner.slice(1)}`;
  return (action) => {
    if (action === 'delete') return { id: idToken(`${type}Publication`) };
    const { created_at, updated_at } = times(action);
    return { id: idToken(`${type}Publication`), publication_id: idToken('Publication'), published_at: '{{now:iso}}', published: true, created_at, updated_at, [`${owner}_id`]: idToken(type) };
  };
};

/** A code discount (its title is its code, as the admin names one) and its redeem codes. */
const DISCOUNT_CODE = 'SUMMER10';
const discount = (action) => {
  const node = gid('DiscountCodeNode');
  if (action === 'delete') return { admin_graphql_api_id: node, deleted_at: '{{now:iso}}' };
  // The reference writes a redeem code's time with milliseconds, unlike the discount's own.
  if (action.startsWith('redeemcode')) return { admin_graphql_api_id: node, redeem_code: { id: gid('DiscountRedeemCode'), code: DISCOUNT_CODE }, updated_at: '{{now:isoms}}' };
  return { admin_graphql_api_id: node, title: DISCOUNT_CODE, status: 'ACTIVE', ...times(action) };
};

/** The one payment of net terms for the REST Order example's total, issued when the terms were made. */
const schedule = (order, { issued, due }) => ({
  amount: order.total_price,
  balance_due: order.total_price,
  completed_at: null,
  created_at: issued,
  currency: order.currency,
  due_at: due,
  id: idToken('PaymentSchedule'),
  issued_at: issued,
  payment_terms_id: idToken('PaymentTerms'),
  presentment_currency: order.presentment_currency,
  total_balance: order.total_price,
  total_price: order.total_price,
  updated_at: '{{now:iso}}',
  admin_graphql_api_id: gid('PaymentSchedule'),
});

const paymentTerms = (action, { order }) => {
  if (action === 'delete') return { id: idToken('PaymentTerms') };
  return {
    id: idToken('PaymentTerms'),
    payment_terms_name: 'Net 30',
    payment_terms_type: 'net',
    due_in_days: 30,
    ...times(action),
    payment_schedules: [schedule(order, { issued: times(action).created_at, due: '{{now:iso:+30d}}' })],
    // The reference's gid names Shopify's internal class, not the GraphQL type PaymentTerms.
    admin_graphql_api_id: gid('PaymentsPaymentFlexibilityPaymentTermsPaymentTerms', 'PaymentTerms'),
  };
};

/** The REST Customer example's consent, now given: the topic reports a change of consent. */
const consentGiven = (consent) => ({ ...consent, state: 'subscribed', consent_updated_at: '{{now:iso}}' });

/** A listing scheduled to publish tomorrow: the REST ProductListing example, publish_at where a listing has published_at. */
function scheduledListing(action, { product_listing: listing }) {
  const fresh = freshen(listing);
  if (action === 'remove') return { scheduled_product_listing: { product_id: fresh.product_id } };
  const entries = Object.entries(fresh).flatMap(([k, v]) =>
    k === 'published_at'
      ? []
      : k === 'variants'
        ? [
            [k, v],
            ['publish_at', '{{now:iso:+1d}}'],
          ]
        : [[k, v]],
  );
  return { scheduled_product_listing: Object.fromEntries(entries) };
}

const OWN = 'the values are hookctl’s';

/** Topic resource -> [the body for an action, what the values are]. */
const BUILDERS = {
  product_publications: [publication('product'), OWN],
  collection_publications: [publication('collection'), OWN],
  discounts: [discount, OWN],
  customers_marketing_consent: [
    (_, { customer }) => ({ id: idToken('Customer'), phone: customer.phone, sms_marketing_consent: consentGiven(customer.sms_marketing_consent) }),
    'the phone and consent are the REST Customer example’s, the consent given now',
  ],
  customers_email_marketing_consent: [
    (_, { customer }) => ({ customer_id: idToken('Customer'), email_address: customer.email, email_marketing_consent: consentGiven(customer.email_marketing_consent) }),
    'the address and consent are the REST Customer example’s, the consent given now',
  ],
  // A locale is added unpublished, then published.
  locales: [(action) => ({ locale: 'fr', published: action !== 'create' }), OWN],
  domains: [
    (_, { shop }) => ({ id: idToken('Domain'), host: shop.domain, ssl_enabled: true, localization: { country: null, default_locale: shop.primary_locale, alternate_locales: [] } }),
    'the host and locale are the REST Shop example’s',
  ],
  payment_terms: [paymentTerms, 'the amounts are the REST Order example’s total'],
  // Net 30 terms coming due.
  payment_schedules: [(_, { order }) => schedule(order, { issued: '{{now:iso:-30d}}', due: '{{now:iso}}' }), 'the amounts are the REST Order example’s total'],
  tax_services: [() => ({ id: idToken('TaxService'), name: 'Tax service', url: 'https://tax.example.com/shopify', active: true }), OWN],
  scheduled_product_listings: [scheduledListing, 'the listing is the REST ProductListing example’s, publish_at in place of published_at'],
};

/** The body and note of a topic built here, or undefined. */
export function referenceBody(topic, examples) {
  const [resource, action] = topic.split(/[/.]/);
  const builder = BUILDERS[resource];
  if (!builder) return undefined;
  const [build, values] = builder;
  return { body: build(action, examples), note: `${SHAPE_NOTE}; ${values}` };
}
