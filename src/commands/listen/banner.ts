import type { CommandContext } from '../shared/context.js';
import { isLoopbackHost } from '../../core/http/loopback.js';
import { redactUrl } from '../../core/http/target.js';
import type { CaptureServer } from '../../core/server/index.js';
import type { WritableCaptureStore } from '../../core/store/index.js';

/** What listen says once it is bound: where, verifying as what, storing where (and a warning if reachable from the network). */
export function printBanner(
  { out }: CommandContext,
  plan: { host: string; forwardTo?: URL; fixed?: { id: string } },
  server: CaptureServer,
  o: { store?: WritableCaptureStore; remembered: number; inspector: string | null },
): void {
  if (!isLoopbackHost(plan.host)) out.warn(`listening on ${plan.host}, not loopback: captured deliveries, and anything else listen serves, are reachable from the network`);
  const forwardTo = plan.forwardTo ? redactUrl(plan.forwardTo) : null;
  if (out.json) {
    out.object({ type: 'listening', url: server.url, inspector: o.inspector, port: server.port, store: o.store?.dir ?? null, provider: plan.fixed?.id ?? null, forwardTo });
    return;
  }
  out.log(`${out.c.green('●')} listening on ${out.c.bold(server.url)} (${plan.fixed ? `verifying as ${plan.fixed.id}` : 'provider detected per request'})`);
  const earlier = o.remembered ? ` (${o.remembered} earlier ${o.remembered === 1 ? 'delivery' : 'deliveries'} remembered for duplicates)` : '';
  out.log(out.c.dim(`  captures: ${o.store ? `${o.store.dir}${earlier}` : 'not stored (--no-store)'}${forwardTo ? `; forwarding to ${forwardTo}` : ''}; Ctrl-C to stop`));
  if (o.inspector) out.log(out.c.dim(`  inspector: ${o.inspector}`));
}
