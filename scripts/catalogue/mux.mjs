// Every Mux webhook of @mux/mux-node: the members of its `UnwrapWebhookEvent` union (what
// `webhooks.unwrap` returns), each body sampled from that member's type: Mux's envelope
// `{ type, object, id, environment, data, created_at, attempts }`. No header names the event, so
// each is matched by the body's `type`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSampler } from './ts-sample.mjs';
import { literalOf, typeModule, unionMembers } from './ts-types.mjs';
import { muxHints } from './mux-hints.mjs';
import { typeCheckFile } from './type-check.mjs';

const SOURCE = `import type { UnwrapWebhookEvent } from '@mux/mux-node/resources/webhooks/webhooks';
export type All = UnwrapWebhookEvent;
`;

export async function muxCatalogue(root) {
  const { checker, aliases } = typeModule(root, SOURCE);
  const events = [];
  const templates = new Map();
  const checks = [];
  for (const member of unionMembers(aliases.get('All'))) {
    const name = literalOf(checker, member, 'type');
    if (typeof name !== 'string') throw new Error('mux: an UnwrapWebhookEvent member has no literal `type`');
    if (templates.has(name)) throw new Error(`mux: ${name} twice in UnwrapWebhookEvent`);
    const kind = objectType(name);
    const body = createSampler(checker, muxHints(name.split('.').at(-1), kind), 9)(member);
    // The object the event is about, by the id its data carries (docs.mux.com/webhook-reference).
    const template = {
      type: name,
      object: { type: kind, id: body.data?.id ?? `{{id::36#${kind}}}` },
      id: '{{uuid#event}}',
      environment: body.environment,
      data: body.data,
      created_at: '{{now:iso}}',
      attempts: [],
    };
    events.push({ name, description: describe(name), match: { type: name } });
    templates.set(name, template);
    checks.push({ event: name, type: `Extract<UnwrapWebhookEvent, { type: '${name}' }>`, body: template });
  }
  const types = await typeCheckFile(root, { provider: 'mux', imports: ["import type { UnwrapWebhookEvent } from '@mux/mux-node/resources/webhooks/webhooks';"], checks });
  const version = JSON.parse(readFileSync(join(root, 'node_modules/@mux/mux-node/package.json'), 'utf8')).version;
  return { meta: { provider: 'mux', source: `@mux/mux-node@${version} (UnwrapWebhookEvent)` }, events, templates, types };
}

/** The envelope's `object.type`: the resource the name's second segment gives (`video.asset.ready` → asset). */
function objectType(name) {
  const [, resource, sub] = name.split('.');
  if (resource === 'asset' && ['track', 'static_rendition'].includes(sub)) return sub;
  if (resource === 'live_stream' && sub === 'simulcast_target') return sub;
  return resource === 'job' ? 'job' : resource;
}

/** `video.asset.ready` → "video asset: ready"; `robots.job.moderate.completed` → "robots moderate job: completed". */
function describe(name) {
  const parts = name.split('.');
  const action = (parts.pop() ?? '').replace(/_/g, ' ');
  if (parts[0] === 'robots' && parts[1] === 'job') return `robots ${parts[2].replace(/_/g, ' ')} job: ${action}`;
  return `${parts.join(' ').replace(/_/g, ' ')}: ${action}`;
}
