// Release, milestone, emoji, feature flag, access token and vulnerability bodies, and the three
// events only group webhooks receive (members, projects and subgroups of the group).
import { commit, label, PATH, PROJECT_ID, project, user, WEB } from './parts.mjs';

const release = (action) => ({
  object_kind: 'release',
  id: '{{int:1000:99999#release}}',
  created_at: '{{now:iso}}',
  description: 'Webhook deliveries are deduplicated.',
  name: 'v2.4.0',
  released_at: '{{now:iso}}',
  tag: 'v2.4.0',
  project: project(),
  url: `${WEB}/-/releases/v2.4.0`,
  action,
  assets: { count: 1, links: [], sources: [{ format: 'zip', url: `${WEB}/-/archive/v2.4.0/storefront-v2.4.0.zip` }] },
  commit: commit(),
});

const milestone = (action) => ({
  object_kind: 'milestone',
  event_type: 'milestone',
  project: project(),
  object_attributes: {
    id: '{{int:1:99999#milestone}}',
    iid: '{{int:1:99#milestone_iid}}',
    title: 'Q1 reliability',
    description: 'Webhook delivery guarantees',
    state: action === 'close' ? 'closed' : 'active',
    created_at: '{{now:iso:-30d}}',
    updated_at: '{{now:iso}}',
    due_date: null,
    start_date: null,
    group_id: null,
    project_id: PROJECT_ID,
  },
  action,
});

const emoji = (action) => ({
  object_kind: 'emoji',
  event_type: action,
  user: user(),
  project_id: PROJECT_ID,
  project: project(),
  object_attributes: {
    user_id: '{{int:1:9999#user}}',
    created_at: '{{now:iso}}',
    id: '{{int:1:999999#emoji}}',
    name: 'thumbsup',
    awardable_type: 'Issue',
    awardable_id: '{{int:100000:999999#issue}}',
    updated_at: '{{now:iso}}',
    awarded_on_url: `${WEB}/-/issues/{{int:1:999#issue_iid}}`,
  },
  issue: {
    id: '{{int:100000:999999#issue}}',
    iid: '{{int:1:999#issue_iid}}',
    title: 'Webhook retries are processed twice',
    project_id: PROJECT_ID,
    state: 'opened',
    labels: [label()],
    url: `${WEB}/-/issues/{{int:1:999#issue_iid}}`,
  },
});

