import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../support/inproc.js';
import { startServer, type TestServer } from '../support/server.js';
import { getJson, http, runLive, type Running } from './support.js';

const STRIPE_DEV = 'whsec_hookctl_dev_secret';

describe('the inspector under listen: API and security', () => {
  let cwd: string;
  let live: Running;
  let base: string;
  let token: string;
  let origin: string;
  let receiver: TestServer;
  let ids: string[];

  beforeAll(async () => {
    cwd = mkdtempSync(join(tmpdir(), 'hookctl-inspector-'));
    receiver = await startServer((_r, res) => {
      res.setHeader('content-type', 'text/plain');
      res.end('thanks');
    });
    live = await runLive(['listen', '--port', '0'], cwd);
    const url = new URL(live.banner.inspector as string);
    token = url.searchParams.get('token') as string;
    origin = url.origin;
    base = `${origin}/_hookctl`;
    const sent = await runInProcess(['send', '--all', '--provider', 'stripe', '--to', live.banner.url as string], { cwd });
    expect(sent.code, sent.stderr).toBe(0);
    const list = await getJson(`${base}/api/captures?token=${token}`);
    ids = list.captures.map((c: { id: string }) => c.id);
  });
  afterAll(async () => {
    expect(await live.stop()).toBe(0);
    await receiver.close();
  });

  it('prints the inspector URL with a per-run token in the banner', () => {
    expect(live.banner.inspector).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/_hookctl\/\?token=[0-9a-f]{32}$/);
  });

  it('lists every delivery newest first with its verification, and captures nothing under /_hookctl/', async () => {
    const { captures } = await getJson(`${base}/api/captures?token=${token}`);
    expect(captures.length).toBeGreaterThanOrEqual(4);
    expect(captures.every((c: any) => c.provider === 'stripe' && c.verification.ok === true && c.status === 200)).toBe(true);
    expect([...ids].sort().reverse()).toEqual(ids);
    const stored = await runInProcess(['--json', 'captures', 'list'], { cwd });
    expect(stored.stdout.trim().split('\n')).toHaveLength(ids.length);
  });

  it('gives, for a capture, the verification and diagnosis `hookctl verify` gives', async () => {
    const d = await getJson(`${base}/api/captures/${ids[0]}?token=${token}`);
    const cli = JSON.parse((await runInProcess(['--json', 'verify', ids[0] as string], { cwd })).stdout);
    const { ageSec: _a, ...fromPage } = d.check.json;
    const { ageSec: _b, ...fromCli } = cli;
    expect(fromPage).toEqual(fromCli);
    expect(d.check.text).toMatch(/^✔ valid {2}\S+ {2}stripe {2}Stripe-Signature/);
    expect(d.requestLine).toBe('POST /webhooks/stripe HTTP/1.1');
  });

  it('refuses requests without the token, from another origin, another site, or another Host name', async () => {
    const api = `${base}/api/captures`;
    expect((await http(api)).status).toBe(401);
    expect((await http(`${api}?token=${token.replace(/.$/, (c) => (c === '0' ? '1' : '0'))}`)).status).toBe(401);
    expect((await http(`${base}/`)).status).toBe(401);
    expect((await http(`${api}?token=${token}`, { headers: [['Origin', 'http://evil.example']] })).status).toBe(403);
    expect((await http(`${api}?token=${token}`, { headers: [['Sec-Fetch-Site', 'cross-site']] })).status).toBe(403);
    // DNS rebinding: a name that resolves here, but is not this server's name.
    expect((await http(`${api}?token=${token}`, { headers: [['Host', `rebind.example:${new URL(origin).port}`]] })).status).toBe(403);
    expect((await http(`${api}?token=${token}`, { headers: [['Host', `localhost:${new URL(origin).port}`]] })).status).toBe(200);
    const replay = `${base}/api/captures/${ids[0]}/replay`;
    const body = JSON.stringify({ to: receiver.url });
    // Mutating: the token must come in a header (a query token is not enough), from this origin.
    expect((await http(`${replay}?token=${token}`, { method: 'POST', body, headers: [['Origin', origin]] })).status).toBe(401);
    expect((await http(replay, { method: 'POST', body, headers: [['X-Hookctl-Token', token]] })).status).toBe(403);
    expect(receiver.received).toHaveLength(0);
  });

  it('redirects /_hookctl to /_hookctl/ (relative asset URLs stay under the prefix)', async () => {
    const res = await http(`${base}?token=${token}`);
    expect([res.status, res.headers.location]).toEqual([308, `/_hookctl/?token=${token}`]);
  });

  it('serves the page with a strict Content-Security-Policy', async () => {
    const page = await http(`${base}/?token=${token}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.body.toString()).not.toMatch(/<script>|https?:\/\/(?!www\.w3)/);
  });

  it('replays exactly, and re-signed (the stripe library accepts the fresh signature), showing the answer', async () => {
    const replay = (resign: boolean) =>
      http(`${base}/api/captures/${ids[0]}/replay`, {
        method: 'POST',
        body: JSON.stringify({ to: receiver.url, resign }),
        headers: [
          ['Origin', origin],
          ['X-Hookctl-Token', token],
          ['Content-Type', 'application/json'],
        ],
      });
    const exact = JSON.parse((await replay(false)).body.toString());
    expect(exact).toMatchObject({ status: 200, resigned: false, body: { text: 'thanks' } });
    const d = await getJson(`${base}/api/captures/${ids[0]}?token=${token}`);
    expect(receiver.received[0]?.body.toString('base64')).toBe(d.body.base64);
    expect(receiver.received[0]?.url).toBe('/webhooks/stripe');
    const signed = JSON.parse((await replay(true)).body.toString());
    expect(signed).toMatchObject({ status: 200, resigned: true });
    const got = receiver.received[1];
    const event = new Stripe('sk_test_x').webhooks.constructEvent(got?.body as Buffer, got?.headers['stripe-signature'] as string, STRIPE_DEV);
    expect(event.id).toBeTruthy();
  });

  it('downloads the raw request byte for byte, a HAR, and a curl command', async () => {
    const raw = await http(`${base}/api/captures/${ids[1]}/raw?token=${token}`);
    const shown = await runInProcess(['captures', 'show', ids[1] as string, '--raw'], { cwd });
    expect(raw.headers['content-disposition']).toMatch(/^attachment;/);
    expect(raw.body.toString()).toBe(shown.stdout);
    const har = JSON.parse((await http(`${base}/api/captures/${ids[1]}/har?token=${token}`)).body.toString());
    expect(har.log.entries[0]._hookctl.id).toBe(ids[1]);
    const curl = (await http(`${base}/api/captures/${ids[1]}/curl?token=${token}`)).body.toString();
    expect(curl).toMatch(/^# \S+ stripe/);
    expect(curl).toContain("-H 'Stripe-Signature: t=");
  });

  it('searches path, headers and body, case-insensitively', async () => {
    const d = await getJson(`${base}/api/captures/${ids[2]}?token=${token}`);
    const id = JSON.parse(d.body.text).id as string;
    expect((await getJson(`${base}/api/search?token=${token}&q=${encodeURIComponent(id.toUpperCase())}`)).ids).toEqual([ids[2]]);
    expect((await getJson(`${base}/api/search?token=${token}&q=stripe-signature`)).ids).toHaveLength(ids.length);
    expect((await getJson(`${base}/api/search?token=${token}&q=no-such-text-anywhere`)).ids).toEqual([]);
  });

  it('keeps headers in arrival order with duplicates, and binary bodies byte-exact', async () => {
    const body = Buffer.from([0, 1, 2, 0xff, 0xfe, 0x80, 10, 13]);
    await http(`${live.banner.url}/bin?x=1`, {
      method: 'POST',
      body,
      headers: [
        ['X-Dup', 'one'],
        ['x-dup', 'two'],
        ['Content-Type', 'application/octet-stream'],
      ],
    });
    await live.waitFor((l) => l.type === 'delivery' && l.path === '/bin?x=1');
    const { captures } = await getJson(`${base}/api/captures?token=${token}`);
    const d = await getJson(`${base}/api/captures/${captures[0].id}?token=${token}`);
    expect(d.requestLine).toBe('POST /bin?x=1 HTTP/1.1');
    expect(d.headers.filter(([k]: [string]) => k.toLowerCase() === 'x-dup')).toEqual([
      ['X-Dup', 'one'],
      ['x-dup', 'two'],
    ]);
    expect(d.body.text).toBeNull();
    expect(Buffer.from(d.body.base64, 'base64').equals(body)).toBe(true);
  });

  it('pushes new captures to open pages as server-sent events', async () => {
    const events = await new Promise<string>((resolve, reject) => {
      let text = '';
      const u = new URL(`${base}/api/events?token=${token}`);
      let probed = false;
      const req = import('node:http').then(({ get }) =>
        get(u, (res) => {
          res.setEncoding('utf8').on('data', (d: string) => {
            text += d;
            if (!probed && text.startsWith(': hookctl')) {
              probed = true;
              http(`${live.banner.url}/sse-probe`, { method: 'POST', body: '{"probe":true}' }).catch(reject);
            }
            if (text.includes('event: captures')) {
              res.destroy();
              resolve(text);
            }
          });
        }).on('error', reject),
      );
      void req;
    });
    const data = JSON.parse(/data: (.*)/.exec(events)?.[1] ?? '[]');
    expect(data[0]).toMatchObject({ path: '/sse-probe', method: 'POST', bytes: 14 });
  });
});

describe('listen --secret', () => {
  it("the page checks with listen's own --provider and --secret, as `verify --secret` would", async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'hookctl-secret-'));
    const live = await runLive(['listen', '--port', '0', '--provider', 'stripe', '--secret', 'whsec_rotated_2026'], cwd);
    const url = new URL(live.banner.inspector as string);
    const token = url.searchParams.get('token') as string;
    expect((await runInProcess(['send', 'invoice.paid', '--provider', 'stripe', '--secret', 'whsec_rotated_2026', '--to', live.banner.url as string], { cwd })).code).toBe(0);
    const delivery = await live.waitFor((l) => l.type === 'delivery');
    const d = await getJson(`${url.origin}/_hookctl/api/captures/${delivery.id}?token=${token}`);
    expect(d.check.json).toMatchObject({ ok: true, secretSource: 'flag', provider: 'stripe' });
    expect(await live.stop()).toBe(0);
  });
});

describe('listen --no-ui', () => {
  it('serves no inspector: requests under /_hookctl/ are captured like any other', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'hookctl-noui-'));
    const live = await runLive(['listen', '--port', '0', '--no-ui'], cwd);
    expect(live.banner.inspector).toBeNull();
    const res = await http(`${live.banner.url}/_hookctl/api/captures`);
    expect(res.status).toBe(200);
    await live.waitFor((l) => l.type === 'delivery' && l.path === '/_hookctl/api/captures');
    expect(await live.stop()).toBe(0);
  });
});

describe('hookctl ui', () => {
  it('serves the inspector over an existing store, captures nothing, and follows what another writer appends', async () => {
    const { makeCapture, storeWith } = await import('../captures/helpers.js');
    const { openStore } = await import('../../src/core/store/index.js');
    const at = Date.UTC(2026, 0, 2);
    const first = makeCapture({ provider: 'github', secret: 's', body: '{"zen":"first"}', event: 'ping', at });
    const dir = await storeWith([first]);
    const ui = await runLive(['ui', '--store', dir, '--port', '0'], dir);
    const inspector = new URL(ui.banner.inspector as string);
    const token = inspector.searchParams.get('token') as string;
    const base = `${inspector.origin}/_hookctl`;
    expect((await getJson(`${base}/api/captures?token=${token}`)).captures.map((c: any) => c.id)).toEqual([first.id]);
    expect((await http(`${inspector.origin}/webhooks`, { method: 'POST', body: '{}' })).status).toBe(404);

    const second = makeCapture({ provider: 'github', secret: 's', body: '{"zen":"second"}', event: 'ping', at: at + 1000 });
    const event = await new Promise<string>((resolve, reject) => {
      let text = '';
      void import('node:http').then(({ get }) =>
        get(`${base}/api/events?token=${token}`, (res) => {
          res.setEncoding('utf8').on('data', (d: string) => {
            if (!text) {
              const store = openStore(dir);
              store
                .append(second)
                .then(() => store.close())
                .catch(reject);
            }
            text += d;
            if (text.includes('event: captures')) {
              res.destroy();
              resolve(text);
            }
          });
        }).on('error', reject),
      );
    });
    expect(JSON.parse(/data: (.*)/.exec(event)?.[1] ?? '[]')[0]).toMatchObject({ id: second.id, event: 'ping' });
    expect((await runInProcess(['--json', 'captures', 'list', '--store', dir], { cwd: dir })).stdout.trim().split('\n')).toHaveLength(2);
    expect(await ui.stop()).toBe(0);
  });
});
