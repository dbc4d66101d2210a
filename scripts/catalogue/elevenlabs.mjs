// Every post-call webhook ElevenLabs documents (data/elevenlabs-events.json, see data/ELEVENLABS.md),
// each in its envelope `{ type, event_timestamp, data }`. No header names the event: each is
// matched by the body's `type`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const AGENT = '{{id:agent_:26#agent}}';
const CONVERSATION = '{{id:conv_:26#conversation}}';

export function elevenlabsCatalogue(root) {
  const data = JSON.parse(readFileSync(join(root, 'scripts/catalogue/data/elevenlabs-events.json'), 'utf8'));
  const events = data.events.map((e) => ({ name: e.name, description: e.description, match: { type: e.name } }));
  const templates = new Map(data.events.map((e) => [e.name, { type: e.name, event_timestamp: '{{now:s}}', data: BODIES[e.name]() }]));
  return { meta: { provider: 'elevenlabs', source: `scripts/catalogue/data/elevenlabs-events.json (${data.source}, read ${data.read})` }, events, templates };
}

const BODIES = {
  post_call_transcription: () => ({
    agent_id: AGENT,
    conversation_id: CONVERSATION,
    status: 'done',
    user_id: null,
    transcript: [
      { role: 'agent', message: 'Hi, this is the Example Dental front desk. How can I help?', time_in_call_secs: 0 },
      { role: 'user', message: 'I would like to move my appointment to Friday.', time_in_call_secs: 4 },
      { role: 'agent', message: 'Friday at 10 am is free. Shall I book it?', time_in_call_secs: 9 },
    ],
    metadata: {
      start_time_unix_secs: '{{now:s:-2m}}',
      call_duration_secs: 42,
      cost: 296,
      termination_reason: 'end_call tool was called.',
      main_language: 'en',
      phone_call: { direction: 'inbound', phone_number_id: '{{id:phnum_:26}}', agent_number: '+14155550100', external_number: '+14155550123', type: 'twilio', call_sid: 'CA{{hex:32}}' },
    },
    analysis: {
      evaluation_criteria_results: {},
      data_collection_results: {},
      call_successful: 'success',
      transcript_summary: 'The caller moved their appointment to Friday at 10 am.',
    },
    conversation_initiation_client_data: { conversation_config_override: { agent: { language: 'en' } }, dynamic_variables: {} },
    has_audio: true,
    has_user_audio: true,
    has_response_audio: true,
  }),
  // A few bytes of an MP3 frame header stand in for the recording (real ones are megabytes).
  post_call_audio: () => ({ agent_id: AGENT, conversation_id: CONVERSATION, full_audio: '//uQxAAAAAAAAAAAAAAAAAAAAAAAWGluZwAAAA8AAAACAAADhAC7u7u7' }),
  call_initiation_failure: () => ({
    agent_id: AGENT,
    conversation_id: CONVERSATION,
    failure_reason: 'busy',
    metadata: { type: 'twilio', body: { CallSid: 'CA{{hex:32}}', CallStatus: 'busy', To: '+14155550123', From: '+14155550100', Direction: 'outbound-api' } },
  }),
};
