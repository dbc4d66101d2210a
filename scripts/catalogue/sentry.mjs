// Every Sentry integration-platform webhook (data/sentry-events.json; see data/SENTRY.md): the
// resource travels in Sentry-Hook-Resource and the action in the body, so each event is
// `<resource>.<action>`, its body the documented envelope `{ action, installation, data, actor }`
// with hookctl's own values under the fields each resource's page documents.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ORG = 'hookctl';
const SITE = `https://${ORG}.sentry.io`;
const API = 'https://sentry.io/api/0';
const ISSUE = '4508213997';
const EVENT = '{{hex:32}}';
const SENTRY = { id: 'sentry', name: 'Sentry', type: 'application' };
const USER = { id: 2741, name: 'Jane Cooper', type: 'user' };

const project = { id: '4507110021', name: 'checkout-api', platform: 'node', slug: 'checkout-api' };

function issue(action) {
  const status = { resolved: 'resolved', archived: 'ignored' }[action] ?? 'unresolved';
  const substatus = { resolved: null, archived: 'archived_until_escalating', created: 'new', unresolved: 'regressed' }[action] ?? 'ongoing';
  return {
    id: ISSUE,
    shortId: 'CHECKOUT-API-3K',
    title: "TypeError: Cannot read properties of undefined (reading 'amount')",
    culprit: 'chargeCustomer(src/billing/charge)',
    level: 'error',
    status,
    substatus,
    statusDetails: action === 'resolved' ? { inNextRelease: true } : {},
    assignedTo: action === 'assigned' ? { type: 'user', id: String(USER.id), name: USER.name, email: 'jane@hookctl.dev' } : null,
    count: '14',
    userCount: 6,
    firstSeen: '{{now:isoms:-2h}}',
    lastSeen: '{{now:isoms}}',
    platform: 'node',
    project,
    metadata: { type: 'TypeError', value: "Cannot read properties of undefined (reading 'amount')", filename: 'src/billing/charge.ts' },
    url: `${API}/organizations/${ORG}/issues/${ISSUE}/`,
    web_url: `${SITE}/issues/${ISSUE}/`,
    project_url: `${API}/projects/${ORG}/${project.slug}/`,
  };
}

/** An error event, as the error and issue-alert pages document it (trimmed to the fields a receiver reads). */
function errorEvent() {
  return {
    event_id: EVENT,
    issue_id: ISSUE,
    title: "TypeError: Cannot read properties of undefined (reading 'amount')",
    culprit: 'chargeCustomer(src/billing/charge)',
    level: 'error',
    platform: 'node',
    datetime: '{{now:isoms}}',
    timestamp: '{{now:s}}',
    project: Number(project.id),
    release: 'checkout-api@2.14.0',
    environment: 'production',
    exception: { values: [{ type: 'TypeError', value: "Cannot read properties of undefined (reading 'amount')", mechanism: { type: 'onunhandledrejection', handled: false } }] },
    tags: [
      ['environment', 'production'],
      ['level', 'error'],
    ],
    user: { id: 'usr_142', email: 'jane@hookctl.dev' },
    url: `${API}/projects/${ORG}/${project.slug}/events/${EVENT}/`,
    web_url: `${SITE}/issues/${ISSUE}/events/${EVENT}/`,
    issue_url: `${API}/organizations/${ORG}/issues/${ISSUE}/`,
  };
}

function metricAlert(action) {
  const title = { critical: 'Critical', warning: 'Warning', resolved: 'Resolved' }[action];
  return {
    description_title: `${title}: Checkout error rate`,
    description_text: '52 errors in the last 10 minutes\nFilter: level:error',
    web_url: `${SITE}/alerts/rules/details/31/`,
    metric_alert: {
      id: '1742',
      identifier: '88',
      title: 'Checkout error rate',
      status: action === 'resolved' ? 2 : 20,
      date_started: '{{now:isoms:-10m}}',
      date_detected: '{{now:isoms:-10m}}',
      date_created: '{{now:isoms:-10m}}',
      date_closed: action === 'resolved' ? '{{now:isoms}}' : null,
      projects: [project.slug],
      alert_rule: { id: '31', name: 'Checkout error rate', aggregate: 'count()', dataset: 'events', query: 'level:error', time_window: 10, threshold_type: 0, triggers: [] },
    },
  };
}

