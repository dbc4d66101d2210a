// Every HubSpot webhook subscription type (data/hubspot-events.json: the SDK's
// SubscriptionCreateRequestEventTypeEnum; see data/HUBSPOT.md). A delivery is a JSON array of events;
// listen names it by the first one's subscriptionType (as SendGrid's batches). hookctl sends one, with the fields the docs' payload tables give each kind.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ASSOCIATION = {
  contact: 'CONTACT_TO_COMPANY',
  company: 'COMPANY_TO_CONTACT',
  deal: 'DEAL_TO_CONTACT',
  ticket: 'TICKET_TO_CONTACT',
  line_item: 'LINE_ITEM_TO_DEAL',
  object: 'CONTACT_TO_COMPANY',
};
const PROPERTY = {
  contact: ['lifecyclestage', 'customer'],
  company: ['industry', 'COMPUTER_SOFTWARE'],
  deal: ['dealstage', 'closedwon'],
  ticket: ['hs_pipeline_stage', '4'],
  product: ['price', '49'],
  line_item: ['quantity', '3'],
  conversation: ['status', 'CLOSED'],
  object: ['lifecyclestage', 'customer'],
};

/** What a subscription type adds to the common fields (developers.hubspot.com webhook payload tables). */
function extra(object, action) {
  const objectId = '{{int:1000000:99999999#object}}';
  if (action === 'propertyChange') {
    const [propertyName, propertyValue] = PROPERTY[object];
    return { propertyName, propertyValue };
  }
  if (action === 'merge') return { primaryObjectId: objectId, mergedObjectIds: ['{{int:1000000:99999999#merged}}'], newObjectId: objectId, numberOfPropertiesMoved: 12 };
  if (action === 'associationChange')
    return { associationType: ASSOCIATION[object], fromObjectId: objectId, toObjectId: '{{int:1000000:99999999#to}}', associationRemoved: false, isPrimaryAssociation: true };
  if (action === 'newMessage') return { messageId: '{{hex:32}}', messageType: 'MESSAGE' };
  return {};
}

export function hubspotCatalogue(root) {
  const data = JSON.parse(readFileSync(join(root, 'scripts/catalogue/data/hubspot-events.json'), 'utf8'));
  const events = [];
  const templates = new Map();
  for (const e of data.events) {
    const [object, action] = e.name.split('.');
    events.push({ name: e.name, description: e.description, match: { subscriptionType: e.name } });
    const event = {
      eventId: '{{int:1000000000:4000000000}}',
      subscriptionId: 2451397,
      portalId: 62515,
      appId: 1160452,
      occurredAt: '{{now:ms}}',
      subscriptionType: e.name,
      attemptNumber: 0,
      objectId: '{{int:1000000:99999999#object}}',
      ...(object === 'object' ? { objectTypeId: '0-1' } : {}),
      changeSource: action === 'privacyDeletion' ? 'GDPR' : 'CRM',
      ...extra(object, action),
    };
    templates.set(e.name, [event]);
  }
  return { meta: { provider: 'hubspot', source: `scripts/catalogue/data/hubspot-events.json (${data.source}, read ${data.read})` }, events, templates };
}
