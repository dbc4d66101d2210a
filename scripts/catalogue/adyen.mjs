// Every eventCode of Adyen's standard notifications (data/adyen-events.json, from
// @adyen/api-library's NotificationRequestItem.EventCodeEnum; see data/ADYEN.md). Each body is the
// documented `{ live, notificationItems: [{ NotificationRequestItem }] }` with one item, its
// additionalData ready for the scheme to write hmacSignature into. The Balance Platform and
// Management webhooks in the same file sign another way (an HmacSignature header over the raw body)
// and are not part of this provider.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Events about an earlier payment name it in originalReference (a refund of a capture...). */
const MODIFIES =
  /^(CANCELLATION|CANCEL_OR_REFUND|CAPTURE|CAPTURE_FAILED|REFUND|REFUND_FAILED|REFUNDED_REVERSED|REFUND_WITH_DATA|TECHNICAL_CANCEL|VOID_PENDING_REFUND|CHARGEBACK|CHARGEBACK_REVERSED|SECOND_CHARGEBACK|NOTIFICATION_OF_CHARGEBACK|PREARBITRATION_LOST|PREARBITRATION_WON|REQUEST_FOR_INFORMATION|INFORMATION_SUPPLIED|DISPUTE_DEFENSE_PERIOD_ENDED|ISSUER_COMMENTS|ISSUER_RESPONSE_TIMEFRAME_EXPIRED|AUTHORISATION_ADJUSTMENT|CANCEL_AUTORESCUE|PAIDOUT_REVERSED)$/;

function item(code) {
  return {
    additionalData: { hmacSignature: '' },
    amount: { currency: 'EUR', value: code === 'REPORT_AVAILABLE' || code === 'RECURRING_CONTRACT' ? 0 : 1000 },
    eventCode: code,
    eventDate: '{{now:iso}}',
    merchantAccountCode: 'HookctlECOM',
    merchantReference: 'order-{{int:1000:9999}}',
    ...(MODIFIES.test(code) ? { originalReference: '{{hex:16#original}}' } : {}),
    paymentMethod: 'visa',
    pspReference: '{{hex:16}}',
    ...(code === 'REPORT_AVAILABLE' ? { reason: 'https://ca-test.adyen.com/reports/download/settlement_detail_report_batch_1.csv' } : {}),
    success: 'true',
  };
}

export function adyenCatalogue(root) {
  const data = JSON.parse(readFileSync(join(root, 'scripts/catalogue/data/adyen-events.json'), 'utf8'));
  const version = JSON.parse(readFileSync(join(root, 'node_modules/@adyen/api-library/package.json'), 'utf8')).version;
  const events = [];
  const templates = new Map();
  for (const e of data.events.filter((x) => x.family.startsWith('standard'))) {
    events.push({ name: e.name, description: e.description, match: { 'notificationItems.0.NotificationRequestItem.eventCode': e.name } });
    templates.set(e.name, { live: 'false', notificationItems: [{ NotificationRequestItem: item(e.name) }] });
  }
  return {
    meta: { provider: 'adyen', source: `scripts/catalogue/data/adyen-events.json (@adyen/api-library@${version} NotificationRequestItem.EventCodeEnum, read ${data.read})` },
    events,
    templates,
  };
}
