import { writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createForwarder } from '../../src/core/server/forward.js';
import type { ArrivedRequest } from '../../src/core/server/types.js';
import { tempDir } from '../captures/helpers.js';
import { runCli } from '../support/cli.js';
import { runInProcess as runIn } from '../support/inproc.js';

/** A project directory whose hookctl.config.mjs is `source`. */
function project(source: string): string {
  const cwd = tempDir('hookctl-config-');
  writeFileSync(join(cwd, 'package.json'), '{}');
  writeFileSync(join(cwd, 'hookctl.config.mjs'), source);
  return cwd;
}

describe('a JS config that never settles, throws, or throws a non-Error (issue 22, item 5)', () => {
  it('a top-level await that never settles is exit 2 for send, test, verify and listen, never a silent 0', async () => {
    const cwd = project('await new Promise(() => {});\nexport default {};\n');
    // Real processes: the process running out of work is what a never-settling import looks like.
    const runs = await Promise.all(
      [
        ['send', 'job.completed', '--to', 'localhost:9', '--expect', '2xx'],
        ['test', '--to', 'localhost:9'],
        ['verify', 'last'],
        ['listen', '--port', '0'],
      ].map((args) => runCli(args, { cwd })),
    );
    for (const r of runs) {
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toBe(
        '✗ config file hookctl.config.mjs did not finish loading\n  hint: its top-level await never settles: make the module export its settings without waiting on something that never comes\n',
      );
    }
  });

  it('a property getter that throws is exit 2, "failed to load", with what it threw', async () => {
    const cwd = project('export default { get provider() { throw new Error("no provider today"); } };\n');
    const r = await runIn(['send', 'job.completed', '--dry-run'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^✗ config file hookctl\.config\.mjs failed to load: no provider today\n {2}hint: fix the config module/);
  });

  it('throw "a string" and throw null say what the config threw', async () => {
    for (const [thrown, said] of [
      ['"a string"', 'a string'],
      ['null', 'it threw null'],
      ['42', 'it threw 42'],
    ]) {
      const r = await runIn(['send', 'job.completed', '--dry-run'], { cwd: project(`throw ${thrown};\n`) });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr.split('\n')[0]).toBe(`✗ config file hookctl.config.mjs failed to load: ${said}`);
      expect(r.stderr).not.toMatch(/TypeError|\n\s+at /);
    }
  });
});

describe('listen --forward-to pointing back at listen (issue 22, item 5)', () => {
  it("is refused at start, exit 2, when the target is listen's own address", async () => {
    for (const target of ['localhost:4999', 'http://127.0.0.1:4999/hooks', 'http://[::1]:4999']) {
      const r = await runIn(['listen', '--port', '4999', '--forward-to', target]);
      expect(r.code, target).toBe(2);
      expect(r.stderr).toMatch(/^✗ --forward-to .* is this listen's own address: every delivery would be relayed back to it\n {2}hint: point --forward-to at your app's port/);
    }
  });

  it('knows a request arriving on one of its own connections, whatever name led there', async () => {
    let forwarder: Awaited<ReturnType<typeof createForwarder>> | undefined;
    const verdicts: boolean[] = [];
    const arrived = (req: IncomingMessage): ArrivedRequest =>
      ({
        method: req.method ?? 'POST',
        path: req.url ?? '/',
        rawHeaders: [],
        headers: req.headers,
        body: Buffer.alloc(0),
        remoteAddress: req.socket.remoteAddress,
        remotePort: req.socket.remotePort,
        receivedAt: 0,
      }) as ArrivedRequest;
    const server = createServer((req, res) => {
      verdicts.push(forwarder?.isOwn(arrived(req)) ?? false);
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    try {
      forwarder = await createForwarder(url, { timeoutMs: 5_000, maxAnswer: 1024 });
      const relayed = await forwarder.forward({ method: 'POST', path: '/x', rawHeaders: [], headers: {}, body: Buffer.from('{}'), receivedAt: 0 } as unknown as ArrivedRequest);
      expect(relayed.status).toBe(200);
      // Another client on the same machine is a sender like any other.
      await fetch(url, { method: 'POST', body: '{}' });
      expect(verdicts).toEqual([true, false]);
    } finally {
      await forwarder?.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
