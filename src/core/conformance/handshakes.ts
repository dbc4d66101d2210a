import { judgeDelivery } from '../handshake/delivery.js';
import type { ValueSource } from '../providers/handshake-spec.js';
import type { Delivery } from '../delivery/types.js';
import type { EventSpec, ProviderProfile } from '../providers/types.js';
import type { Probe, Scenario, ScenarioTools } from './types.js';

/**
 * One scenario per handshake event, run before everything else: a receiver that fails it is never
 * sent a single event. The answer is judged as the provider judges it (status, the value echoed,
 * its type, the deadline); a handshake the provider sends with a spoiled token (Meta's
 * `hub.verify_token`) must be refused too.
 */
export function handshakeScenarios(profile: ProviderProfile, events: readonly EventSpec[]): Scenario[] {
  return events.flatMap((event) => {
    const spec = event.handshake;
    if (!spec) return [];
    return [
      {
        id: `handshake:${event.name}`,
        key: 'handshake',
        description: `${profile.name}'s ${spec.name} check is answered as ${profile.name} requires, within ${spec.deadlineMs} ms`,
        probes: (t: ScenarioTools): Probe[] => {
          const d = t.builder('valid', event).build(t.world());
          const secret = t.secrets[0] ?? '';
          const probes: Probe[] = [{ label: spec.name, delivery: d, demand: 'accept', answer: (res) => failed(judgeDelivery(event, profile.name, d, res, secret)) }];
          if (spec.refuse) {
            const { spoil, status, why } = spec.refuse;
            probes.push({
              label: `${spec.name}, wrong ${spoil.path}`,
              delivery: spoiled(d, spoil),
              demand: 'reject',
              answer: (res) => (status.includes(res.status) ? undefined : `answered ${res.status} to a wrong ${spoil.path}, ${profile.name} expects ${status.join(' or ')}: ${why}`),
            });
          }
          return probes;
        },
      },
    ];
  });
}

function failed(v: ReturnType<typeof judgeDelivery>): string | undefined {
  return v && !v.ok ? v.message : undefined;
}

/** The same handshake with the token the receiver must check replaced by one it does not hold. */
function spoiled(d: Delivery, spoil: ValueSource): Delivery {
  const wrong = 'hookctl-wrong-token';
  if (spoil.from === 'query' && d.url) {
    const url = new URL(d.url);
    url.searchParams.set(spoil.path, wrong);
    return { ...d, url };
  }
  if (spoil.from === 'header') return { ...d, headers: d.headers.map(([n, v]): [string, string] => [n, n.toLowerCase() === spoil.path.toLowerCase() ? wrong : v]) };
  return d;
}
