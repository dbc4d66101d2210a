import { describe, expect, it } from 'vitest';
import { runInProcess as runIn } from '../support/inproc.js';

/** listen binds, prints its banner and warnings, and stops at once (the signal is already aborted). */
async function listenBriefly(host: string) {
  const abort = new AbortController();
  abort.abort();
  return runIn(['listen', '--port', '0', '--no-store', '--host', host], { signal: abort.signal });
}

describe('listen warns when it is reachable from the network (issue 13, break 14)', () => {
  it('--host 0.0.0.0 prints a warning that captures are reachable from the network', async () => {
    const r = await listenBriefly('0.0.0.0');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^! listening on 0\.0\.0\.0, not loopback: captured deliveries, and anything else listen serves, are reachable from the network$/m);
  });

  it.each(['127.0.0.1', '::1', 'localhost', '127.0.0.2'])('--host %s (loopback) prints no such warning', async (host) => {
    const r = await listenBriefly(host);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/reachable from the network/);
  });
});
