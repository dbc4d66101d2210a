// Realistic values for Razorpay entities sampled from the `razorpay` SDK's types: ids with each
// entity's prefix, amounts in paise, INR, Unix-second times, and the status each event implies.
import ts from 'typescript';
import { OMIT } from './ts-sample.mjs';

export const ACCOUNT = 'acc_hookctl0000001';

/** The id prefix of each entity key (`pay_`), as Razorpay writes ids. */
export const PREFIX = {
  payment: 'pay_',
  order: 'order_',
  refund: 'rfnd_',
  invoice: 'inv_',
  subscription: 'sub_',
  payment_link: 'plink_',
  qr_code: 'qr_',
  virtual_account: 'va_',
  settlement: 'setl_',
  transfer: 'trf_',
  dispute: 'disp_',
  'payment.downtime': 'down_',
  customer: 'cust_',
  plan: 'plan_',
  card: 'card_',
  offer: 'offer_',
};

/** Fields of another payment method, an error or another product: null (or left out) unless the event is about them. */
const ABSENT = /^(error_\w+|card|card_id|token|token_id|emi|offers|transfers|authentication|invoice_id|subscription_id|wallet)$/;

/** Why a payment failed, for payment.failed (Razorpay's error fields). */
const FAILURE = {
  error_code: 'BAD_REQUEST_ERROR',
  error_description: 'Payment was declined by the customer',
  error_source: 'customer',
  error_step: 'payment_authentication',
  error_reason: 'payment_cancelled',
};

/** Fields whose sampled value would read oddly. */
const OTHER = {
  ifsc: 'HDFC0000142',
  account_number: '50100142424242',
  bank_name: 'HDFC Bank',
  bank: 'HDFC',
  source: 'api',
  remaining_count: '11',
  payment_method: 'upi',
  current_start: '{{now:s:-1d}}',
  current_end: '{{now:s:+29d}}',
  total_count: 12,
  paid_count: 1,
  speed_processed: 'normal',
  speed_requested: 'normal',
};

const BY_KEY = {
  currency: 'INR',
  email: 'jane@hookctl.dev',
  contact: '+919000090000',
  method: 'upi',
  vpa: 'jane@okhdfcbank',
  description: 'hookctl order #142',
  receipt: 'hookctl-rcpt-142',
  name: 'Jane Cooper',
  bank: null,
  wallet: null,
  international: false,
  captured: true,
};

function accepts(type, flag) {
  return (type.isUnion() ? type.types : [type]).some((t) => t.flags & flag);
}

function literals(type) {
  return (type.isUnion() ? type.types : [type]).filter((t) => t.isLiteral()).map((t) => t.value);
}

/** `status` is the state the event names (`payment.failed`: failed), when the type allows it. */
export function razorpayHints(event, entityKey) {
  const verb = event.split('.').at(-1);
  return {
    value(path, type) {
      const key = path.at(-1);
      // A UPI payment has no card, token, EMI or error: Razorpay sends those keys as null.
      if (
        path.length === 1 &&
        ABSENT.test(key) &&
        !(event === 'payment.failed' && key.startsWith('error_')) &&
        !(key === 'invoice_id' && event.startsWith('invoice.')) &&
        !(key === 'subscription_id' && event.startsWith('subscription.'))
      )
        return accepts(type, ts.TypeFlags.Null) ? null : OMIT;
      if (key === 'end' && verb !== 'resolved' && accepts(type, ts.TypeFlags.Null)) return null;
      if (key === 'ended_at' && verb !== 'completed' && accepts(type, ts.TypeFlags.Null)) return null;
      if (event === 'payment.failed' && entityKey === 'payment' && FAILURE[key]) return FAILURE[key];
      if (key in OTHER && accepts(type, typeof OTHER[key] === 'number' || OTHER[key].startsWith('{{now:s') ? ts.TypeFlags.NumberLike : ts.TypeFlags.StringLike)) return OTHER[key];
      if (key === 'captured' && entityKey === 'payment') return !/failed|authorized|pending/.test(event) || event === 'payment.dispute.failed';
      if (key === 'entity' && path.length === 1) return entityKey;
      // A nested object's own id and entity: named after the key that holds it (`customer_details`).
      const owner = path.length > 1 ? path.at(-2).replace(/_details$|s$/, '') : entityKey;
      if (key === 'id' && path.length > 1 && accepts(type, ts.TypeFlags.String)) return `{{id:${PREFIX[owner] ?? `${owner}_`}:14#${owner}}}`;
      if (key === 'entity' && path.length > 1 && accepts(type, ts.TypeFlags.String)) return owner;
      if (key === 'created_at' && accepts(type, ts.TypeFlags.String) && !accepts(type, ts.TypeFlags.NumberLike)) return '{{str:now:s}}';
      if (key === 'id' && path.length === 1) return `{{id:${PREFIX[entityKey] ?? ''}:14#${entityKey}}}`;
      if (key === 'status') {
        const allowed = literals(type);
        if (allowed.includes(verb)) return verb;
        // A payment beside the event's own entity went through; a subscription is running.
        const companion = { payment: 'captured', subscription: 'active', order: 'paid', invoice: 'paid' }[entityKey];
        if (companion && (allowed.includes(companion) || !allowed.length)) return companion;
        if (allowed.length) return allowed[0];
        return accepts(type, ts.TypeFlags.String) ? verb : undefined;
      }
      if (/_id$/.test(key) && accepts(type, ts.TypeFlags.String)) {
        const kind = key.replace(/_id$/, '');
        return `{{id:${PREFIX[kind] ?? `${kind}_`}:14#${kind}}}`;
      }
      if (key in BY_KEY && (BY_KEY[key] === null || accepts(type, typeof BY_KEY[key] === 'boolean' ? ts.TypeFlags.BooleanLike : ts.TypeFlags.StringLike))) return BY_KEY[key];
      if (/(^|_)at$|^(begin|end|expire_by|close_by|start_at|end_at|charge_at)$/.test(key) && accepts(type, ts.TypeFlags.NumberLike)) return '{{now:s}}';
      if (/amount|^fee$|^tax$/.test(key) && accepts(type, ts.TypeFlags.NumberLike)) return /refunded|due|fee|tax/.test(key) ? 0 : 50000;
      if (key === 'notes') return { order_ref: 'hookctl-142' };
      if (key === 'short_url' || key === 'image_url') return 'https://rzp.io/i/hookctl142';
      return key === 'notes' ? OMIT : undefined;
    },
    // The entity's own fields are all shown; nested objects carry their required fields only.
    optional: (path) => path.length === 1,
    string: (path) => `example ${path.at(-1) ?? 'text'}`,
    number: () => 1,
  };
}
