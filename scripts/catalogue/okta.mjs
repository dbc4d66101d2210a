// Every event type an Okta event hook can deliver: the types of Okta's Event Types catalogue tagged
// `event-hook-eligible` (data/okta-event-hook-types.json, extracted by okta-extract.mjs; see
// data/OKTA.md), each in the event hook envelope of Okta's own sample delivery, its one LogEvent
// naming the type, with targets of the kind the type's name gives.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The LogEvent target an event type's first segment names (System Log API `target[].type`). */
const TARGETS = {
  user: ['User'],
  group: ['UserGroup'],
  application: ['AppInstance', 'User'],
  app: ['AppInstance'],
  device: ['Device', 'User'],
  policy: ['PolicyEntity', 'PolicyRule'],
  security: ['Authenticator'],
  system: ['Org'],
  iam: ['ResourceSet'],
  access: ['AccessRequest', 'User'],
  certification: ['Campaign'],
  resource: ['Resource'],
  resource_servers: ['ResourceServer'],
  workload_principal: ['WorkloadPrincipal'],
  entitlement: ['Entitlement'],
  governance: ['Org'],
  inline_hook: ['InlineHook'],
};

export function oktaCatalogue(root) {
  const data = JSON.parse(readFileSync(join(root, 'scripts/catalogue/data/okta-event-hook-types.json'), 'utf8'));
  const events = [];
  const templates = new Map();
  for (const t of data.eventTypes) {
    const description = firstSentence(t.description) || t.id;
    events.push({ name: t.id, description: t.beta ? `${description} (beta)` : description, match: { 'data.events.0.eventType': t.id } });
    templates.set(t.id, envelope(t, description));
  }
  // The hand-written verification GET (src/core/providers/builtin/okta.ts) has no query: its template is empty.
  templates.set('verification', {});
  return { meta: { provider: 'okta', source: `okta/okta-developer-docs@${data.commit.slice(0, 12)} data/event-types.json, release ${data.release} (event-hook-eligible types)` }, events, templates };
}

function firstSentence(text) {
  const one = String(text ?? '').split(/(?<=\.)\s/)[0] ?? '';
  return one.replace(/\.$/, '').trim();
}

/** Okta's sample event hook delivery (docs/concepts/event-hooks "Sample event delivery payload"), for one event. */
function envelope(t, description) {
  return {
    eventType: 'com.okta.event_hook',
    eventTypeVersion: '1.0',
    cloudEventsVersion: '0.1',
    source: 'https://example.okta.com/api/v1/eventHooks/{{id:who:17}}',
    eventId: '{{uuid#delivery}}',
    data: { events: [logEvent(t, description)] },
    eventTime: '{{now:isoms}}',
    contentType: 'application/json',
  };
}

function logEvent(t, description) {
  const kinds = TARGETS[t.id.split('.')[0]] ?? ['Resource'];
  return {
    uuid: '{{uuid#event}}',
    published: '{{now:isoms:-1s}}',
    eventType: t.id,
    version: '0',
    displayMessage: description,
    severity: 'INFO',
    client: {
      userAgent: { rawUserAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', os: 'Mac OS X', browser: 'CHROME' },
      zone: 'null',
      device: 'Computer',
      id: null,
      ipAddress: '203.0.113.24',
      geographicalContext: { city: 'Toronto', state: 'Ontario', country: 'Canada', postalCode: 'M4M', geolocation: { lat: 43.6567, lon: -79.34 } },
    },
    device: null,
    actor: { id: '{{id:00u:17#actor}}', type: 'User', alternateId: 'admin@example.com', displayName: 'Ada Admin', detailEntry: null },
    outcome: { result: 'SUCCESS', reason: null },
    target: kinds.map((type, i) => target(type, i)),
    transaction: { type: 'WEB', id: '{{id::20#transaction}}', detail: {} },
    debugContext: { debugData: { requestId: '{{id::24#request}}', requestUri: '/api/v1/users', url: '/api/v1/users?' } },
    legacyEventType: null,
    authenticationContext: { authenticationStep: 0, externalSessionId: '{{id:102:22}}' },
    securityContext: { asNumber: 577, asOrg: 'example isp', isp: 'example isp', domain: 'example.net', isProxy: false },
    insertionTimestamp: null,
  };
}

function target(type, i) {
  if (type === 'User') return { id: `{{id:00u:17#${i === 0 ? 'user' : 'member'}}}`, type, alternateId: 'jane.doe@example.com', displayName: 'Jane Doe', detailEntry: null };
  return { id: `{{id:0oa:17#target${i}}}`, type, alternateId: 'unknown', displayName: type.replace(/([a-z])([A-Z])/g, '$1 $2'), detailEntry: null };
}
