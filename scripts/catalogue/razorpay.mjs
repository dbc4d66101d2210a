// Every documented Razorpay Payments webhook event (data/razorpay-events.json; see
// data/RAZORPAY.md), each in the documented envelope `{ entity: "event", account_id, event,
// contains, payload, created_at }`, its entities sampled from the `razorpay` SDK's own types and
// type-checked against them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACCOUNT, razorpayHints } from './razorpay-hints.mjs';
import { createSampler } from './ts-sample.mjs';
import { typeCheckFile } from './type-check.mjs';
import { typeModule } from './ts-types.mjs';

/** The SDK type of each payload entity: its module under dist/types and its name there. */
const TYPES = {
  payment: ['payments', 'Payments.RazorpayPayment'],
  order: ['orders', 'Orders.RazorpayOrder'],
  refund: ['refunds', 'Refunds.RazorpayRefund'],
  invoice: ['invoices', 'Invoices.RazorpayInvoice'],
  subscription: ['subscriptions', 'Subscriptions.RazorpaySubscription'],
  payment_link: ['paymentLink', 'PaymentLinks.RazorpayPaymentLink'],
  qr_code: ['qrCode', 'QrCode.RazorpayQrCode'],
  virtual_account: ['virtualAccounts', 'VirtualAccounts.RazorpayVirtualAccount'],
  settlement: ['settlements', 'Settlements.RazorpaySettlement'],
  transfer: ['transfers', 'Transfers.RazorpayTransfer'],
  dispute: ['disputes', 'Disputes.RazorpayDispute'],
  'payment.downtime': ['payments', 'Payments.RazorpayPaymentDowntime'],
};

const IMPORTS = [...new Set(Object.values(TYPES).map(([file, t]) => `import type { ${t.split('.')[0]} } from 'razorpay/dist/types/${file}.js';`))];

/** The entities each event's payload contains, as the product pages' samples list them. */
function contains(event) {
  const [head, verb] = [event.slice(0, event.lastIndexOf('.')), event.slice(event.lastIndexOf('.') + 1)];
  if (event === 'order.paid') return ['payment', 'order'];
  if (head === 'payment.downtime') return ['payment.downtime'];
  if (head === 'payment.dispute') return ['payment', 'dispute'];
  if (head === 'payment') return ['payment'];
  if (head === 'refund') return ['refund', 'payment'];
  if (head === 'invoice') return verb === 'expired' ? ['invoice'] : ['payment', 'order', 'invoice'];
  if (head === 'subscription') return /^(authenticated|charged|pending|halted)$/.test(verb) ? ['subscription', 'payment'] : ['subscription'];
  if (head === 'payment_link') return /paid$/.test(verb) ? ['payment_link', 'order', 'payment'] : ['payment_link'];
  if (head === 'qr_code' || head === 'virtual_account') return verb === 'credited' ? ['payment', head] : [head];
  if (head === 'settlement' || head === 'transfer') return [head];
  return [];
}

/** Entities with no SDK type: Route's account activation (the partner docs' `merchant_product`) and the VPA events (assumed). */
function handWritten(event) {
  if (event.startsWith('product.route.')) return { merchant_product: { entity: { id: 'acc_prd_{{id::14#product}}', merchant_id: ACCOUNT, activation_status: event.split('.').at(-1) } } };
  const id = '{{id::14#vpa}}';
  if (event === 'linked_account.vpa_created') return { account: { entity: { id: `acc_${id}`, entity: 'account', type: 'route', vpa: 'seller142@okicici', status: 'created' } } };
  if (event === 'settlement.vpa_completed')
    return { settlement: { entity: { id: `setl_${id}`, entity: 'settlement', amount: 49000, status: 'processed', vpa: 'seller142@okicici', created_at: '{{now:s}}' } } };
  return { payout: { entity: { id: `pout_${id}`, entity: 'payout', amount: 49000, currency: 'INR', mode: 'UPI', status: 'failed', vpa: 'seller142@okicici', created_at: '{{now:s}}' } } };
}

export async function razorpayCatalogue(root) {
  const data = JSON.parse(readFileSync(join(root, 'scripts/catalogue/data/razorpay-events.json'), 'utf8'));
  const source = [...IMPORTS, ...Object.entries(TYPES).map(([key, [, t]]) => `export type ${key.replace('.', '_')} = ${t};`)].join('\n');
  const { checker, aliases } = typeModule(root, source);
  const events = [];
  const templates = new Map();
  const checks = [];
  for (const group of data.groups) {
    for (const event of group.events) {
      const keys = contains(event);
      const payload = keys.length ? {} : handWritten(event);
      for (const key of keys) {
        const entity = createSampler(checker, razorpayHints(event, key), 8)(aliases.get(key.replace('.', '_')));
        payload[key] = { entity };
        checks.push({ event: `${event} ${key}`, type: TYPES[key][1], body: entity });
      }
      events.push({ name: event, description: `${group.product}: ${event.split('.').slice(1).join(' ').replace(/_/g, ' ')}`, match: { event } });
      templates.set(event, { entity: 'event', account_id: ACCOUNT, event, contains: Object.keys(payload), payload, created_at: '{{now:s}}' });
    }
  }
  const types = await typeCheckFile(root, { provider: 'razorpay', imports: IMPORTS, checks });
  const version = JSON.parse(readFileSync(join(root, 'node_modules/razorpay/package.json'), 'utf8')).version;
  return { meta: { provider: 'razorpay', source: `data/razorpay-events.json (razorpay.com/docs/webhooks, read ${data.read}); bodies from razorpay@${version} dist/types` }, events, templates, types };
}
