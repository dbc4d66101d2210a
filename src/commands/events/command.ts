import type { Handler } from '../shared/context.js';
import { table } from '../shared/output.js';
import { listEvents, searchEvents, type ListedEvent } from '../../core/catalogue/list-events.js';
import { UsageError } from '../../core/errors.js';
import { getProvider } from '../../core/providers/registry.js';
import { fixtureDirs } from '../shared/fixture-dirs.js';
import type { EventsOptions } from './spec.js';

const events: Handler<EventsOptions> = async (opts, ctx, args) => {
  const settings = await ctx.settings();
  const { out, io } = ctx;
  const [positional] = args;
  if (positional && opts.provider && positional.toLowerCase() !== opts.provider.toLowerCase()) {
    throw new UsageError(`two providers given: "${positional}" and --provider ${opts.provider}`, `hookctl events ${positional}`);
  }
  const chosen = positional ?? opts.provider;
  const dirs = fixtureDirs(opts.fixtures, settings, io.cwd);
  // One provider reads one catalogue; the full list reads them all.
  const providers = chosen ? [getProvider(chosen, settings.customProviders)] : settings.providers;
  const lists = providers.map((p) => {
    const all = listEvents(p, dirs);
    return { provider: p.id, events: opts.search === undefined ? all : searchEvents(all, opts.search) };
  });
  const found = lists.reduce((n, l) => n + l.events.length, 0);

  if (opts.names) {
    for (const l of lists) for (const e of l.events) out.line(`${l.provider}/${e.name}`);
    return;
  }
  if (out.json) {
    for (const l of lists) if (!opts.search || l.events.length) out.object({ provider: l.provider, events: l.events.map(eventJson) });
    return;
  }
  if (found === 0) {
    out.log(opts.search === undefined ? 'no events' : `no event matches "${opts.search}"${chosen ? ` in ${chosen}` : ''}`);
    return;
  }
  const rows = [['EVENT', 'DESCRIPTION'].map((h) => out.c.bold(h))];
  for (const l of lists) for (const e of l.events) rows.push([`${l.provider}/${e.name}`, describe(e, out.c.dim)]);
  out.line(table(rows));
  out.log(out.c.dim(`${found} event${found === 1 ? '' : 's'}; send one with: hookctl send <provider>/<event> --to localhost:3000 (bare names resolve in "${settings.provider}")`));
};
export default events;

function eventJson(e: ListedEvent) {
  return {
    name: e.name,
    description: e.description,
    origin: e.origin,
    ...(e.overrides ? { overrides: true } : {}),
    ...(e.file ? { file: e.file } : {}),
    ...(e.object ? { object: e.object } : {}),
    ...(e.source ? { source: e.source } : {}),
    ...(e.note ? { note: e.note } : {}),
  };
}

/** One line: long catalogue descriptions are cut at the first sentence; yours are marked. */
function describe(e: ListedEvent, dim: (s: string) => string): string {
  const first = /^(.{20,}?[.!?])(\s|$)/.exec(e.description)?.[1] ?? e.description;
  const text = first.length > 100 ? `${first.slice(0, 99)}…` : first;
  if (e.origin === 'yours') return `${text} ${dim(e.overrides ? '(yours, overrides the built-in)' : '(yours)')}`;
  if (e.origin === 'config' && e.overrides) return `${text} ${dim('(config, overrides the built-in)')}`;
  return text;
}
