// Realistic values for bodies sampled from @workos-inc/node's wire types (`*EventResponse`): WorkOS's
// prefixed ULID-style ids (`user_01…`, `org_01…`), one organization per delivery, ISO times, and the
// nullable timestamps filled only when the event names that stage (`ended_at` on session.revoked).
import ts from 'typescript';
import { accepts, unionHas } from './ts-sample.mjs';

/** WorkOS id prefixes, by the `object` or the `<entity>_id` field that names them (workos.com/docs/reference). */
const PREFIX = {
  user: 'user_',
  organization: 'org_',
  organization_membership: 'om_',
  connection: 'conn_',
  directory: 'directory_',
  directory_user: 'directory_user_',
  directory_group: 'directory_group_',
  invitation: 'invitation_',
  email_verification: 'email_verification_',
  magic_auth: 'magic_auth_',
  password_reset: 'password_reset_',
  session: 'session_',
  role: 'role_',
  organization_role: 'role_',
  permission: 'perm_',
  organization_domain: 'org_domain_',
  connection_domain: 'conn_domain_',
  api_key: 'api_key_',
  flag: 'flag_',
  feature_flag: 'flag_',
  event: 'event_',
  inviter_user: 'user_',
  accepted_user: 'user_',
  impersonator: 'user_',
};

const BY_KEY = {
  email: 'jane.doe@example.com',
  first_name: 'Jane',
  last_name: 'Doe',
  ip_address: '203.0.113.24',
  user_agent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  domain: 'example.com',
  locale: 'en-US',
  profile_picture_url: null,
  slug: 'admin',
  idp_id: '00u1a0b2c3d4e5f6g7h8',
  token: '{{id::26#token}}',
  code: '{{str:int:100000:999999}}',
};

/** `entity` is the event name's first segment (`dsync`, `user`, `vault`), the object most ids name. */
export function workosHints(event) {
  const stage = event.split('.').at(-1);
  return {
    value(path, type) {
      const key = path.at(-1);
      // The state the event names (`invitation.accepted`: `state: 'accepted'`), where the type has it.
      if ((key === 'state' || key === 'status') && unionHas(type, stage)) return stage;
      if (key === 'state' && stage === 'deactivated' && unionHas(type, 'inactive')) return 'inactive';
      if (key === 'previous_attributes') return { last_name: 'Smith' };
      if (key === 'ended_at' && stage === 'revoked') return '{{now:isoms}}';
      if (key in BY_KEY && fits(type, BY_KEY[key])) return BY_KEY[key];
      if (key === 'id' && fits(type, '')) return idOf(objectOf(path, event));
      if (/_id$/.test(key) && fits(type, '')) return idOf(key.slice(0, -3));
      if (key === 'name' && fits(type, '')) return path.length === 2 ? nameOf(event) : 'Example Corp';
      if (/_at$/.test(key) && fits(type, '')) {
        if (accepts(type, ts.TypeFlags.Null)) return key.startsWith(stage.replace(/d$/, '')) || key === `${stage}_at` ? '{{now:isoms}}' : null;
        return key === 'expires_at' ? '{{now:isoms:+7d}}' : '{{now:isoms}}';
      }
      return undefined;
    },
    // The entity's own fields are all sent (WorkOS serializes every attribute); nested ones carry the required.
    optional: (path) => path.length === 2 && path[0] === 'data' && !/^(error|impersonator|stripe_customer_id|external_id)$/.test(path[1]),
    string: (path) => (/_at$/.test(path.at(-1) ?? '') ? '{{now:isoms}}' : `example ${path.at(-1) ?? 'text'}`.replace(/_/g, ' ')),
    number: () => 1,
  };
}

/** The object an `id` belongs to: its parent property, or at the top of `data` the event's entity. */
function objectOf(path, event) {
  if (path.at(-2) === 'domains') return event.startsWith('connection') ? 'connection_domain' : 'organization_domain';
  if (path.length > 2) return path.at(-2);
  const [head, second] = event.split('.');
  if (head === 'dsync') return second === 'user' || second === 'group' ? `directory_${second}` : 'directory';
  return head;
}

function idOf(kind) {
  const prefix = PREFIX[kind] ?? `${kind}_`;
  return `{{id:${prefix}01:24#${kind}}}`;
}

function nameOf(event) {
  const head = event.split('.')[0];
  if (head === 'organization' || head === 'connection') return 'Example Corp';
  if (head === 'dsync') return 'Engineering';
  return `example ${head.replace(/_/g, ' ')}`;
}

function fits(type, value) {
  if (value === null) return accepts(type, ts.TypeFlags.Null);
  return accepts(type, typeof value === 'number' ? ts.TypeFlags.NumberLike : ts.TypeFlags.StringLike);
}
