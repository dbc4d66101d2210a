// Issue, comment, merge request and wiki page bodies: the work on a project, each with the
// `object_attributes.action` values the documentation lists.
import { commit, envelope, label, PROJECT_ID, SHA, user, WEB } from './parts.mjs';

const issueAttributes = (action) => ({
  id: '{{int:100000:999999#issue}}',
  iid: '{{int:1:999#issue_iid}}',
  title: 'Webhook retries are processed twice',
  description: 'When the endpoint times out, GitLab retries and the event is handled twice.',
  assignee_ids: ['{{int:1:9999#user}}'],
  assignee_id: '{{int:1:9999#user}}',
  author_id: '{{int:1:9999#user}}',
  project_id: PROJECT_ID,
  created_at: '{{now:iso:-2d}}',
  updated_at: '{{now:iso}}',
  updated_by_id: '{{int:1:9999#user}}',
  closed_at: action === 'close' ? '{{now:iso}}' : null,
  milestone_id: null,
  state_id: action === 'close' ? 2 : 1,
  state: action === 'close' ? 'closed' : 'opened',
  confidential: false,
  discussion_locked: null,
  due_date: null,
  time_estimate: 0,
  total_time_spent: 0,
  severity: 'unknown',
  type: 'Issue',
  url: `${WEB}/-/issues/{{int:1:999#issue_iid}}`,
  labels: [label()],
  action,
});

const issue = (action) =>
  envelope('issue', {
    object_attributes: issueAttributes(action),
    assignees: [{ id: '{{int:1:9999#user}}', name: 'Jane Cooper', username: 'janecooper', avatar_url: user().avatar_url }],
    labels: [label()],
    changes:
      action === 'update'
        ? { title: { previous: 'Webhook retries processed twice', current: 'Webhook retries are processed twice' }, updated_at: { previous: '{{now:iso:-1h}}', current: '{{now:iso}}' } }
        : {},
  });

const mergeAttributes = (action) => ({
  id: '{{int:100000:999999#mr}}',
  iid: '{{int:1:999#mr_iid}}',
  target_branch: 'main',
  source_branch: 'webhook-retries',
  source_project_id: PROJECT_ID,
  target_project_id: PROJECT_ID,
  author_id: '{{int:1:9999#user}}',
  assignee_ids: ['{{int:1:9999#user}}'],
  reviewer_ids: [],
  title: 'Deduplicate webhook deliveries by their id',
  description: 'Closes the double-processing issue.',
  created_at: '{{now:iso:-1d}}',
  updated_at: '{{now:iso}}',
  merge_commit_sha: action === 'merge' ? SHA : null,
  state: { merge: 'merged', close: 'closed' }[action] ?? 'opened',
  merge_status: 'can_be_merged',
  detailed_merge_status: 'mergeable',
  draft: false,
  work_in_progress: false,
  blocking_discussions_resolved: true,
  first_contribution: false,
  last_commit: commit(),
  url: `${WEB}/-/merge_requests/{{int:1:999#mr_iid}}`,
  labels: [label()],
  action,
});

const mergeRequest = (action) =>
  envelope('merge_request', {
    object_attributes: mergeAttributes(action),
    labels: [label()],
    changes: {},
    assignees: [{ id: '{{int:1:9999#user}}', name: 'Jane Cooper', username: 'janecooper' }],
    reviewers: [],
  });

