import type { Handler } from './shared/context.js';
import { table } from './shared/output.js';
import { getProvider } from '../core/providers/registry.js';

interface EventsOptions { provider?: string }

const events: Handler<EventsOptions> = async (opts, ctx) => {
  const settings = await ctx.settings();
  const { out } = ctx;
  const list = opts.provider ? [getProvider(opts.provider, settings.customProviders)] : settings.providers;
  if (out.json) {
    for (const p of list) out.object({ provider: p.id, events: p.events.map(({ name, description }) => ({ name, description })) });
    return;
  }
  const rows = [['EVENT', 'DESCRIPTION'].map((h) => out.c.bold(h))];
  for (const p of list) for (const e of p.events) rows.push([`${p.id}/${e.name}`, e.description]);
  out.line(table(rows));
  out.log(out.c.dim(`send one with: hookctl send <event> --to localhost:3000 (bare names resolve in "${settings.provider}")`));
};
export default events;
