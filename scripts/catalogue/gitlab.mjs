// Every GitLab project and group webhook event: the documented list of
// doc/user/project/integrations/webhook_events.md (gitlabhq/gitlabhq@017a6c129d6a, CC BY-SA 4.0; see
// data/GITLAB.md), each event type with the `object_attributes.action` values (or statuses, event
// names) it documents. Bodies are written from the documented fields around one project; the
// X-Gitlab-Event header each event sends is its own request header.
import { REPOSITORY_EVENTS } from './gitlab/repository.mjs';
import { PROJECT_EVENTS } from './gitlab/project.mjs';
import { WORK_EVENTS } from './gitlab/work.mjs';

export function gitlabCatalogue() {
  const all = [...REPOSITORY_EVENTS, ...WORK_EVENTS, ...PROJECT_EVENTS];
  return {
    meta: { provider: 'gitlab', source: 'gitlabhq/gitlabhq@017a6c129d6a doc/user/project/integrations/webhook_events.md (CC BY-SA 4.0): the documented event types and actions' },
    events: all.map((e) => ({ name: e.name, description: e.description, match: e.match, request: { headers: { 'X-Gitlab-Event': e.hook } } })),
    templates: new Map(all.map((e) => [e.name, e.body])),
  };
}
