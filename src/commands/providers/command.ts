import type { CommandContext, Handler } from '../shared/context.js';
import type { Settings } from '../../core/config/types.js';
import type { ProvidersOptions } from './spec.js';
import { table } from '../shared/output.js';
import { listEvents } from '../../core/catalogue/list-events.js';
import { describeProvider } from '../../core/providers/describe.js';
import { byCategory, inCategory, searchProviders } from '../../core/providers/find.js';
import { providerDetail } from '../../core/providers/detail.js';
import { getProvider } from '../../core/providers/registry.js';
import type { ProviderProfile } from '../../core/providers/types.js';
import { UsageError } from '../../core/errors.js';

const providers: Handler<ProvidersOptions> = async (opts, ctx, args) => {
  const settings = await ctx.settings();
  const { out } = ctx;
  const [id] = args;
  if (id !== undefined) return showOne(getProvider(id, settings.customProviders), opts, ctx, settings);
  let chosen = opts.category === undefined ? settings.providers : inCategory(settings.providers, opts.category);
  // An event match says which events matched: "clerk (2 of 45: user.created, ...)".
  const matched = new Map<string, string[]>();
  if (opts.search !== undefined) {
    const found = searchProviders(chosen, opts.search, settings.fixtureDirs);
    for (const m of found) if (m.events.length) matched.set(m.profile.id, m.events);
    chosen = found.map((m) => m.profile);
  }
  if (out.json) {
    for (const p of chosen) out.object({ ...asJson(p, settings), ...(matched.has(p.id) ? { matchedEvents: matched.get(p.id) } : {}) });
    return;
  }
  if (chosen.length === 0) {
    out.log(`no provider matches${opts.search === undefined ? '' : ` "${opts.search}"`}; hookctl providers lists them all`);
    return;
  }
  const rows = [['ID', 'NAME', 'SIGNATURE HEADER', 'SIGNS', 'TOLERANCE', 'TIMEOUT', 'RETRIES'].map((h) => out.c.bold(h))];
  for (const group of byCategory(chosen)) {
    rows.push([out.c.bold(group.title), '', '', '', '', '', '']);
    for (const p of group.providers) {
      const d = describeProvider(p);
      const id = p.id === settings.provider ? `${p.id} ${out.c.dim('(default)')}` : p.id;
      const events = matched.get(p.id);
      const name = events
        ? `${p.name} ${out.c.dim(`(${events.length} of ${listEvents(p, settings.fixtureDirs).length}: ${events.slice(0, 3).join(', ')}${events.length > 3 ? ', ...' : ''})`)}`
        : p.name;
      rows.push([`  ${id}`, name, d.signatureHeader, d.signedContent, d.tolerance, d.timeout, d.retries]);
    }
  }
  out.line(table(rows));
};

function asJson(p: ProviderProfile, settings: Settings) {
  return {
    id: p.id,
    name: p.name,
    category: p.category ?? 'custom',
    default: p.id === settings.provider,
    ...describeProvider(p),
    ...(p.verifier ? { verifier: p.verifier } : {}),
    ...(p.docs ? { docs: p.docs } : {}),
    scheme: p.scheme,
    request: p.request,
    delivery: p.delivery,
    events: listEvents(p, settings.fixtureDirs).map((e) => e.name),
  };
}

/** `hookctl providers <id>`: everything a developer wiring a receiver needs, on one screen. */
async function showOne(p: ProviderProfile, opts: ProvidersOptions, ctx: CommandContext, settings: Settings): Promise<void> {
  const { out } = ctx;
  if (opts.search !== undefined || opts.category !== undefined) throw new UsageError(`--search and --category filter the list; "${p.id}" shows one provider`, `hookctl providers ${p.id}`);
  const events = listEvents(p, settings.fixtureDirs);
  if (out.json) {
    // The private half of a development key pair never leaves the profile; the secret is hookctl's public dev one.
    out.object({ ...asJson(p, settings), ...(p.devKeyPair ? { devPublicKey: p.devKeyPair.publicKey } : { devSecret: p.devSecret }) });
    return;
  }
  out.line(`${out.c.bold(p.name)} ${out.c.dim(`(${p.id})`)}`);
  const rows = providerDetail(p, events.length, events[0]?.name);
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [label, value] of rows) out.line(`  ${out.c.dim(label.padEnd(width))}  ${value}`);
}
export default providers;
