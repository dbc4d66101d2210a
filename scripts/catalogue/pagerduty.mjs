// Every PagerDuty v3 webhook event type (data/pagerduty-events.json; see data/PAGERDUTY.md), each
// one event in the v3 envelope `{ event: { id, event_type, resource_type, occurred_at, agent,
// client, data } }`, its data the object the docs name for it (`incident`, `incident_note`...),
// written by hookctl with its own values under the documented field names.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const WEB = 'https://hookctl.pagerduty.com';
const API = 'https://api.pagerduty.com';

/** A resource reference, as PagerDuty writes one (`service_reference` for a service). */
function ref(kind, id, summary, path = `${kind}s`) {
  return { html_url: `${WEB}/${path}/${id}`, id, self: `${API}/${path}/${id}`, summary, type: `${kind}_reference` };
}

const SERVICE = ref('service', 'PSV4K2Q', 'Checkout API');
const INCIDENT = ref('incident', 'Q2HKC7ZXPL9A4M', 'Checkout API error rate above 5%');
const USER = ref('user', 'PUS8M3D', 'Jane Cooper');
const POLICY = ref('escalation_policy', 'PEP5R7T', 'Checkout on-call', 'escalation_policies');
const TEAM = ref('team', 'PTM2W6N', 'Payments');

const STATUS = { 'incident.acknowledged': 'acknowledged', 'incident.resolved': 'resolved' };

function incident(event) {
  return {
    id: INCIDENT.id,
    type: 'incident',
    self: INCIDENT.self,
    html_url: INCIDENT.html_url,
    number: 142,
    status: STATUS[event] ?? 'triggered',
    incident_key: '{{hex:32}}',
    created_at: '{{now:iso:-10m}}',
    ...(event === 'incident.reopened' ? { reopened_at: '{{now:iso}}' } : {}),
    title: INCIDENT.summary,
    incident_type: { name: event === 'incident.incident_type.changed' ? 'security' : 'base' },
    service: SERVICE,
    assignees: [USER],
    escalation_policy: POLICY,
    teams: [TEAM],
    priority: { html_url: `${WEB}/account/incident_priorities`, id: 'PPR1A9B', self: `${API}/priorities/PPR1A9B`, summary: 'P1', type: 'priority_reference' },
    urgency: 'high',
    conference_bridge: { conference_number: '+1 555-555-0142,,142142#', conference_url: 'https://meet.hookctl.dev/incident-142' },
    resolve_reason: null,
  };
}

const field = (id, name, value) => ({ data_type: 'string', field_type: 'single_value', id, name, type: 'field_value', value });

/** `event.data` of each documented data type, for one event. */
const DATA = {
  incident,
  incident_conference_bridge: () => ({
    incident: INCIDENT,
    conference_numbers: [{ label: 'US', number: '+1 555-555-0142,,142142#' }],
    conference_url: 'https://meet.hookctl.dev/incident-142',
    type: 'incident_conference_bridge',
  }),
  incident_field_values: () => ({
    incident: INCIDENT,
    custom_fields: [{ ...field('PCF1E2F', 'region', 'eu-west-1'), namespace: 'incidents' }],
    changed_custom_fields: [{ ...field('PCF1E2F', 'region', 'eu-west-1'), namespace: 'incidents' }],
    type: 'incident_field_values',
  }),
  incident_note: () => ({ incident: INCIDENT, id: 'PNT3G4H', content: 'Rolled back the 14:02 deploy; error rate is falling.', trimmed: false, type: 'incident_note' }),
  incident_role_assignment: () => ({
    type: 'incident_role_assignment',
    incident_role_assignments: [
      {
        assignee: USER,
        id: 'PRA5J6K',
        incident: INCIDENT,
        old_assignee: null,
        role: { id: 'PRL7L8M', summary: 'Incident Commander', type: 'incident_role_reference' },
        status: 'assigned',
        type: 'incident_role_assignment',
      },
    ],
  }),
  incident_status_update: () => ({ incident: INCIDENT, id: 'PSU9N0P', message: 'Checkout errors are back to normal; we keep watching.', trimmed: false, type: 'incident_status_update' }),
  incident_responder: (event) => ({
    incident: INCIDENT,
    user: USER,
    escalation_policy: POLICY,
    message: 'Can you look at the payments database?',
    state: event === 'incident.responder.replied' ? 'joined' : 'pending',
    type: 'incident_responder',
  }),
  incident_task: (event) => ({
    name: 'Post the customer update',
    description: 'Draft and post the status page update.',
    id: 'PTK1Q2R',
    summary: 'Post the customer update',
    type: 'incident_task',
    status: event === 'incident.task.completed' ? 'completed' : 'open',
    assignees: [USER],
    incident: INCIDENT,
  }),
  incident_workflow_instance: () => ({
    id: 'PWI3S4T',
    type: 'incident_workflow_instance',
    summary: 'Major incident workflow',
    incident_workflow: ref('incident_workflow', 'PWF5U6V', 'Major incident workflow'),
    workflow_trigger: ref('workflow_trigger', 'PWT7W8X', 'On priority P1'),
    incident: INCIDENT,
    service: SERVICE,
  }),
  incident_action_invocation: (event) => ({
    id: 'PAI9Y0Z',
    self: `${API}/incidents/${INCIDENT.id}/action_invocations/PAI9Y0Z`,
    html_url: `${INCIDENT.html_url}/actions/PAI9Y0Z`,
    incident: INCIDENT,
    action: ref('action', 'PAC1B2C', 'Restart checkout pods'),
    state: event.endsWith('terminated') ? 'terminated' : event.endsWith('created') ? 'created' : 'running',
    type: 'incident_action_invocation',
  }),
  service: () => ({ html_url: SERVICE.html_url, id: SERVICE.id, self: SERVICE.self, summary: SERVICE.summary, alert_creation: 'create_alerts_and_incidents', teams: [TEAM], type: 'service' }),
  service_field_values: () => ({ service: SERVICE, custom_fields: [field('PCF3D4E', 'tier', 'tier-1')], changed_custom_fields: [field('PCF3D4E', 'tier', 'tier-1')], type: 'service_field_values' }),
};

export function pagerdutyCatalogue(root) {
  const data = JSON.parse(readFileSync(join(root, 'scripts/catalogue/data/pagerduty-events.json'), 'utf8'));
  const events = [];
  const templates = new Map();
  for (const e of data.events) {
    const build = DATA[e.dataType];
    if (!build) throw new Error(`pagerduty: no body for data type ${e.dataType}`);
    events.push({ name: e.name, description: e.description, match: { 'event.event_type': e.name } });
    // Service changes and automation carry no person: the docs' service example has a null agent and client.
    const byPerson = e.name.startsWith('incident.');
    templates.set(e.name, {
      event: {
        id: '{{uuid#event}}',
        event_type: e.name,
        resource_type: e.name.split('.')[0],
        occurred_at: '{{now:isoms}}',
        agent: byPerson ? USER : null,
        client: byPerson ? { name: 'PagerDuty' } : null,
        data: build(e.name),
      },
    });
  }
  return { meta: { provider: 'pagerduty', source: `PagerDuty/developer-docs@${data.commit.slice(0, 12)} docs/webhooks/01-Overview.md (Event Types, read ${data.read})` }, events, templates };
}
