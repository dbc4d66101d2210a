// Every Intercom webhook topic (data/intercom-events.json; see data/INTERCOM.md), each in the
// notification envelope the docs' "Signed notifications" example shows: `{ type: "notification_event",
// id: "notif_…", topic, app_id, data: { type: "notification_event_data", item }, created_at,
// delivery_attempts, first_sent_at }`, the item the object the topic's table row names (its `group`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const APP = 'a86dr8yl';
const hexId = (tag) => `{{hex:24#${tag}}}`;
const contact = (role = 'user') => ({
  type: 'contact',
  id: hexId('contact'),
  role,
  external_id: 'user-{{int:1000:9999}}',
  email: 'jane@hookctl.dev',
  name: 'Jane Cooper',
  created_at: '{{now:s:-30d}}',
  updated_at: '{{now:s}}',
});
const admin = {
  type: 'admin',
  id: '{{str:int:1000000:9999999}}',
  name: 'Alex Morgan',
  email: 'alex@hookctl.dev',
  away_mode_enabled: false,
  away_mode_reassign: false,
  has_inbox_seat: true,
  team_ids: [],
};
const tag = { type: 'tag', id: '{{str:int:1000:9999}}', name: 'vip' };
const part = (kind) => ({
  type: 'conversation_part',
  id: '{{str:int:10000000:99999999}}',
  part_type: kind,
  body: '<p>Thanks, your refund is on its way.</p>',
  created_at: '{{now:s}}',
  author: { type: 'admin', id: admin.id, name: admin.name },
});

/** The part type a conversation topic adds (`conversation.admin.closed` → `close`). */
const PART = { assigned: 'assignment', closed: 'close', noted: 'note', opened: 'open', replied: 'comment', snoozed: 'snoozed', unsnoozed: 'timer_unsnooze', created: 'comment' };

function conversation(topic) {
  const verb = topic.split('.').at(-1);
  const state = verb === 'closed' ? 'closed' : verb === 'snoozed' ? 'snoozed' : 'open';
  return {
    type: 'conversation',
    id: '{{str:int:100000000000:999999999999}}',
    created_at: '{{now:s:-1h}}',
    updated_at: '{{now:s}}',
    title: null,
    state,
    open: state === 'open',
    read: topic === 'conversation.read',
    priority: topic === 'conversation.priority.updated' ? 'priority' : 'not_priority',
    source: { type: 'conversation', delivered_as: 'customer_initiated', body: '<p>My refund has not arrived.</p>', author: { type: 'user', id: hexId('contact') } },
    contacts: { type: 'contact.list', contacts: [{ type: 'contact', id: hexId('contact') }] },
    conversation_rating: topic === 'conversation.rating.added' ? { rating: 5, remark: 'Quick and kind.', created_at: '{{now:s}}' } : null,
    conversation_parts: { type: 'conversation_part.list', conversation_parts: [part(PART[verb] ?? 'comment')], total_count: 1 },
  };
}

const ticket = (topic) => ({
  type: 'ticket',
  id: '{{str:int:1000:9999}}',
  ticket_id: '{{str:int:100:999}}',
  ticket_state: topic === 'ticket.closed' ? 'resolved' : 'in_progress',
  ticket_attributes: { _default_title_: 'Refund missing', _default_description_: 'The refund of order 1042 has not arrived.' },
  contacts: { type: 'contact.list', contacts: [{ type: 'contact', id: hexId('contact') }] },
  admin_assignee_id: admin.id,
  created_at: '{{now:s:-1h}}',
  updated_at: '{{now:s}}',
  open: topic !== 'ticket.closed',
});

const company = {
  type: 'company',
  id: hexId('company'),
  name: 'Example Company Inc.',
  company_id: '6',
  remote_created_at: '{{now:s:-90d}}',
  created_at: '{{now:s:-30d}}',
  updated_at: '{{now:s}}',
  custom_attributes: {},
};

/** The `data.item` of each group of topics. */
const ITEM = {
  admin: () => admin,
  article: (t) => ({
    type: 'article',
    id: '{{str:int:1000000:9999999}}',
    title: 'How refunds work',
    state: t === 'article.published' ? 'published' : 'draft',
    author_id: admin.id,
    created_at: '{{now:s:-1d}}',
    updated_at: '{{now:s}}',
  }),
  call: (t) => ({
    type: 'call',
    id: '{{str:int:100000:999999}}',
    state: t === 'call.started' ? 'in_progress' : 'completed',
    direction: 'inbound',
    conversation_id: '{{str:int:100000000000:999999999999}}',
    created_at: '{{now:s:-10m}}',
  }),
  company: (t) => (t.includes('.contact.') ? { ...company, contact: contact() } : company),
  contact: (t) => {
    if (t.includes('.tag.')) return { type: 'contact_tag', created_at: '{{now:s}}', tag, contact: contact(t.includes('.lead.') ? 'lead' : 'user') };
    if (t === 'contact.subscribed' || t === 'contact.unsubscribed') return { type: 'subscription', contact: contact() };
    const item = contact(t.includes('.lead.') ? 'lead' : 'user');
    return t === 'contact.merged' ? { ...item, merged_from: { type: 'contact', id: hexId('merged') } } : item;
  },
  content_stat: (t) => ({
    type: t,
    created_at: '{{now:isoms}}',
    content_stat: { id: '{{str:int:1000:9999}}', content_type: t.split('.')[1], content_id: '{{str:int:1000:9999}}', stat_type: 'receipt', content_title: 'Welcome', ruleset_id: '{{str:int:10:99}}' },
    contact: contact(),
  }),
  conversation,
  event: () => ({ type: 'event', event_name: 'ordered-item', created_at: '{{now:s}}', user_id: 'user-{{int:1000:9999}}', metadata: { order_number: 1042 } }),
  job: () => ({ type: 'job', id: '{{str:int:1000:9999}}', status: 'completed', completed_at: '{{now:s}}' }),
  ping: () => ({ type: 'ping', message: 'something something interzen' }),
  subscription: (t) => ({ type: 'subscription', subscription_type_id: '{{str:int:1:99}}', consent_type: t === 'granular.subscribe' ? 'opt_in' : 'opt_out', contact: contact() }),
  ticket,
  visitor: () => contact('user'),
};

export function intercomCatalogue(root) {
  const data = JSON.parse(readFileSync(join(root, 'scripts/catalogue/data/intercom-events.json'), 'utf8'));
  const events = [];
  const templates = new Map();
  for (const e of data.events) {
    const item = ITEM[e.group];
    if (!item) throw new Error(`intercom: no item for ${e.group}`);
    events.push({ name: e.name, description: e.description, match: { topic: e.name } });
    templates.set(e.name, {
      type: 'notification_event',
      app_id: APP,
      data: { type: 'notification_event_data', item: item(e.name) },
      links: {},
      id: 'notif_{{uuid#notification}}',
      topic: e.name,
      delivery_status: 'pending',
      delivery_attempts: 1,
      delivered_at: 0,
      first_sent_at: '{{now:s}}',
      created_at: '{{now:s}}',
      self: null,
    });
  }
  return { meta: { provider: 'intercom', source: `scripts/catalogue/data/intercom-events.json (${data.source}, read ${data.read})` }, events, templates };
}
