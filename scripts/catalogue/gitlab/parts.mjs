// The objects GitLab repeats across its webhook bodies (doc/user/project/integrations/webhook_events.md):
// the acting user, the project and its repository, a commit and a label. One project per delivery,
// its ids and URLs agreeing, so a receiver that joins them is exercised.
const HOST = 'https://gitlab.example.com';
export const PATH = 'acme/storefront';
export const WEB = `${HOST}/${PATH}`;
export const PROJECT_ID = '{{int:1000:99999#project}}';
export const SHA = '{{hex:40#after}}';

export const user = () => ({
  id: '{{int:1:9999#user}}',
  name: 'Jane Cooper',
  username: 'janecooper',
  avatar_url: 'https://secure.gravatar.com/avatar/0c6bd5b1f4e1e42b0d7a7b3d3a0b5d38?s=80&d=identicon',
  email: 'jane@hookctl.dev',
});

export const project = () => ({
  id: PROJECT_ID,
  name: 'Storefront',
  description: 'The Acme web shop',
  web_url: WEB,
  avatar_url: null,
  git_ssh_url: `git@gitlab.example.com:${PATH}.git`,
  git_http_url: `${WEB}.git`,
  namespace: 'Acme',
  visibility_level: 0,
  path_with_namespace: PATH,
  default_branch: 'main',
  ci_config_path: null,
  homepage: WEB,
  url: `git@gitlab.example.com:${PATH}.git`,
  ssh_url: `git@gitlab.example.com:${PATH}.git`,
  http_url: `${WEB}.git`,
});

export const repository = () => ({
  name: 'Storefront',
  url: `git@gitlab.example.com:${PATH}.git`,
  description: 'The Acme web shop',
  homepage: WEB,
  git_http_url: `${WEB}.git`,
  git_ssh_url: `git@gitlab.example.com:${PATH}.git`,
  visibility_level: 0,
});

export const commit = (sha = SHA, title = 'Retry failed webhook deliveries with backoff') => ({
  id: sha,
  message: `${title}\n`,
  title,
  timestamp: '{{now:iso:-5m}}',
  url: `${WEB}/-/commit/${sha}`,
  author: { name: 'Jane Cooper', email: 'jane@hookctl.dev' },
});

export const label = () => ({
  id: '{{int:1:9999#label}}',
  title: 'webhooks',
  color: '#428BCA',
  project_id: PROJECT_ID,
  created_at: '{{now:iso:-30d}}',
  updated_at: '{{now:iso:-30d}}',
  template: false,
  description: null,
  type: 'ProjectLabel',
  group_id: null,
});

/** The envelope of a project event: its kind, who did it, and where. */
export const envelope = (kind, extra = {}) => ({ object_kind: kind, event_type: kind, user: user(), project: project(), repository: repository(), ...extra });
