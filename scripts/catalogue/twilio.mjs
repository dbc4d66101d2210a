// Every Twilio webhook hookctl sends: the statuses and event names come from the `twilio` package's
// type definitions (read at generation time, so a new status appears when the package adds it), the
// fields of each request from Twilio's docs. Where each fact comes from: scripts/catalogue/data/TWILIO.md.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACCOUNT_SID, event, sid } from './twilio-common.mjs';
import { conversationsEvents } from './twilio-conversations.mjs';
import { messagingEvents } from './twilio-messaging.mjs';
import { voiceEvents } from './twilio-voice.mjs';

const TWILIO = 'node_modules/twilio';
const ACCOUNT = 'lib/rest/api/v2010/account';

/** The package files the generator reads, by what they declare. */
export const TWILIO_FILES = {
  message: `${ACCOUNT}/message.d.ts`,
  call: `${ACCOUNT}/call.d.ts`,
  // A call's recordings: the resource whose recording_status_callback these callbacks are.
  recording: `${ACCOUNT}/call/recording.d.ts`,
  transcription: `${ACCOUNT}/transcription.d.ts`,
  // The account-wide Conversations webhook, whose `filters` list every trigger (the service-level one omits the user events).
  conversations: 'lib/rest/conversations/v1/configuration/webhook.d.ts',
};

function packageText(root, file) {
  return readFileSync(join(root, TWILIO, file), 'utf8');
}

/** The members of a string-literal union in a package .d.ts: `export type MessageStatus = "queued" | ...;`. */
export function twilioUnion(root, file, name) {
  const m = new RegExp(`^export type ${name} = ((?:"[^"]*"(?: \\| )?)+);$`, 'm').exec(packageText(root, file));
  if (!m) throw new Error(`twilio: no string union ${name} in ${TWILIO}/${file}`);
  return [...m[1].matchAll(/"([^"]*)"/g)].map((v) => v[1]);
}

/**
 * The values a property's doc comment lists (`filters`, `recordingStatusCallbackEvent`), where the
 * package types them only as string[]: the backticked words of the sentence that starts at `marker`
 * ("Can be:"), each once. The first declaration of the property is read.
 */
export function twilioDocList(root, file, property, marker) {
  const m = new RegExp(`/\\*\\*([^\\n]*?)\\*/\\n\\s*${property}\\?:`).exec(packageText(root, file));
  const at = m ? m[1].indexOf(marker) : -1;
  if (at < 0) throw new Error(`twilio: no doc comment with "${marker}" on ${property} in ${TWILIO}/${file}`);
  const sentence = m[1].slice(at + marker.length).split(/\.(?:\s|$)/)[0];
  const values = [...new Set([...sentence.matchAll(/`([^`]+)`/g)].map((v) => v[1]))];
  if (!values.length) throw new Error(`twilio: the doc comment of ${property} in ${TWILIO}/${file} lists no values after "${marker}"`);
  return values;
}

export function twilioVersion(root) {
  return JSON.parse(packageText(root, 'package.json')).version;
}

/**
 * A JSON-bodied webhook (Event Streams' CloudEvents, Studio): the body is bound by its SHA-256 in
 * the signed URL's bodySHA256. Unchanged from the hand-written fixture.
 */
function jsonEvent() {
  const message = sid('SM', 'msg');
  const template = {
    specversion: '1.0',
    type: 'com.twilio.messaging.message.delivered',
    source: `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/${message}.json`,
    id: 'EZ{{hex:32}}',
    dataschema: 'https://events-schemas.twilio.com/Messaging.MessageStatus/4',
    datacontenttype: 'application/json',
    time: '{{now:iso}}',
    data: { accountSid: ACCOUNT_SID, messageSid: message, messageStatus: 'DELIVERED', to: '+14155550123', from: '+14155550100' },
  };
  const description = 'a JSON-bodied webhook (Studio, Event Streams): bound by bodySHA256 in the URL';
  return event('webhook.json', description, { specversion: true }, template, { contentType: 'application/json' });
}

/** The catalogue: messaging, voice and Conversations events (form bodies), then the JSON event. */
export function twilioCatalogue(root) {
  const read = {
    union: (file, name) => twilioUnion(root, TWILIO_FILES[file], name),
    list: (file, property, marker) => twilioDocList(root, TWILIO_FILES[file], property, marker),
  };
  const events = [];
  const templates = new Map();
  for (const { entry, template } of [...messagingEvents(read), ...voiceEvents(read), ...conversationsEvents(read), jsonEvent()]) {
    if (templates.has(entry.name)) throw new Error(`twilio: two events named ${entry.name}`);
    events.push(entry);
    templates.set(entry.name, template);
  }
  const files = Object.values(TWILIO_FILES).join(', ');
  const source = `twilio@${twilioVersion(root)}: ${files} (statuses and event names); fields from Twilio's docs, see scripts/catalogue/data/TWILIO.md`;
  return { meta: { provider: 'twilio', source }, events, templates };
}