const NOTE_TARGETS = {
  commit: { type: 'Commit', key: 'commit', target: () => commit(), url: `${WEB}/-/commit/${SHA}#note_{{int:1000000:9999999#note}}` },
  merge_request: { type: 'MergeRequest', key: 'merge_request', target: () => mergeAttributes('update'), url: `${WEB}/-/merge_requests/{{int:1:999#mr_iid}}#note_{{int:1000000:9999999#note}}` },
  issue: { type: 'Issue', key: 'issue', target: () => issueAttributes('update'), url: `${WEB}/-/issues/{{int:1:999#issue_iid}}#note_{{int:1000000:9999999#note}}` },
  snippet: {
    type: 'Snippet',
    key: 'snippet',
    target: () => ({
      id: '{{int:1:99999#snippet}}',
      title: 'Webhook replay script',
      description: null,
      content: 'hookctl replay last',
      author_id: '{{int:1:9999#user}}',
      project_id: PROJECT_ID,
      created_at: '{{now:iso:-3d}}',
      updated_at: '{{now:iso:-3d}}',
      file_name: 'replay.sh',
      type: 'ProjectSnippet',
      visibility_level: 0,
      url: `${WEB}/-/snippets/{{int:1:99999#snippet}}`,
    }),
    url: `${WEB}/-/snippets/{{int:1:99999#snippet}}#note_{{int:1000000:9999999#note}}`,
  },
};

const note = (on) => {
  const t = NOTE_TARGETS[on];
  return envelope('note', {
    project_id: PROJECT_ID,
    object_attributes: {
      id: '{{int:1000000:9999999#note}}',
      note: 'Could we key the dedup on the delivery id?',
      noteable_type: t.type,
      author_id: '{{int:1:9999#user}}',
      created_at: '{{now:iso}}',
      updated_at: '{{now:iso}}',
      project_id: PROJECT_ID,
      attachment: null,
      line_code: null,
      commit_id: on === 'commit' ? SHA : '',
      noteable_id: on === 'commit' ? null : '{{int:1:99999#noteable}}',
      system: false,
      st_diff: null,
      action: 'create',
      url: t.url,
    },
    [t.key]: t.target(),
  });
};

const wiki = (action) =>
  envelope('wiki_page', {
    event_type: undefined,
    wiki: {
      web_url: `${WEB}/-/wikis/home`,
      git_ssh_url: 'git@gitlab.example.com:acme/storefront.wiki.git',
      git_http_url: `${WEB}.wiki.git`,
      path_with_namespace: 'acme/storefront.wiki',
      default_branch: 'main',
    },
    object_attributes: {
      title: 'Webhooks',
      content: 'How the shop receives webhooks.',
      format: 'markdown',
      message: `${action} Webhooks`,
      slug: 'webhooks',
      url: `${WEB}/-/wikis/webhooks`,
      action,
      diff_url: `${WEB}/-/wikis/webhooks/diff?version_id={{hex:40#version}}`,
      version_id: '{{hex:40#version}}',
    },
  });

const WORD = {
  open: 'opened',
  close: 'closed',
  reopen: 'reopened',
  update: 'updated',
  approved: 'approved by all',
  unapproved: 'no longer approved',
  approval: 'approved by a user',
  unapproval: 'unapproved by a user',
  merge: 'merged',
  create: 'created',
  delete: 'deleted',
};

export const WORK_EVENTS = [
  ...['open', 'close', 'reopen', 'update'].map((a) => ({
    name: `issue.${a}`,
    hook: 'Issue Hook',
    match: { object_kind: 'issue', 'object_attributes.action': a },
    description: `an issue was ${WORD[a]}`,
    body: issue(a),
  })),
  ...Object.keys(NOTE_TARGETS).map((on) => ({
    name: `note.${on}`,
    hook: 'Note Hook',
    match: { object_kind: 'note', 'object_attributes.noteable_type': NOTE_TARGETS[on].type },
    description: `a comment on a ${on.replace('_', ' ')}`,
    body: note(on),
  })),
  ...['open', 'close', 'reopen', 'update', 'approved', 'unapproved', 'approval', 'unapproval', 'merge'].map((a) => ({
    name: `merge_request.${a}`,
    hook: 'Merge Request Hook',
    match: { object_kind: 'merge_request', 'object_attributes.action': a },
    description: `a merge request was ${WORD[a]}`,
    body: mergeRequest(a),
  })),
  ...['create', 'update', 'delete'].map((a) => ({
    name: `wiki_page.${a}`,
    hook: 'Wiki Page Hook',
    match: { object_kind: 'wiki_page', 'object_attributes.action': a },
    description: `a wiki page was ${WORD[a]}`,
    body: wiki(a),
  })),
];
