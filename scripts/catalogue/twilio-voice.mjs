// Programmable Voice: the incoming-call request, a status callback for every CallStatus the twilio
// package declares, recording status callbacks and transcription callbacks. Fields: Twilio's TwiML
// voice request and Call resource docs (StatusCallback, StatusCallbackEvent, RecordingStatusCallback).
import { ACCOUNT_SID, API_VERSION, event, fixedDateNote, geo, members, OTHER_NUMBER, perValue, RFC2822_DATE, sid, TWILIO_NUMBER } from './twilio-common.mjs';

const CALL_SID = sid('CA', 'call');
const RECORDING_SID = sid('RE', 'recording');
const RECORDING_URL = `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT_SID}/Recordings/${RECORDING_SID}`;

/** The CallStatus values, as Twilio's TwiML docs describe them. */
const CALL_STATUS = {
  queued: 'the call is ready and waiting in line before going out',
  ringing: 'the call is ringing',
  'in-progress': 'the call was answered and is in progress',
  completed: 'the call was answered and ended normally',
  busy: 'the caller received a busy signal',
  failed: 'the call could not be completed as dialed',
  'no-answer': 'the call ended without being answered',
  canceled: 'the call was canceled via the REST API while ringing',
};

/**
 * Terminal events carry CallDuration and SipResponseCode ("completed, busy, failed, no-answer, or
 * canceled"), completed alone Duration (billed minutes). The docs' own codes: 404 for an unreachable
 * number, 487 for a timeout; 200 and 486 are SIP's answer and busy.
 */
const TERMINAL_SIP = { completed: '200', busy: '486', failed: '404', 'no-answer': '487', canceled: '487' };

/** SequenceNumber counts a call's callbacks from 0: initiated, ringing, answered, then the terminal one. */
const SEQUENCE = { queued: '0', ringing: '1', 'in-progress': '2' };

/**
 * Twilio posts transcribeCallback when a transcription ends, so the statuses it carries are the
 * TranscriptionStatus union's final ones; in-progress is never posted.
 */
const TRANSCRIBED = ['completed', 'failed'];

/** The party fields of every voice request: Caller and Called repeat From and To. */
function parties(direction) {
  const [from, to] = direction === 'inbound' ? [OTHER_NUMBER, TWILIO_NUMBER] : [TWILIO_NUMBER, OTHER_NUMBER];
  const called = direction === 'inbound' ? 'twilio' : 'other';
  return { From: from, To: to, Caller: from, Called: to, ...geo('To', called), ...geo('Called', called) };
}

/** The request Twilio makes to the number's voice URL when a call comes in. */
function incomingCall() {
  return { AccountSid: ACCOUNT_SID, ApiVersion: API_VERSION, CallSid: CALL_SID, CallStatus: 'ringing', Direction: 'inbound', ...parties('inbound'), ...geo('From', 'other') };
}

/** A call-progress status callback for a call made with the REST API (Direction outbound-api). */
function callStatus(status) {
  const body = { AccountSid: ACCOUNT_SID, ApiVersion: API_VERSION, CallSid: CALL_SID, CallStatus: status, Direction: 'outbound-api', ...parties('outbound-api') };
  Object.assign(body, { Timestamp: RFC2822_DATE, CallbackSource: 'call-progress-events', SequenceNumber: SEQUENCE[status] ?? '3' });
  if (TERMINAL_SIP[status]) body.CallDuration = status === 'completed' ? '42' : '0';
  if (status === 'completed') body.Duration = '1';
  if (TERMINAL_SIP[status]) body.SipResponseCode = TERMINAL_SIP[status];
  return body;
}

/** RecordingStatusCallback: the documented parameters, for a recording made with Record=true (OutboundAPI). */
function recordingStatus(status, source) {
  return {
    AccountSid: ACCOUNT_SID,
    CallSid: CALL_SID,
    RecordingSid: RECORDING_SID,
    RecordingUrl: RECORDING_URL,
    RecordingStatus: status,
    RecordingDuration: status === 'completed' ? '42' : '0',
    RecordingChannels: '1',
    RecordingStartTime: RFC2822_DATE,
    RecordingSource: source,
    RecordingTrack: 'both',
  };
}

/** transcribeCallback: the transcription's fields beside the call's own request parameters. */
function transcription(status) {
  const transcriptionSid = sid('TR', 'transcription');
  const body = { AccountSid: ACCOUNT_SID, ApiVersion: API_VERSION, CallSid: CALL_SID, CallStatus: 'completed', Direction: 'inbound', From: OTHER_NUMBER, To: TWILIO_NUMBER };
  Object.assign(body, { TranscriptionSid: transcriptionSid, TranscriptionStatus: status, TranscriptionUrl: `${RECORDING_URL}/Transcriptions/${transcriptionSid}` });
  if (status === 'completed') body.TranscriptionText = 'Hello, this is a voicemail left for hookctl.';
  return { ...body, RecordingSid: RECORDING_SID, RecordingUrl: RECORDING_URL };
}

/** A call status callback's note: its fixed Timestamp, and for queued why it exists though no call-progress event reports it. */
function callNote(status) {
  const timestamp = fixedDateNote('Timestamp');
  if (status === 'queued') return `no call-progress event reports queued (the initiated event reports initiated, which the package union lacks); kept because CallStatus declares it. ${timestamp}`;
  return timestamp;
}

/** The voice events: incoming call, one status callback per CallStatus, recording and transcription callbacks. */
export function voiceEvents(read) {
  const statuses = read.union('call', 'CallStatus');
  const describe = perValue(statuses, CALL_STATUS, 'CallStatus');
  // The recording callback events the package documents for recordingStatusCallbackEvent, each a RecordingStatus.
  const recordings = members(read.union('recording', 'RecordingStatus'), read.list('recording', 'recordingStatusCallbackEvent', 'Can be:'), 'RecordingStatus');
  const [source] = members(read.union('recording', 'RecordingSource'), ['OutboundAPI'], 'RecordingSource');
  const transcribed = members(read.union('transcription', 'TranscriptionStatus'), TRANSCRIBED, 'TranscriptionStatus');
  // CallbackSource tells a status callback from the voice request and the transcription callback, which share CallStatus.
  const out = [event('call.incoming', 'an incoming call: the request to your voice URL (CallStatus=ringing, Direction=inbound)', { CallStatus: 'ringing', Direction: 'inbound' }, incomingCall())];
  for (const status of statuses) {
    out.push(
      event(`call.status.${status}`, `a call status callback: ${describe(status)}`, { CallStatus: status, CallbackSource: 'call-progress-events' }, callStatus(status), { note: callNote(status) }),
    );
  }
  for (const status of recordings) {
    const note = fixedDateNote('RecordingStartTime');
    out.push(event(`recording.${status}`, `a recording status callback: RecordingStatus=${status}`, { RecordingStatus: status }, recordingStatus(status, source), { note }));
  }
  for (const status of transcribed) {
    out.push(event(`transcription.${status}`, `a transcription callback (<Record transcribeCallback>): TranscriptionStatus=${status}`, { TranscriptionStatus: status }, transcription(status)));
  }
  return out;
}