const vulnerability = () => ({
  object_kind: 'vulnerability',
  object_attributes: {
    url: `${WEB}/-/security/vulnerabilities/{{int:1:99999#vuln}}`,
    title: 'Improper verification of cryptographic signature',
    state: 'detected',
    project_id: PROJECT_ID,
    location: { file: 'src/webhooks/handler.ts', start_line: 42, end_line: 42 },
    cvss: [{ vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N', vendor: 'GitLab' }],
    severity: 'high',
    severity_overridden: false,
    identifiers: [{ name: 'CWE-347', external_id: '347', external_type: 'cwe', url: 'https://cwe.mitre.org/data/definitions/347.html' }],
    issues: [],
    report_type: 'sast',
    confirmed_at: null,
    confirmed_by_id: null,
    dismissed_at: null,
    dismissed_by_id: null,
    resolved_on_default_branch: false,
    created_at: '{{now:iso}}',
    updated_at: '{{now:iso}}',
  },
});

const member = (event) => ({
  created_at: '{{now:iso:-7d}}',
  updated_at: '{{now:iso}}',
  group_name: 'Acme',
  group_path: 'acme',
  group_id: '{{int:1:99999#group}}',
  user_username: 'janecooper',
  user_name: 'Jane Cooper',
  user_email: 'jane@hookctl.dev',
  user_id: '{{int:1:9999#user}}',
  group_access: 'Developer',
  group_plan: null,
  expires_at: null,
  event_name: event,
});

const projectEvent = (event) => ({
  event_name: event,
  created_at: '{{now:iso}}',
  updated_at: '{{now:iso}}',
  name: 'Storefront',
  path: 'storefront',
  path_with_namespace: PATH,
  project_id: PROJECT_ID,
  project_namespace_id: '{{int:1:99999#group}}',
  owners: [{ name: 'Jane Cooper', email: 'jane@hookctl.dev' }],
  project_visibility: 'private',
});

const subgroup = (event) => ({
  created_at: '{{now:iso}}',
  updated_at: '{{now:iso}}',
  event_name: event,
  name: 'Payments',
  path: 'payments',
  full_path: 'acme/payments',
  group_id: '{{int:1:99999#subgroup}}',
  parent_group_id: '{{int:1:99999#group}}',
  parent_name: 'Acme',
  parent_path: 'acme',
  parent_full_path: 'acme',
});

const ACTIONS = { create: 'created', update: 'updated', delete: 'deleted', close: 'closed', reopen: 'reopened', award: 'added', revoke: 'removed' };

export const PROJECT_EVENTS = [
  ...['create', 'update', 'delete'].map((a) => ({
    name: `release.${a}`,
    hook: 'Release Hook',
    match: { object_kind: 'release', action: a },
    description: `a release was ${ACTIONS[a]}`,
    body: release(a),
  })),
  ...['create', 'close', 'reopen', 'delete'].map((a) => ({
    name: `milestone.${a}`,
    hook: 'Milestone Hook',
    match: { object_kind: 'milestone', action: a },
    description: `a milestone was ${ACTIONS[a]}`,
    body: milestone(a),
  })),
  ...['award', 'revoke'].map((a) => ({ name: `emoji.${a}`, hook: 'Emoji Hook', match: { object_kind: 'emoji', event_type: a }, description: `an emoji reaction was ${ACTIONS[a]}`, body: emoji(a) })),
  {
    name: 'feature_flag',
    hook: 'Feature Flag Hook',
    match: { object_kind: 'feature_flag' },
    description: 'a feature flag was turned on or off',
    body: {
      object_kind: 'feature_flag',
      project: project(),
      user: user(),
      user_url: 'https://gitlab.example.com/janecooper',
      object_attributes: { id: '{{int:1:9999#flag}}', name: 'webhook-dedup', description: 'Deduplicate deliveries by id', active: true },
    },
  },
  {
    name: 'access_token',
    hook: 'Resource Access Token Hook',
    match: { object_kind: 'access_token' },
    description: 'a project or group access token expires in seven days',
    body: {
      object_kind: 'access_token',
      project: project(),
      object_attributes: { user_id: '{{int:1:9999#bot}}', created_at: '{{now:iso:-358d}}', id: '{{int:1:99999#token}}', name: 'ci-deploy', expires_at: '{{now:iso:+7d}}' },
      event_name: 'expiring_access_token',
    },
  },
  { name: 'vulnerability', hook: 'Vulnerability Hook', match: { object_kind: 'vulnerability' }, description: 'a vulnerability was created or updated', body: vulnerability() },
  ...['user_add_to_group', 'user_update_for_group', 'user_remove_from_group'].map((e) => ({
    name: e,
    hook: 'Member Hook',
    match: { event_name: e },
    description: `group webhooks: a member was ${{ user_add_to_group: 'added to', user_update_for_group: 'updated in', user_remove_from_group: 'removed from' }[e]} the group`,
    body: member(e),
  })),
  ...['project_create', 'project_destroy'].map((e) => ({
    name: e,
    hook: 'Project Hook',
    match: { event_name: e },
    description: `group webhooks: a project was ${e.endsWith('create') ? 'created' : 'deleted'} in the group`,
    body: projectEvent(e),
  })),
  ...['subgroup_create', 'subgroup_destroy'].map((e) => ({
    name: e,
    hook: 'Subgroup Hook',
    match: { event_name: e },
    description: `group webhooks: a subgroup was ${e.endsWith('create') ? 'created' : 'removed'}`,
    body: subgroup(e),
  })),
];
