// Every Bitbucket Cloud webhook event key (data/bitbucket-events.json, the swagger's hook_event enum;
// see data/BITBUCKET.md), each body shaped as Bitbucket's "Event payloads" page describes it: the
// `actor` and the `repository` on every repository event, then the subject the key names (`push`,
// `pullrequest`, `issue`, `comment`, `commit_status`, `fork`, `changes`...). Values are hookctl's own.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const SITE = 'https://bitbucket.org';
const API = 'https://api.bitbucket.org/2.0';
const REPO_PATH = 'hookctl/checkout';

const actor = {
  type: 'user',
  display_name: 'Jane Cooper',
  uuid: '{{{uuid#actor}}}',
  account_id: '557058:{{uuid#account}}',
  nickname: 'jcooper',
  links: { html: { href: `${SITE}/%7B{{uuid#actor}}%7D/` } },
};
const repository = {
  type: 'repository',
  full_name: REPO_PATH,
  name: 'checkout',
  uuid: '{{{uuid#repo}}}',
  is_private: true,
  scm: 'git',
  owner: { type: 'team', display_name: 'hookctl', uuid: '{{{uuid#workspace}}}' },
  workspace: { type: 'workspace', slug: 'hookctl', name: 'hookctl', uuid: '{{{uuid#workspace}}}' },
  project: { type: 'project', key: 'PAY', name: 'Payments', uuid: '{{{uuid#project}}}' },
  links: { html: { href: `${SITE}/${REPO_PATH}` }, self: { href: `${API}/repositories/${REPO_PATH}` } },
};
const commit = (tag) => ({ type: 'commit', hash: `{{hex:40#${tag}}}`, links: { html: { href: `${SITE}/${REPO_PATH}/commits/{{hex:40#${tag}}}` } } });
const branch = (name, tag) => ({ type: 'branch', name, target: { ...commit(tag), message: 'Fix rounding of refunds\n', author: { raw: 'Jane Cooper <jane@hookctl.dev>' }, date: '{{now:iso}}' } });
const STATE = { created: 'OPEN', updated: 'OPEN', approved: 'OPEN', unapproved: 'OPEN', fulfilled: 'MERGED', rejected: 'DECLINED' };
const pullrequest = (verb) => ({
  type: 'pullrequest',
  id: 42,
  title: 'Fix rounding of refunds',
  description: 'Refunds of odd cents were rounded down.',
  state: STATE[verb] ?? 'OPEN',
  author: actor,
  source: { branch: { name: 'fix/refund-rounding' }, commit: commit('head'), repository },
  destination: { branch: { name: 'main' }, commit: commit('base'), repository },
  created_on: '{{now:isoms:-1h}}',
  updated_on: '{{now:isoms}}',
  links: { html: { href: `${SITE}/${REPO_PATH}/pull-requests/42` } },
});
const comment = (extra = {}) => ({
  type: 'pullrequest_comment',
  id: '{{int:100000:999999}}',
  content: { raw: 'Looks good to me.', markup: 'markdown', html: '<p>Looks good to me.</p>' },
  user: actor,
  created_on: '{{now:isoms}}',
  updated_on: '{{now:isoms}}',
  ...extra,
});
const issue = {
  type: 'issue',
  id: 7,
  title: 'Refund totals are off by a cent',
  kind: 'bug',
  priority: 'major',
  state: 'new',
  reporter: actor,
  created_on: '{{now:isoms:-1d}}',
  updated_on: '{{now:isoms}}',
  repository,
};
const status = (state) => ({
  type: 'commitstatus',
  key: 'ci-build',
  name: 'CI build #118',
  state,
  url: 'https://ci.hookctl.dev/builds/118',
  commit: commit('status'),
  repository,
  created_on: '{{now:isoms:-2m}}',
  updated_on: '{{now:isoms}}',
});

/** The subject of each event key, beside `actor` and `repository`. */
const SUBJECT = {
  'issue:comment_created': () => ({ issue, comment: { ...comment(), type: 'issue_comment' } }),
  'issue:created': () => ({ issue }),
  'issue:updated': () => ({ issue: { ...issue, state: 'open' }, changes: { status: { old: 'new', new: 'open' } }, comment: { ...comment(), type: 'issue_comment' } }),
  // The payloads page gives no body for pipeline spans (swagger enum only): a minimal, assumed one.
  'pipeline:span_created': () => ({ pipeline: { type: 'pipeline', uuid: '{{{uuid#pipeline}}}', build_number: 118 }, span: { uuid: '{{{uuid#span}}}', name: 'build', created_on: '{{now:isoms}}' } }),
  'project:updated': () => ({ project: repository.project, changes: { name: { old: 'Pay', new: 'Payments' } } }),
  'repo:commit_comment_created': () => ({ comment: { ...comment(), type: 'commit_comment' }, commit: commit('commented') }),
  'repo:commit_status_created': () => ({ commit_status: status('INPROGRESS') }),
  'repo:commit_status_updated': () => ({ commit_status: status('SUCCESSFUL') }),
  'repo:created': () => ({}),
  'repo:deleted': () => ({}),
  'repo:fork': () => ({ fork: { ...repository, full_name: 'jcooper/checkout', name: 'checkout', uuid: '{{{uuid#fork}}}' } }),
  'repo:imported': () => ({}),
  'repo:push': () => ({
    push: {
      changes: [
        {
          old: branch('main', 'old'),
          new: branch('main', 'new'),
          created: false,
          forced: false,
          closed: false,
          commits: [{ ...commit('new'), message: 'Fix rounding of refunds\n' }],
          truncated: false,
        },
      ],
    },
  }),
  'repo:transfer': () => ({ previous_owner: { type: 'user', display_name: 'Jane Cooper', uuid: '{{{uuid#actor}}}' } }),
  'repo:updated': () => ({ changes: { description: { old: '', new: 'Checkout service' } } }),
};

function body(key) {
  const [subject, verb] = key.split(':');
  if (subject === 'pullrequest') {
    const extra = verb.startsWith('comment_') ? { comment: comment(verb === 'comment_deleted' ? { deleted: true } : {}) } : {};
    if (verb === 'approved' || verb === 'unapproved') extra.approval = { date: '{{now:isoms}}', user: actor };
    if (verb.startsWith('changes_request')) extra.changes_request = { date: '{{now:isoms}}', user: actor };
    return { actor, pullrequest: pullrequest(verb), repository, ...extra };
  }
  const build = SUBJECT[key];
  if (!build) throw new Error(`bitbucket: no body for ${key}`);
  return { actor, repository, ...build() };
}

export function bitbucketCatalogue(root) {
  const data = JSON.parse(readFileSync(join(root, 'scripts/catalogue/data/bitbucket-events.json'), 'utf8'));
  const events = data.events.map((e) => ({ name: e.name, description: e.description }));
  const templates = new Map(data.events.map((e) => [e.name, body(e.name)]));
  return { meta: { provider: 'bitbucket', source: `scripts/catalogue/data/bitbucket-events.json (${data.source}, read ${data.read})` }, events, templates };
}
