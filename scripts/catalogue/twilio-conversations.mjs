// Conversations post-action webhooks: the event names are the post-event triggers the twilio
// package lists for the global webhook's `filters`; each event's parameters are the table Twilio's
// "Conversations Webhooks" page gives for it. Pre-action webhooks (onMessageAdd, ...) expect an
// answer that can change or reject the action, which a one-way delivery cannot model: not listed.
import { ACCOUNT_SID, event, OTHER_NUMBER, sid, TWILIO_NUMBER } from './twilio-common.mjs';

/** Each post-action event: what fires it and its documented parameters (beside AccountSid, EventType, Source). */
const POST_EVENTS = {
  onMessageAdded: ['a new message was posted to a conversation', 'ConversationSid MessageSid MessagingServiceSid Index DateCreated Body Author ParticipantSid Attributes'],
  onMessageUpdated: ["a posted message's body or attributes changed", 'ConversationSid MessageSid Index DateCreated DateUpdated Body Author ParticipantSid Attributes'],
  onMessageRemoved: ['a message was deleted from a conversation', 'ConversationSid MessageSid Index DateCreated DateUpdated DateRemoved Body Author ParticipantSid Attributes'],
  onConversationAdded: [
    'a new conversation was created',
    'ConversationSid DateCreated DateUpdated FriendlyName UniqueName Attributes ChatServiceSid MessagingServiceSid MessagingBinding.ProxyAddress MessagingBinding.Address State',
  ],
  onConversationUpdated: ['an attribute of a conversation changed', 'ConversationSid DateCreated DateUpdated FriendlyName UniqueName Attributes ChatServiceSid MessagingServiceSid State'],
  onConversationRemoved: [
    'a conversation was removed from the service',
    'ConversationSid DateCreated DateUpdated DateRemoved FriendlyName UniqueName Attributes ChatServiceSid MessagingServiceSid State',
  ],
  onConversationStateUpdated: ['the state of a conversation changed (active, inactive, closed)', 'ChatServiceSid StateUpdated StateFrom StateTo ConversationSid Reason MessagingServiceSid'],
  onParticipantAdded: [
    'a participant joined a conversation',
    'ConversationSid ParticipantSid DateCreated RoleSid Attributes MessagingBinding.ProxyAddress MessagingBinding.Address MessagingBinding.Type',
  ],
  onParticipantUpdated: [
    'an attribute of a participant changed',
    'ConversationSid ParticipantSid DateCreated DateUpdated RoleSid Attributes MessagingBinding.ProxyAddress MessagingBinding.Address MessagingBinding.Type LastReadMessageIndex',
  ],
  onParticipantRemoved: [
    'a participant was removed from a conversation',
    'ConversationSid ParticipantSid DateCreated DateUpdated DateRemoved RoleSid Attributes MessagingBinding.ProxyAddress MessagingBinding.Address MessagingBinding.Type',
  ],
  onDeliveryUpdated: [
    'the delivery receipt of a message was updated',
    'ConversationSid ChatServiceSid MessageSid DeliveryReceiptSid ChannelMessageSid ParticipantSid Status ErrorCode DateCreated DateUpdated',
  ],
  onUserAdded: ['a new user was added to the service', 'ChatServiceSid UserSid DateCreated Identity RoleSid Attributes FriendlyName'],
  onUserUpdated: ['a user changed', 'ChatServiceSid UserSid DateCreated DateUpdated Identity RoleSid Attributes FriendlyName isOnline isNotifiable'],
};

/**
 * Only SDK clients' and SMS participants' actions fire webhooks unless a REST call asks for it, so
 * the user-driven events come from an SDK user (with ClientIdentity); delivery receipts and state
 * timers are Twilio's own doing.
 */
const FROM_API = new Set(['onDeliveryUpdated', 'onConversationStateUpdated']);

/** One value per documented parameter; participants are SMS participants (the binding fields filled, no Identity). */
function values(name) {
  const created = name.endsWith('Added') ? '{{now:iso}}' : '{{now:iso:-5m}}';
  return {
    ConversationSid: sid('CH', 'conversation'),
    MessageSid: sid('IM', 'message'),
    MessagingServiceSid: sid('MG', 'messaging'),
    ChatServiceSid: sid('IS', 'chat'),
    ParticipantSid: sid('MB', 'participant'),
    UserSid: sid('US', 'user'),
    RoleSid: sid('RL', 'role'),
    DeliveryReceiptSid: sid('DY', 'receipt'),
    ChannelMessageSid: sid('SM', 'channel'),
    Index: '{{int:0:99#index}}',
    LastReadMessageIndex: '{{int:0:99#index}}',
    DateCreated: created,
    DateUpdated: '{{now:iso}}',
    DateRemoved: '{{now:iso}}',
    StateUpdated: '{{now:iso}}',
    Body: 'Hello from hookctl',
    Author: 'alice',
    Attributes: '{}',
    FriendlyName: 'Support',
    UniqueName: 'support',
    State: 'active',
    StateFrom: 'active',
    StateTo: 'inactive',
    Reason: 'TIMER',
    Identity: 'alice',
    'MessagingBinding.ProxyAddress': TWILIO_NUMBER,
    'MessagingBinding.Address': OTHER_NUMBER,
    'MessagingBinding.Type': 'SMS',
    Status: 'delivered',
    ErrorCode: '0',
    isOnline: 'true',
    isNotifiable: 'false',
  };
}

function template(name, fields) {
  const v = values(name);
  const source = FROM_API.has(name) ? { Source: 'API' } : { Source: 'SDK', ClientIdentity: 'alice' };
  const body = { AccountSid: ACCOUNT_SID, EventType: name, ...source };
  for (const field of fields.split(' ')) {
    if (!Object.hasOwn(v, field)) throw new Error(`twilio: no value for the Conversations parameter ${field} (${name})`);
    body[field] = v[field];
  }
  return body;
}

/** The post-action events among the package's filter values: past-tense names (onMessageAdded, not onMessageAdd). */
export function conversationsPostEvents(read) {
  return read.list('conversations', 'filters', 'enabled for this Service:').filter((f) => /^on[A-Z]\w*ed$/.test(f));
}

export function conversationsEvents(read) {
  const names = conversationsPostEvents(read);
  const missing = names.filter((n) => !Object.hasOwn(POST_EVENTS, n));
  if (missing.length) throw new Error(`twilio: no parameters for the Conversations events ${missing.join(', ')}: add them from Twilio's Conversations Webhooks page`);
  return names.map((name) => {
    const [description, fields] = POST_EVENTS[name];
    return event(`conversations.${name}`, `a Conversations post-action webhook: ${description}`, { EventType: name }, template(name, fields));
  });
}
