// Realistic values for bodies sampled from twurple's EventSub data interfaces, in the Twitch CLI's
// style (`cooler_user` the broadcaster, `cool_user` a viewer): user ids as numeric strings, one
// fresh id per person and delivery (the same person keeps the same id across the body), UUIDs for
// messages, rewards, polls and the like, and RFC 3339 times as fixture tokens.
import ts from 'typescript';
import { accepts, unionHas } from './ts-sample.mjs';

/** A person's id: numeric text, as Twitch writes user ids. */
export const userId = (person) => `{{str:int:10000000:999999999#${person}}}`;

/** Login and display name by role; the channel the subscription is for is always `cooler_user`. */
const PEOPLE = {
  user: ['cool_user', 'Cool_User'],
  chatter: ['cool_user', 'Cool_User'],
  moderator: ['mod_user', 'Mod_User'],
  from_broadcaster: ['raid_leader', 'Raid_Leader'],
  to_broadcaster: ['shoutout_target', 'Shoutout_Target'],
  requester: ['unban_hopeful', 'Unban_Hopeful'],
  target: ['warned_user', 'Warned_User'],
  recipient: ['gift_recipient', 'Gift_Recipient'],
  from: ['whisper_sender', 'Whisper_Sender'],
  to: ['whisper_receiver', 'Whisper_Receiver'],
};

/** A role's login and display name, `host_broadcaster_user` / `Host_Broadcaster_User` when it has none of its own. */
const namesOf = (role) => PEOPLE[role] ?? [`${role}_user`, `${role}_user`.replace(/(^|_)([a-z])/g, (_, sep, c) => `${sep}${c.toUpperCase()}`)];

/** Lists by property name (a one-item list of a placeholder string says less). */
const LISTS = {
  content_classification_labels: ['MatureGame'],
  chat_rules_cited: ['Rule 1: be kind'],
  terms: ['pogchamp'],
  shared_ban_channel_ids: [userId('other_channel')],
};

/**
 * Fields Twitch leaves null in the common case: a plain chat message is no reply, no cheer, no
 * redemption, and outside a shared chat session it has no source channel; a message AutoMod holds
 * (the first `reason`, `automod`) matched no blocked term.
 */
const USUALLY_NULL = /^(source_\w+|reply|cheer|channel_points_custom_reward_id|blocked_term)$/;

/** Values by property name, wherever the property sits. */
const BY_KEY = {
  category_id: '509658',
  category_name: 'Just Chatting',
  title: 'Best Stream Ever',
  language: 'en',
  broadcaster_language: 'en',
  color: '#00FF7F',
  text: 'Hi chat',
  reason: 'Offensive language',
  user_input: 'pogchamp',
  set_id: 'subscriber',
  info: '16',
  category: 'swearing',
  background_color: '#9147FF',
  message: 'Hi chat',
  email: 'cool_user@example.com',
  description: 'Stream for fun',
  prompt: 'Make the streamer drink water',
  system_message: 'cool_user subscribed at Tier 1.',
  product_sku: 'pogchamp_bits_100',
  charity_name: 'Example Charity',
  charity_website: 'https://www.example.org',
  charity_logo: 'https://static-cdn.jtvnw.net/jtv_user_pictures/example-logo.png',
  currency: 'USD',
  bits: 100,
  viewers: 9001,
  viewer_count: 9001,
  level: 2,
  total: 700,
  goal: 1000,
  progress: 300,
  cost: 100,
  duration_seconds: 60,
  duration: 60,
  cumulative_months: 15,
  duration_months: 1,
  streak_months: 3,
  value: 500,
  decimal_places: 2,
  current_amount: 300,
  target_amount: 1000,
};

/** Times Twitch sets in the future: when a timeout, poll or cooldown ends. */
const FUTURE = /^(ends|expires|locks|cooldown_expires|cooldown_ends|expiration)_at$/;

/**
 * `channel` is the role the subscription's condition names first (`broadcaster`, or `to_broadcaster`
 * for raids into the channel): that person is the channel, `cooler_user`. `rootId` is the token of
 * the event's own `id` (a stream's is numeric, the rest are UUIDs).
 */
export function twitchHints({ channel, rootId }) {
  const person = (role) => (role === channel ? 'broadcaster' : role);
  const names = (role) => (role === channel || role === 'broadcaster' ? ['cooler_user', 'Cooler_User'] : namesOf(role));
  return {
    value(path, type) {
      const key = path.at(-1);
      // Plain strings only: a literal union (`status: 'approved' | ...`) keeps its own value.
      const text = accepts(type, ts.TypeFlags.String);
      if (USUALLY_NULL.test(key) && accepts(type, ts.TypeFlags.Null)) return null;
      // `<role>_user_id|login|name`, `user_*`, and the charity events' `broadcaster_id|login|name`.
      const user = key.match(/^(?:(\w+)_)?user_(id|login|name)$/) ?? key.match(/^(broadcaster)_(id|login|name)$/);
      if (user && text) {
        const role = user[1] ?? 'user';
        return user[2] === 'id' ? userId(person(role)) : names(role)[user[2] === 'login' ? 0 : 1];
      }
      if (key === 'id' && path.length === 2 && text) return rootId;
      if (key in LISTS) return LISTS[key];
      if (key === 'title' && /^(choices|outcomes)$/.test(path.at(-2) ?? '') && text) return 'Yes';
      if (key === 'id' && /badges$/.test(path.at(-2) ?? '') && text) return '12';
      // A prediction ends resolved, won by the outcome it lists (twurple looks the winner up among them).
      if (key === 'winning_outcome_id' && text) return '{{uuid#outcomes.id}}';
      if (key === 'status' && unionHas(type, 'resolved')) return 'resolved';
      const known = BY_KEY[key];
      if (known !== undefined && accepts(type, typeof known === 'number' ? ts.TypeFlags.NumberLike : ts.TypeFlags.String)) return known;
      if (key === 'client_id' || key === 'extension_client_id') return text ? '{{id::30#client}}' : undefined;
      // A root-level `poll_id` is the same token as the condition's (`{{uuid#poll}}`); nested ids are labelled by their path.
      if (key.endsWith('_id') && path.length === 2 && text) return `{{uuid#${key.slice(0, -3)}}}`;
      if ((key === 'id' || key.endsWith('_id')) && text) return `{{uuid#${path.slice(1).join('.')}}}`;
      if (FUTURE.test(key) && text) return '{{now:isoms:+10m}}';
      return undefined;
    },
    // Twitch sends every field, null when unset; twurple marks a few optional.
    optional: () => true,
    string: (path) => {
      const key = path.at(-1) ?? '';
      if (/(_at|At)$/.test(key)) return '{{now:isoms}}';
      if (/image|logo|url_\dx$/.test(key)) return 'https://static-cdn.jtvnw.net/jtv_user_pictures/example-300x300.png';
      if (/url$/.test(key)) return 'https://www.twitch.tv/cooler_user';
      return `example ${key.replace(/_/g, ' ')}`;
    },
    number: () => 1,
  };
}
