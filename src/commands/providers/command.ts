import type { Handler } from '../shared/context.js';
import type { ProvidersOptions } from './spec.js';
import { table } from '../shared/output.js';
import { listEvents } from '../../core/catalogue/list-events.js';
import { describeProvider } from '../../core/providers/describe.js';

const providers: Handler<ProvidersOptions> = async (_opts, ctx) => {
  const settings = await ctx.settings();
  const { out } = ctx;
  if (out.json) {
    for (const p of settings.providers) {
      out.object({
        id: p.id,
        name: p.name,
        default: p.id === settings.provider,
        ...describeProvider(p),
        scheme: p.scheme,
        request: p.request,
        delivery: p.delivery,
        events: listEvents(p, settings.fixtureDirs).map((e) => e.name),
      });
    }
    return;
  }
  const rows = [['ID', 'NAME', 'SIGNATURE HEADER', 'SIGNS', 'TOLERANCE', 'TIMEOUT', 'RETRIES'].map((h) => out.c.bold(h))];
  for (const p of settings.providers) {
    const d = describeProvider(p);
    const id = p.id === settings.provider ? `${p.id} ${out.c.dim('(default)')}` : p.id;
    rows.push([id, p.name, d.signatureHeader, d.signedContent, d.tolerance, d.timeout, d.retries]);
  }
  out.line(table(rows));
};
export default providers;
