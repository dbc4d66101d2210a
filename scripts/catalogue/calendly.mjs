// Every Calendly webhook event (data/calendly-events.json, see data/CALENDLY.md), each in Calendly's
// envelope `{ event, created_at, created_by, payload }` with the resource the event is about. No
// header names the event: each is matched by the body's `event`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const API = 'https://api.calendly.com';
const USER = `${API}/users/{{id::16#user}}`;
const EVENT = `${API}/scheduled_events/{{uuid#event}}`;
const INVITEE = `${EVENT}/invitees/{{uuid#invitee}}`;

export function calendlyCatalogue(root) {
  const data = JSON.parse(readFileSync(join(root, 'scripts/catalogue/data/calendly-events.json'), 'utf8'));
  const events = data.events.map((e) => ({ name: e.name, description: e.description, match: { event: e.name } }));
  const templates = new Map(data.events.map((e) => [e.name, { created_at: '{{now:isoms}}', created_by: USER, event: e.name, payload: payloadOf(e.name) }]));
  return { meta: { provider: 'calendly', source: `scripts/catalogue/data/calendly-events.json (${data.source}, read ${data.read})` }, events, templates };
}

function payloadOf(name) {
  if (name.startsWith('invitee_no_show.')) return { uri: `${API}/invitee_no_shows/{{uuid#no_show}}`, invitee: INVITEE, created_at: '{{now:isoms}}' };
  if (name === 'routing_form_submission.created') return routingSubmission();
  return invitee(name === 'invitee.canceled');
}

/** The Invitee resource (API reference, "Invitee"). */
function invitee(canceled) {
  return {
    uri: INVITEE,
    email: 'jane.doe@example.com',
    first_name: 'Jane',
    last_name: 'Doe',
    name: 'Jane Doe',
    status: canceled ? 'canceled' : 'active',
    questions_and_answers: [{ question: 'What would you like to discuss?', answer: 'Webhook retries', position: 0 }],
    timezone: 'America/New_York',
    event: EVENT,
    created_at: '{{now:isoms:-1h}}',
    updated_at: '{{now:isoms}}',
    tracking: { utm_campaign: null, utm_source: null, utm_medium: null, utm_content: null, utm_term: null, salesforce_uuid: null },
    text_reminder_number: null,
    rescheduled: false,
    old_invitee: null,
    new_invitee: null,
    cancel_url: 'https://calendly.com/cancellations/{{uuid#invitee}}',
    reschedule_url: 'https://calendly.com/reschedulings/{{uuid#invitee}}',
    routing_form_submission: null,
    cancellation: canceled ? { canceled_by: 'Jane Doe', reason: 'Something came up', canceler_type: 'invitee', created_at: '{{now:isoms}}' } : undefined,
    payment: null,
    no_show: null,
    reconfirmation: null,
    scheduling_method: null,
    invitee_scheduled_by: null,
    scheduled_event: {
      uri: EVENT,
      name: '30 Minute Meeting',
      meeting_notes_plain: null,
      meeting_notes_html: null,
      status: canceled ? 'canceled' : 'active',
      start_time: '{{now:isoms:+2d}}',
      end_time: '{{now:isoms:+2d}}',
      event_type: `${API}/event_types/{{uuid#event_type}}`,
      location: { type: 'google_conference', status: 'pushed', join_url: 'https://meet.google.com/abc-defg-hij' },
      invitees_counter: { total: 1, active: canceled ? 0 : 1, limit: 1 },
      created_at: '{{now:isoms:-1h}}',
      updated_at: '{{now:isoms}}',
      event_memberships: [{ user: USER, user_email: 'host@example.com', user_name: 'Alex Host' }],
      event_guests: [],
    },
  };
}

/** The Routing Form Submission resource (API reference, "Routing Form Submission"). */
function routingSubmission() {
  return {
    uri: `${API}/routing_form_submissions/{{uuid#submission}}`,
    routing_form: `${API}/routing_forms/{{uuid#routing_form}}`,
    questions_and_answers: [{ question_uuid: '{{uuid#question}}', question: 'Company size', answer: '51-200' }],
    tracking: { utm_campaign: null, utm_source: null, utm_medium: null, utm_content: null, utm_term: null, salesforce_uuid: null },
    result: { type: 'event_type', value: `${API}/event_types/{{uuid#event_type}}` },
    submitter: INVITEE,
    submitter_type: 'Invitee',
    created_at: '{{now:isoms}}',
    updated_at: '{{now:isoms}}',
  };
}
