// Every DocuSign Connect event trigger (data/docusign-events.json; see data/DOCUSIGN.md), each in
// Connect's JSON SIM envelope `{ event, apiVersion, uri, retryCount, configurationId,
// generatedDateTime, data }` as DocuSign's own sample message (docusign/OpenAPI-Specifications
// `connect.schema-v2.json`) lays it out. No header names the event: the body's `event` does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ACCOUNT = '{{uuid#account}}';
const USER = '{{uuid#user}}';
const ENVELOPE = '{{uuid#envelope}}';

/** The envelope status each envelope event leaves behind (the sample's `envelopeSummary.status`). */
const STATUS = {
  'envelope-completed': 'completed',
  'envelope-created': 'created',
  'envelope-declined': 'declined',
  'envelope-delivered': 'delivered',
  'envelope-discard': 'created',
  'envelope-voided': 'voided',
  'recipient-completed': 'sent',
  'recipient-declined': 'declined',
  'recipient-delivered': 'delivered',
};

function envelopeSummary(name) {
  const status = STATUS[name] ?? (name.startsWith('envelope-delete') || name === 'envelope-purge' || name === 'envelope-removed' ? 'completed' : 'sent');
  const recipient = name.startsWith('recipient-') ? name.slice('recipient-'.length) : status;
  return {
    status,
    emailSubject: 'Please sign: Master Services Agreement',
    envelopeId: ENVELOPE,
    envelopeUri: `/envelopes/${ENVELOPE}`,
    createdDateTime: '{{now:isoms:-2h}}',
    sentDateTime: '{{now:isoms:-1h}}',
    statusChangedDateTime: '{{now:isoms}}',
    sender: { userName: 'Alex Sender', userId: USER, accountId: ACCOUNT, email: 'alex.sender@example.com' },
    recipients: {
      signers: [
        { name: 'Jane Doe', email: 'jane.doe@example.com', recipientId: '1', routingOrder: '1', status: { completed: 'completed', declined: 'declined', delivered: 'delivered' }[recipient] ?? 'sent' },
      ],
    },
  };
}

/** `data` per trigger family: envelope and recipient events carry the envelope; the others their own object's id (assumed). */
function dataFor(name) {
  const family = name.split('-')[0];
  const base = { accountId: ACCOUNT, userId: USER };
  if (family === 'envelope') return { ...base, envelopeId: ENVELOPE, envelopeSummary: envelopeSummary(name) };
  if (family === 'recipient') return { ...base, envelopeId: ENVELOPE, recipientId: '1', envelopeSummary: envelopeSummary(name) };
  if (family === 'template') return { ...base, templateId: '{{uuid#template}}' };
  if (family === 'click') return { ...base, clickwrapId: '{{uuid#clickwrap}}', agreementId: '{{uuid#agreement}}' };
  if (family === 'sms') return { ...base, envelopeId: ENVELOPE, recipientId: '1', phoneNumber: '+15555550123' };
  if (family === 'workflow') return { ...base, workflowId: '{{uuid#workflow}}', instanceId: '{{uuid#instance}}' };
  if (family === 'notary') return { ...base, envelopeId: ENVELOPE, notarySessionId: '{{uuid#session}}' };
  if (family === 'agreement') return { ...base, agreementId: '{{uuid#agreement}}' };
  // identity-verification-*, extension-executed: the recipient of an envelope they ran for.
  return { ...base, envelopeId: ENVELOPE, recipientId: '1' };
}

export function docusignCatalogue(root) {
  const data = JSON.parse(readFileSync(join(root, 'scripts/catalogue/data/docusign-events.json'), 'utf8'));
  const events = [];
  const templates = new Map();
  for (const e of data.events) {
    events.push({ name: e.name, description: e.description, match: { event: e.name } });
    const body = dataFor(e.name);
    templates.set(e.name, {
      event: e.name,
      apiVersion: 'v2.1',
      uri: body.envelopeId ? `/restapi/v2.1/accounts/${ACCOUNT}/envelopes/${ENVELOPE}` : `/restapi/v2.1/accounts/${ACCOUNT}`,
      retryCount: 0,
      configurationId: '{{int:10000000:19999999}}',
      generatedDateTime: '{{now:isoms}}',
      data: body,
    });
  }
  return { meta: { provider: 'docusign', source: `scripts/catalogue/data/docusign-events.json (${data.source}, read ${data.read})` }, events, templates };
}
