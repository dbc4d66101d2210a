import { createHmac, timingSafeEqual } from 'node:crypto';
import { listEvents } from '../../src/core/catalogue/list-events.js';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILTIN_PROVIDERS } from '../../src/core/providers/registry.js';
import { runCli } from '../support/cli.js';
import { runInProcess } from '../support/inproc.js';
import { startServer, type TestServer } from '../support/server.js';
import { testSecret, verifierFor, verifyingHandler, type Verdict } from './receivers.js';
import { maskSecret } from '../../src/core/config/secret-display.js';

const json = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, any>);

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('every event of every provider is accepted by a receiver verifying with its own rules', () => {
  it.each(BUILTIN_PROVIDERS.map((p) => [p.id, listEvents(p).map((e) => e.name)] as const))('%s', async (provider, events) => {
    const secret = testSecret(provider);
    const verdicts: Verdict[] = [];
    server = await startServer(verifyingHandler(verifierFor(provider, secret), verdicts, { provider, secret }));
    const r = await runInProcess(['send', '--all', '--provider', provider, '--to', server.url, '--secret', secret, '--expect', '2xx', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(verdicts).toEqual(events.map(() => ({ ok: true })));
    const records = json(r.stdout);
    expect(records.map((x) => x.event)).toEqual(events);
    const profile = BUILTIN_PROVIDERS.find((p) => p.id === provider)!;
    server.received.forEach((req, i) => {
      const event = listEvents(profile)[i]!;
      const contentType = event.contentType ?? profile.request.contentType;
      // A handshake request may have its own method (Meta's and Dropbox's GETs).
      expect(req.method).toBe(event.request?.method ?? profile.request.method);
      // Twilio binds a JSON body in the URL it signs (bodySHA256); a query template puts its fields there.
      expect(req.url.split('?')[0]).toBe(profile.request.path);
      // A request sent with no body (a query template) has no Content-Type and nothing to lay out.
      const bodyless = event.request?.template === 'query';
      expect(req.headers['content-type']).toBe(bodyless ? undefined : contentType);
      if (bodyless) expect(req.body.length).toBe(0);
      // The provider's own layout: compact JSON, Stripe's 2-space indentation, or a form; exactly the bytes reported and signed.
      else if (/json/.test(contentType)) {
        const parsed: unknown = JSON.parse(req.body.toString());
        expect(req.body.toString()).toBe(profile.request.bodyFormat === 'pretty' ? JSON.stringify(parsed, null, 2) : JSON.stringify(parsed));
      } else {
        expect(req.body.toString()).toBe(new URLSearchParams(req.body.toString()).toString());
      }
      // What --json reports is the body sent, a token that travels in it (Graph's clientState) masked.
      expect(req.body.toString().split(secret).join(maskSecret(secret))).toBe(records[i]!.request.body);
      if (profile.request.deliveryId) expect(req.headers[profile.request.deliveryId.header.toLowerCase()]).toBe(records[i]!.deliveryId);
      if (profile.request.eventHeader) expect(req.headers[profile.request.eventHeader.name.toLowerCase()]).toBeTruthy();
    });
    // Fresh ids per delivery: no two bodies alike.
    expect(new Set(server.received.map((q) => q.body.toString())).size).toBe(events.length);
  });
});

describe('seed documents whose samples re-serialize or crash', () => {
  it("ittybit: the doc's Express sample (express.json, then JSON.stringify(req.body)) accepts the compact body", async () => {
    const secret = testSecret('ittybit');
    const seen: boolean[] = [];
    const app = express();
    app.use(express.json());
    app.post('/webhooks/ittybit', (req, res) => {
      const signature = req.headers['ittybit-signature'] as string;
      const computed = createHmac('sha256', secret).update(JSON.stringify(req.body)).digest('hex');
      const ok = Boolean(signature) && timingSafeEqual(Buffer.from(signature), Buffer.from(computed));
      seen.push(ok);
      if (!ok) {
        res.status(401).send('Invalid signature');
        return;
      }
      res.sendStatus(200);
    });
    const listener = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => listener.once('listening', resolve));
    try {
      const port = (listener.address() as AddressInfo).port;
      const r = await runInProcess(['send', '--all', '--provider', 'ittybit', '--to', `127.0.0.1:${port}`, '--secret', secret, '--expect', '2xx']);
      expect(r.code).toBe(0);
      expect(seen).toEqual([true, true]);
      expect(r.stdout).toMatch(/✔ 200 OK ittybit\/job.completed → 127.0.0.1:\d+\/webhooks\/ittybit/);
    } finally {
      listener.closeAllConnections();
      await new Promise((resolve) => listener.close(resolve));
    }
  });
});

describe('zero configuration', () => {
  it('send job.completed --to <port> signs with the documented dev secret and says so on stderr, masked', async () => {
    const verdicts: Verdict[] = [];
    server = await startServer(verifyingHandler(verifierFor('transcodely', 'whsec_hookctl_dev_secret'), verdicts));
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const r = await runCli(['send', 'job.completed', '--to', String(server.port)], { cwd: mkdtempSync(join(tmpdir(), 'hookctl-send-')) });
    expect(r.code).toBe(0);
    expect(verdicts).toEqual([{ ok: true }]);
    expect(r.stderr).toContain('development secret whsec_ho…et');
    expect(r.stderr).not.toContain('whsec_hookctl_dev_secret');
    expect(r.stdout).toMatch(/^✔ 200 OK transcodely\/job\.completed → localhost:\d+\/webhooks\/transcodely \d+ ms dlv_[a-z0-9]{12} \{"ok":true\}\n$/);
    expect(server.received[0]!.url).toBe('/webhooks/transcodely');
  });
});
