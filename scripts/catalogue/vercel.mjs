// Every Vercel webhook event type: the `Events` enum of Vercel's own SDK (vercel/sdk
// src/models/createwebhookop.ts, saved as data/vercel-events.json; see data/VERCEL.md), each in
// the documented envelope `{ id, type, createdAt, region, payload }`, the payload the resources the
// event is about (team, user, project, deployment, domain...), written by hookctl with its own values.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const TEAM = { id: 'team_hookctl0000000000000000' };
const USER = { id: 'usr_hookctl000000000000000' };
const PROJECT = { id: 'prj_hookctl00000000000000000000', name: 'checkout-web' };
const DEPLOYMENT_ID = 'dpl_{{id::28#deployment}}';
const URL = 'checkout-web-{{id::9#deployment}}-hookctl.vercel.app';

/** The names the enum keeps from Vercel's first integrations API, before events were dotted. */
const LEGACY = /^(deployment-[a-z-]+|project-(created|removed)|domain-created|deployment|integration-configuration-[a-z-]+)$/;

function deployment(type) {
  return {
    team: TEAM,
    user: USER,
    deployment: {
      id: DEPLOYMENT_ID,
      meta: { githubCommitRef: 'main', githubCommitSha: '{{hex:40}}' },
      url: URL,
      name: PROJECT.name,
      inspectorUrl: `https://vercel.com/hookctl/${PROJECT.name}/${DEPLOYMENT_ID}`,
    },
    links: { deployment: `https://vercel.com/hookctl/${PROJECT.name}/${DEPLOYMENT_ID}`, project: `https://vercel.com/hookctl/${PROJECT.name}` },
    target: type.includes('promoted') ? 'production' : 'preview',
    project: { id: PROJECT.id },
    plan: 'pro',
    regions: ['iad1'],
  };
}

const domain = () => ({ team: TEAM, user: USER, domain: { name: 'hookctl.dev', delegated: false } });
const project = (type) => ({ team: TEAM, user: USER, project: { ...PROJECT, ...(type.includes('renamed') ? { previousName: 'checkout' } : {}) } });

/** The payload of each family of events, by the event type's first part. */
const PAYLOADS = {
  budget: () => ({ team: TEAM, budget: { id: 'budget_{{id::20}}', type: 'fixed', limitInCents: 20000, currentSpendInCents: 20012 } }),
  domain,
  deployment,
  'edge-config': (type) => ({
    team: TEAM,
    user: USER,
    edgeConfig: { id: 'ecfg_{{id::28}}', slug: 'feature-flags' },
    ...(type.includes('items') ? { items: [{ key: 'checkout-v2', value: true }] } : {}),
  }),
  firewall: () => ({ team: TEAM, project: { id: PROJECT.id }, attack: { ruleId: 'rule_{{id::12}}', action: 'deny', host: 'hookctl.dev', requests: 1840, startedAt: '{{now:ms:-5m}}' } }),
  alerts: () => ({ team: TEAM, project: { id: PROJECT.id }, alert: { id: 'alert_{{id::20}}', title: 'Function error rate above 5%', status: 'firing' } }),
  'integration-configuration': () => ({ team: TEAM, user: USER, configuration: { id: 'icfg_{{id::24}}', projectSelection: 'selected', projects: [PROJECT.id] } }),
  'integration-resource': () => ({ team: TEAM, user: USER, installationId: 'icfg_{{id::24}}', resourceId: 'store_{{id::16}}', project: { id: PROJECT.id } }),
  project,
  marketplace: (type) => ({
    installationId: 'icfg_{{id::24}}',
    ...(type.includes('invoice') ? { invoiceId: 'inv_{{id::16}}', invoiceTotal: '20.00', period: { start: '{{now:iso:-30d}}', end: '{{now:iso}}' } } : { memberId: USER.id, role: 'ADMIN' }),
  }),
  'ai-gateway': () => ({ team: TEAM, balanceInCents: 0, autoReload: { enabled: true, limitInCents: 5000 } }),
  observability: () => ({ team: TEAM, project: { id: PROJECT.id }, anomaly: { metric: 'function_errors', route: '/api/checkout', detectedAt: '{{now:ms}}' } }),
  botid: () => ({ team: TEAM, project: { id: PROJECT.id }, anomaly: { route: '/api/checkout', botRequests: 920, detectedAt: '{{now:ms}}' } }),
  'test-webhook': () => ({ team: TEAM, user: USER, message: 'hookctl test webhook' }),
};

/** The family of an event type: its first part, for legacy names the word they start with. */
function family(type) {
  const head = type.split('.')[0];
  if (PAYLOADS[head]) return head;
  return Object.keys(PAYLOADS).find((f) => head.startsWith(`${f}-`)) ?? (head === 'deployment' ? 'deployment' : undefined);
}

function describe(type) {
  const words = type.replace(/[.-]/g, ' ');
  return LEGACY.test(type) ? `${words} (legacy integration event name)` : words;
}

export function vercelCatalogue(root) {
  const data = JSON.parse(readFileSync(join(root, 'scripts/catalogue/data/vercel-events.json'), 'utf8'));
  const events = [];
  const templates = new Map();
  for (const type of data.events) {
    const f = family(type);
    if (!f) throw new Error(`vercel: no payload for ${type}`);
    events.push({ name: type, description: describe(type), match: { type } });
    templates.set(type, { id: 'evt_{{id::24#event}}', type, createdAt: '{{now:ms}}', region: 'iad1', payload: PAYLOADS[f](type) });
  }
  return { meta: { provider: 'vercel', source: `vercel/sdk@${data.commit.slice(0, 12)} (the Events enum of its createwebhookop model, read ${data.read})` }, events, templates };
}
