// Every Brex webhook event the Webhooks API reference documents (data/brex-events.json; see
// data/BREX.md): each body the flat object its page lists, `event_type` naming the event, so a
// receiver (and `listen`) tells them apart by that field alone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const COMPANY = 'cuacc_{{id::25#company}}';

/** The fields each event's page documents, with hookctl's own values. */
const FIELDS = {
  ACCOUNTING_RECORD_READY_FOR_EXPORT: () => ({ accountingRecordIds: ['accr_{{id::25#record1}}', 'accr_{{id::25#record2}}'], companyId: COMPANY }),
  EXPENSE_PAYMENT_UPDATED: () => ({
    expense_id: 'expense_{{id::25#expense}}',
    payment_status: 'PENDING',
    payment_type: 'PURCHASE',
    company_id: COMPANY,
    amount: { amount: 4250, currency: 'USD' },
    payment_description: 'Blue Bottle Coffee',
  }),
  REFERRAL_ACTIVATED: () => ({ referral_id: 'referral_{{id::25#referral}}' }),
  REFERRAL_APPLICATION_STATUS_CHANGED: () => ({ referral_id: 'referral_{{id::25#referral}}', application: { product_type: 'BREX_CARD', status: 'APPROVED' } }),
  REFERRAL_CREATED: () => ({ referral_id: 'referral_{{id::25#referral}}' }),
  TRANSFER_FAILED: () => ({ transfer_id: 'dpmt_{{id::25#transfer}}', payment_type: 'ACH', return_for_id: null, company_id: COMPANY }),
  TRANSFER_PROCESSED: () => ({ transfer_id: 'dpmt_{{id::25#transfer}}', payment_type: 'DOMESTIC_WIRE', return_for_id: null, company_id: COMPANY }),
  USER_UPDATED: () => ({ user_id: 'cuuser_{{id::25#user}}', company_id: COMPANY, updated_attributes: ['STATUS'] }),
};

export function brexCatalogue(root) {
  const data = JSON.parse(readFileSync(join(root, 'scripts/catalogue/data/brex-events.json'), 'utf8'));
  const events = [];
  const templates = new Map();
  for (const e of data.events) {
    const fields = FIELDS[e.name];
    if (!fields) throw new Error(`brex: no body for ${e.name}`);
    events.push({ name: e.name, description: e.description, match: { event_type: e.name } });
    templates.set(e.name, { event_type: e.name, ...fields() });
  }
  return { meta: { provider: 'brex', source: `scripts/catalogue/data/brex-events.json (${data.source}, read ${data.read})` }, events, templates };
}
