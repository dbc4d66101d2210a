import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeLine, encodeCapture, sha256Hex, type Capture } from '../../src/core/store/index.js';
import { getJson, runLive, type Running } from '../inspector/support.js';
import { runInProcess } from '../support/inproc.js';
import { startServer, type TestServer } from '../support/server.js';

/** A captured handshake shows as one, with the answer it got, in verify, captures and the inspector. */
describe('a captured handshake keeps its answer and its verdict', () => {
  let cwd: string;
  let live: Running;
  let relay: Running;
  let app: TestServer;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    cwd = mkdtempSync(join(tmpdir(), 'hookctl-hs-captured-'));
    // An app that acknowledges Slack's check like an event: the mistake listen must record.
    app = await startServer((_r, res) => void res.setHeader('content-type', 'application/json').end('{"ok":true}'));
    live = await runLive(['listen', '--port', '0'], cwd);
    relay = await runLive(['listen', '--port', '0', '--forward-to', app.url, '--no-ui'], cwd);
    for (const [event, to] of [
      ['asana/handshake', live],
      ['zoom/endpoint.url_validation', live],
      ['slack/url_verification', relay],
    ] as const) {
      await runInProcess(['send', event, '--to', to.banner.url as string], { cwd });
      const line = await to.waitFor((l) => l.type === 'delivery' && l.event === event.split('/')[1]);
      ids[event] = line.id as string;
    }
  });
  afterAll(async () => {
    await live.stop();
    await relay.stop();
    await app.close();
  });

  it('verify: an unsigned check is a handshake by design, with the answer listen gave, its echoed secret masked', async () => {
    const r = await runInProcess(['verify', ids['asana/handshake'] as string], { cwd });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('✔ handshake');
    expect(r.stdout).toContain('sent unsigned by design, Asana signs the events that follow');
    expect(r.stdout).toMatch(/answered by hookctl listen: ✔ answered as the provider expects/);
    expect(r.stdout).toMatch(/answer {5}200, X-Hook-Secret: [0-9a-f]{2}…/);
    const json = JSON.parse((await runInProcess(['--json', 'verify', ids['asana/handshake'] as string], { cwd })).stdout);
    expect(json).toMatchObject({ ok: true, handshake: { event: 'handshake', unsignedByDesign: true, recorded: { by: 'listen', ok: true, unsigned: true } } });
    expect(json.handshake.recorded.answer.header[1]).not.toMatch(/^[0-9a-f]{64}$/);
  });

  it('verify: a signed check shows its signature and the answer; an app that answered wrong fails, naming the mistake', async () => {
    const zoom = await runInProcess(['verify', ids['zoom/endpoint.url_validation'] as string], { cwd });
    expect(zoom.code).toBe(0);
    expect(zoom.stdout).toMatch(/✔ valid .* zoom/);
    expect(zoom.stdout).toMatch(/answer {5}200, application\/json.*"plainToken"/);

    const slack = await runInProcess(['verify', ids['slack/url_verification'] as string], { cwd });
    expect(slack.code).toBe(1);
    expect(slack.stdout).toMatch(/handshake {2}url_verification, answered by your app: ✘ answered "\{\\"ok\\":true\}", not the challenge/);
  });

  it('captures list marks the unsigned check as a handshake, not a missing signature', async () => {
    const r = await runInProcess(['captures', 'list'], { cwd });
    const asana = r.stdout.split('\n').find((l) => l.startsWith(ids['asana/handshake'] as string));
    expect(asana).toContain('⇄ handshake');
    expect(asana).not.toContain('missing-signature');
    const show = await runInProcess(['captures', 'show', ids['slack/url_verification'] as string], { cwd });
    expect(show.stdout).toMatch(/handshake {2}url_verification, answered by your app: ✘/);
  });

  it('the inspector lists it as a handshake and gives the recorded answer with the detail', async () => {
    const url = new URL(live.banner.inspector as string);
    const base = `${url.origin}/_hookctl/api/captures`;
    const token = url.searchParams.get('token');
    const { captures } = await getJson(`${base}?token=${token}`);
    const listed = captures.find((c: { id: string }) => c.id === ids['asana/handshake']);
    expect(listed.handshake).toEqual({ ok: true, unsigned: true });
    const d = await getJson(`${base}/${ids['zoom/endpoint.url_validation']}?token=${token}`);
    expect(d.handshake).toMatchObject({ name: 'endpoint.url_validation', by: 'listen', ok: true, answer: { status: 200, contentType: 'application/json' } });
    expect(JSON.parse(d.handshake.answer.body)).toHaveProperty('encryptedToken');
  });
});

describe('the handshake member of a stored record', () => {
  const base = (handshake: unknown): Capture => {
    const body = Buffer.alloc(0);
    return { id: '01m985jg390000jk5f', receivedAt: '2026-12-07T11:52:36.201Z', method: 'POST', path: '/', headers: [], body, bodySha256: sha256Hex(body), handshake } as Capture;
  };

  it('round-trips, and a record whose handshake has the wrong shape is refused with the member named', () => {
    const good = { name: 'X-Hook-Secret', by: 'app', ok: false, message: 'no X-Hook-Secret header', mistake: 'missing-header', unsigned: true, answer: { status: 200, body: '' } };
    const decoded = decodeLine(Buffer.from(encodeCapture(base(good)).trimEnd()));
    expect(decoded).toMatchObject({ ok: true, capture: { handshake: good } });
    for (const [bad, member] of [
      [{ ...good, by: 'someone' }, 'handshake'],
      [{ ...good, mistake: '\u001b[31m' }, 'handshake.mistake'],
      [{ ...good, answer: { status: 'x', body: '' } }, 'handshake.answer'],
      [{ ...good, answer: { status: 200, body: '', header: ['a'] } }, 'handshake.answer.header'],
    ] as const) {
      const r = decodeLine(Buffer.from(encodeCapture(base(bad)).trimEnd()));
      expect(r).toEqual({ ok: false, problem: `field "${member}" is missing or has the wrong type` });
    }
  });
});
