import { listEvents } from '../../src/core/catalogue/list-events.js';
import { createDeliveryBuilder } from '../../src/core/delivery/build.js';
import type { Delivery } from '../../src/core/delivery/types.js';
import { getProvider } from '../../src/core/providers/registry.js';
import { seededRandom } from '../../src/core/random.js';

/** A delivery's header by name, case-insensitively (the last one wins, as receivers read it). */
export function headerOf(d: Delivery, name: string): string {
  const found = d.headers.filter(([n]) => n.toLowerCase() === name.toLowerCase()).at(-1);
  if (!found) throw new Error(`no ${name} header on ${d.event}`);
  return found[1];
}

/** Every catalogue event of a built-in provider, each as one signed delivery at `now`. */
export function everyDelivery(provider: string, secret: string, now = Date.now(), url?: URL): { name: string; delivery: Delivery }[] {
  const profile = getProvider(provider);
  return listEvents(profile).map((e, i) => ({
    name: e.name,
    delivery: createDeliveryBuilder({ profile, event: e.name, secrets: [secret], ...(url ? { url } : {}) }).build({ now, random: seededRandom(i + 1) }),
  }));
}
