import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listEvents } from '../../src/core/catalogue/list-events.js';
import { getProvider } from '../../src/core/providers/registry.js';
import { startListen, type Listener } from '../listen/support.js';
import { runInProcess } from '../support/inproc.js';

/** The catalogues completed from the providers' sources: `test --only events` runs each of their events. */
const COMPLETED = ['slack', 'shopify', 'paddle', 'linear', 'discord', 'sendgrid', 'twilio', 'zoom', 'meta', 'twitch', 'asana', 'dropbox', 'notion'];

let listener: Listener;
beforeAll(async () => {
  // listen verifies with each provider's development secret, and answers 2xx to what it verifies.
  listener = await startListen([]);
});
afterAll(async () => {
  await listener?.stop();
});

describe('hookctl test --only handshakes,events exercises every catalogue event', () => {
  for (const id of COMPLETED) {
    it(`${id}: one passing event:<name> scenario per catalogue event`, async () => {
      const r = await runInProcess(['test', '--to', `${listener.url}${getProvider(id).request.path}`, '--provider', id, '--only', 'handshakes,events', '--json']);
      expect(r.code, r.stderr).toBe(0);
      // NDJSON: one row per scenario (and a baseline row), then the summary.
      const rows = r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { type: string; id: string; status: string })
        .filter((x) => x.type === 'scenario');
      // The handshakes run first, as their own scenarios; every other event is an event:<name>.
      const events = listEvents(getProvider(id));
      const expected = [...events.filter((e) => e.handshake).map((e) => `handshake:${e.name}`), ...events.filter((e) => !e.handshake).map((e) => `event:${e.name}`)];
      expect(rows.map((s) => s.id)).toEqual(expected);
      expect(rows.filter((s) => s.status !== 'pass')).toEqual([]);
    });
  }
});
