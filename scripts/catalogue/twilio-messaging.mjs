// Programmable Messaging: the incoming-message webhook (SMS and MMS) and a status callback for
// every MessageStatus the twilio package declares. Fields: Twilio's "Twilio's request to your
// incoming message Webhook URL" and "Track the Message Status of Outbound Messages" guides.
import { ACCOUNT_SID, API_VERSION, event, OTHER_NUMBER, perValue, sid, TWILIO_NUMBER } from './twilio-common.mjs';

const MESSAGE_SID = sid('SM', 'msg');

/** What each status means (Twilio's Message resource status values, in our words). */
const MESSAGE_STATUS = {
  queued: 'the outgoing message is queued and waiting to be sent',
  sending: 'Twilio is dispatching the outgoing message to the carrier',
  sent: 'the carrier accepted the outgoing message',
  failed: 'the outgoing message could not be sent (ErrorCode says why)',
  delivered: 'the carrier confirmed delivery of the outgoing message',
  undelivered: 'the carrier could not deliver the outgoing message (ErrorCode says why)',
  receiving: 'Twilio is receiving an incoming message',
  received: 'an incoming message was received',
  accepted: 'a Messaging Service accepted the outgoing message and is choosing a sender',
  scheduled: 'the outgoing message is scheduled to be sent later',
  read: 'the recipient read the message (read receipts: WhatsApp only)',
  partially_delivered: 'some parts of the outgoing message were delivered',
  canceled: 'the scheduled message was canceled',
};

/** ErrorCode "if an error occurred (i.e. the MessageStatus is failed or undelivered)": 30008 unknown error, 30003 unreachable handset. */
const ERROR_CODE = { failed: '30008', undelivered: '30003' };

/**
 * "For most SMS/MMS Messages that have a Status of delivered or undelivered" Twilio adds the
 * carrier's done date, in YYMMDDhhmm: a fixed one, as hookctl has no token for that format.
 */
const RAW_DLR_DONE = new Set(['delivered', 'undelivered']);
const RAW_DLR_DONE_DATE = '2601011200';

/** Statuses of incoming messages: their callback comes from the other party to your number. */
const INBOUND = new Set(['receiving', 'received']);

/** The incoming SMS, as Twilio posts it to the number's messaging webhook (the hand-written fixture's fields). */
function incomingSms() {
  return {
    ToCountry: 'US',
    ToState: 'CA',
    SmsMessageSid: MESSAGE_SID,
    NumMedia: '0',
    ToCity: 'SAN FRANCISCO',
    FromZip: '94107',
    SmsSid: MESSAGE_SID,
    FromState: 'CA',
    SmsStatus: 'received',
    FromCity: 'SAN FRANCISCO',
    Body: 'Hello from hookctl: café & crêpes?',
    FromCountry: 'US',
    To: TWILIO_NUMBER,
    ToZip: '94105',
    NumSegments: '1',
    MessageSid: MESSAGE_SID,
    AccountSid: ACCOUNT_SID,
    From: OTHER_NUMBER,
    ApiVersion: API_VERSION,
  };
}

/** An MMS: NumMedia and, per attachment N, MediaContentTypeN and MediaUrlN (the media's REST URL). */
function incomingMms() {
  const sms = incomingSms();
  const media = `https://api.twilio.com/2010-04-01/Accounts/${ACCOUNT_SID}/Messages/${MESSAGE_SID}/Media/${sid('ME', 'media')}`;
  return { ...sms, NumMedia: '1', Body: 'A photo from hookctl', MediaContentType0: 'image/jpeg', MediaUrl0: media };
}

/**
 * A status callback: "a subset of the standard request properties, and additionally MessageStatus
 * and ErrorCode" (Twilio's example: AccountSid, From, MessageSid, MessageStatus, SmsSid, SmsStatus).
 * A read receipt comes from a WhatsApp sender, whose callbacks add ChannelInstallSid, ChannelPrefix and EventType=READ.
 */
function statusCallback(status) {
  const whatsapp = status === 'read';
  const address = (number) => (whatsapp ? `whatsapp:${number}` : number);
  const [from, to] = INBOUND.has(status) ? [OTHER_NUMBER, TWILIO_NUMBER] : [TWILIO_NUMBER, OTHER_NUMBER];
  const body = {
    ApiVersion: API_VERSION,
    MessageStatus: status,
    SmsSid: MESSAGE_SID,
    SmsStatus: status,
    To: address(to),
    From: address(from),
    MessageSid: MESSAGE_SID,
    AccountSid: ACCOUNT_SID,
  };
  if (ERROR_CODE[status]) body.ErrorCode = ERROR_CODE[status];
  if (RAW_DLR_DONE.has(status)) body.RawDlrDoneDate = RAW_DLR_DONE_DATE;
  if (whatsapp) Object.assign(body, { ChannelInstallSid: sid('XE', 'channel'), ChannelPrefix: 'whatsapp', EventType: 'READ' });
  return body;
}

function statusNote(status) {
  if (INBOUND.has(status)) return 'an incoming-message status: Twilio documents status callbacks for outgoing messages; this is their shape with it';
  if (RAW_DLR_DONE.has(status)) return `RawDlrDoneDate is a fixed carrier date (${RAW_DLR_DONE_DATE}, YYMMDDhhmm): hookctl's time tokens have no such format`;
  return undefined;
}

/** The messaging events: incoming SMS and MMS, the kept message.status, then one callback per MessageStatus. */
export function messagingEvents(read) {
  const statuses = read.union('message', 'MessageStatus');
  const describe = perValue(statuses, MESSAGE_STATUS, 'MessageStatus');
  // A form's fields are strings: NumMedia "0" tells an SMS from an MMS, which has a first attachment.
  const out = [
    event('message.received', 'an incoming SMS (form: MessageSid, From, To, Body, NumMedia=0, geographic fields)', { SmsStatus: 'received', NumMedia: '0' }, incomingSms()),
    event('message.received.mms', 'an incoming MMS with one image (NumMedia=1, MediaContentType0, MediaUrl0)', { SmsStatus: 'received', MediaUrl0: true }, incomingMms()),
    // Kept so `send twilio/message.status` still works: a sent callback from a Messaging Service,
    // whose MessagingServiceSid (a standard request property) makes its match the more specific one.
    event(
      'message.status',
      'a status callback for an outgoing message sent through a Messaging Service (MessageStatus=sent, MessagingServiceSid)',
      { MessageStatus: 'sent', MessagingServiceSid: true },
      { ...statusCallback('sent'), MessagingServiceSid: sid('MG', 'service') },
    ),
  ];
  for (const status of statuses) {
    out.push(event(`message.status.${status}`, `a message status callback: ${describe(status)}`, { MessageStatus: status }, statusCallback(status), { note: statusNote(status) }));
  }
  return out;
}