const SEER = {
  root_cause_completed: {
    root_cause: { description: 'The charge handler reads `invoice.amount` before the invoice is loaded.', steps: [{ title: 'The webhook handler calls chargeCustomer before awaiting loadInvoice.' }] },
  },
  solution_completed: { solution: { description: 'Await the invoice before charging.', steps: [{ title: 'Await loadInvoice() in chargeCustomer.' }] } },
  coding_completed: {
    changes: [
      {
        repo_name: 'hookctl/checkout-api',
        title: 'fix: await the invoice before charging',
        description: 'Awaits loadInvoice() so invoice.amount is defined.',
        diff: '--- a/src/billing/charge.ts\n+++ b/src/billing/charge.ts',
        branch_name: 'seer/fix-charge-amount',
      },
    ],
  },
  pr_created: {
    pull_requests: [{ pull_request: { pr_number: 412, pr_url: 'https://github.com/hookctl/checkout-api/pull/412', pr_id: 2290817 }, repo_name: 'hookctl/checkout-api', provider: 'github' }],
  },
};

function preprod(action) {
  const common = {
    buildId: '{{int:100:999}}',
    organizationSlug: ORG,
    projectSlug: 'checkout-ios',
    platform: 'APPLE',
    state: 'COMPLETED',
    appInfo: { appId: 'dev.hookctl.checkout', name: 'Checkout', version: '2.14.0', buildNumber: 214, artifactType: 'XCARCHIVE', dateAdded: '{{now:isoms:-5m}}', dateBuilt: '{{now:isoms:-6m}}' },
    gitInfo: null,
    errorCode: null,
    errorMessage: null,
  };
  if (action === 'size_analysis_completed')
    return { ...common, downloadSize: 31457280, installSize: 41943040, analysisDuration: 18.2, analysisVersion: '1.2.1', baseBuildId: null, baseAppInfo: null, comparisons: null };
  return {
    ...common,
    projectId: '4507110022',
    buildConfiguration: 'release',
    isInstallable: true,
    installUrl: `${API}/projects/${ORG}/checkout-ios/files/installablepreprodartifact/{{hex:12}}/`,
    isCodeSignatureValid: true,
    profileName: 'Checkout Ad Hoc',
    codesigningType: 'ad-hoc',
  };
}

/** `data` of each resource, for one action. */
const DATA = {
  installation: () => ({
    installation: { uuid: '{{uuid#installation}}', status: 'installed', organization: { slug: ORG }, app: { uuid: '{{uuid#app}}', slug: 'hookctl-alerts' }, code: '{{hex:32}}' },
  }),
  event_alert: () => ({ event: errorEvent(), triggered_rule: 'Checkout errors', issue_alert: { title: 'Checkout errors', settings: [{ name: 'channel', value: '#payments' }] } }),
  metric_alert: metricAlert,
  issue: (action) => ({ issue: issue(action) }),
  error: () => ({ error: errorEvent() }),
  comment: (action) => ({
    comment: action === 'deleted' ? 'Looks like a race with the invoice loader.' : 'Looks like a race with the invoice loader; fix in #412.',
    project_slug: project.slug,
    comment_id: 90211,
    issue_id: Number(ISSUE),
    timestamp: '{{now:isoms}}',
  }),
  seer: (action) => ({ run_id: 51234, group_id: Number(ISSUE), ...(SEER[action] ?? {}) }),
  preprod_artifact: preprod,
};

/** Who acts: a person installs, comments and assigns; Sentry does the rest. */
const byUser = (resource, action) => resource === 'installation' || resource === 'comment' || (resource === 'issue' && /^(assigned|resolved|archived)$/.test(action));

export function sentryCatalogue(root) {
  const data = JSON.parse(readFileSync(join(root, 'scripts/catalogue/data/sentry-events.json'), 'utf8'));
  const templates = new Map();
  for (const e of data.events) {
    const [resource, action] = [e.name.slice(0, e.name.indexOf('.')), e.name.slice(e.name.indexOf('.') + 1)];
    const build = DATA[resource];
    if (!build) throw new Error(`sentry: no body for resource ${resource}`);
    templates.set(e.name, { action, installation: { uuid: '{{uuid#installation}}' }, data: build(action), actor: byUser(resource, action) ? USER : SENTRY });
  }
  return { meta: { provider: 'sentry', source: `getsentry/sentry-docs integration-platform/webhooks (data/sentry-events.json, read ${data.read})` }, events: data.events, templates };
}
