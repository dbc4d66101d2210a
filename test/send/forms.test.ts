/**
 * Form bodies (Slack slash commands and interactivity, Twilio SMS): --set edits form fields and the JSON
 * inside `payload`, the edited bytes are signed and the providers' libraries accept them; a re-encoded
 * form is diagnosed; a custom provider can declare an Ed25519 scheme with its own key format.
 */
import { createPublicKey, verify as edVerify } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { diagnose } from '../../src/core/diagnose/index.js';
import { slack } from '../../src/core/providers/builtin/slack.js';
import { signWithScheme } from '../../src/core/signing/sign.js';
import { verifyWithScheme } from '../../src/core/signing/verify-scheme.js';
import { tempDir } from '../captures/helpers.js';
import { runCli } from '../support/cli.js';
import { startServer, type Received, type TestServer } from '../support/server.js';
import { testSecret, verifierFor, verifyingHandler, type Verdict } from './receivers.js';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function sendTo(provider: string, args: string[]): Promise<{ code: number; stderr: string; verdicts: Verdict[]; received: Received[] }> {
  const verdicts: Verdict[] = [];
  server = await startServer(verifyingHandler(verifierFor(provider, testSecret(provider)), verdicts, { provider, secret: testSecret(provider) }));
  const r = await runCli(['send', ...args, '--to', server.url, '--secret', testSecret(provider)]);
  return { code: r.code ?? -1, stderr: r.stderr, verdicts, received: server.received };
}
const fields = (req: Received) => new URLSearchParams(req.body.toString());

describe('--set on form bodies', () => {
  it("edits the JSON inside Slack's payload field; @slack/bolt accepts the signature", async () => {
    const r = await sendTo('slack', ['slack/block_actions', '--set', 'payload.actions.0.value=deploy-9', '--set', 'payload.user.name=grace']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.verdicts).toEqual([{ ok: true }]);
    const req = r.received[0]!;
    expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const payload = JSON.parse(fields(req).get('payload')!) as { actions: { value: string }[]; user: { name: string } };
    expect(payload.actions[0]!.value).toBe('deploy-9');
    expect(payload.user.name).toBe('grace');
  });

  it('edits a Twilio SMS field; twilio.validateRequest accepts it', async () => {
    const r = await sendTo('twilio', ['twilio/message.received', '--set', 'Body=STOP now & then']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.verdicts).toEqual([{ ok: true }]);
    expect(fields(r.received[0]!).get('Body')).toBe('STOP now & then');
    expect(r.received[0]!.body.toString()).toContain('Body=STOP+now+%26+then');
  });

  it('--data form bytes go out verbatim, and an edit re-encodes them', async () => {
    const data = 'command=%2Fdeploy&text=a%20b&user_id=U1';
    let r = await sendTo('slack', ['slack/slash_command', '--data', data]);
    expect(r.verdicts).toEqual([{ ok: true }]);
    expect(r.received[0]!.body.toString()).toBe(data);
    await server?.close();
    r = await sendTo('slack', ['slack/slash_command', '--data', data, '--set', 'text=staging']);
    expect(r.verdicts).toEqual([{ ok: true }]);
    expect(r.received[0]!.body.toString()).toBe('command=%2Fdeploy&text=staging&user_id=U1');
  });

  it('a field the form lacks is bad input naming the fields there (exit 2)', async () => {
    const r = await runCli(['send', 'slack/slash_command', '--set', 'txt=1', '--dry-run']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--set txt: no "txt" in \(root\)/);
    expect(r.stderr).toMatch(/keys there: token, team_id/);
  });
});

describe('verify explains a re-encoded form', () => {
  it('a slash command whose spaces a parser rewrote (+ to %20) is form-reencoded', () => {
    const secret = testSecret('slack');
    const body = Buffer.from('command=%2Fdeploy&text=staging+--force&user_id=U1');
    const signed = signWithScheme(slack.scheme, { secret, body, now: Date.now() });
    const headers = { ...signed.headers, 'Content-Type': 'application/x-www-form-urlencoded' };
    const received = Buffer.from(body.toString().replace('+', '%20'));
    const result = verifyWithScheme(slack.scheme, 'slack', { secrets: secret, headers, body: received });
    expect(result).toMatchObject({ ok: false, reason: 'no-match' });
    expect(diagnose({ profile: slack, secrets: [secret], headers, body: received, now: Date.now(), result })[0]).toMatchObject({ code: 'form-reencoded' });
  });
});

describe('a custom provider declares an Ed25519 scheme', () => {
  it('keys generate uses its key format; send signs, listen-style verify checks, node:crypto agrees', async () => {
    const dir = tempDir();
    try {
      const provider = {
        id: 'acme',
        name: 'Acme',
        scheme: {
          content: '{timestamp}.{body}',
          signatures: [
            {
              header: 'Acme-Signature',
              algorithm: 'ed25519',
              encoding: 'base64',
              format: { style: 'prefixed', prefix: 'ed25519=' },
              key: { encoding: 'base64', privatePrefix: 'acme_sk_', publicPrefix: 'acme_pk_' },
            },
          ],
          secret: { encoding: 'utf8' },
          timestamp: { source: 'header', header: 'Acme-Timestamp', unit: 's', tolerance: { pastSec: 300, futureSec: 300 } },
        },
        events: [{ name: 'thing.happened', description: 'a thing happened', payload: { id: '{{id:thg_}}' } }],
      };
      writeFileSync(`${dir}/.hookctlrc.json`, JSON.stringify({ providers: [provider] }));
      const keys = await runCli(['keys', 'generate', '--provider', 'acme', '--json'], { cwd: dir });
      expect(keys.code, keys.stderr).toBe(0);
      const pair = JSON.parse(keys.stdout) as { privateKey: string; publicKey: string };
      expect(pair.privateKey).toMatch(/^acme_sk_/);
      expect(pair.publicKey).toMatch(/^acme_pk_[A-Za-z0-9+/]{43}=$/);
      writeFileSync(`${dir}/.hookctlrc.json`, JSON.stringify({ providers: [provider], secrets: { acme: { privateKey: pair.privateKey, publicKey: pair.publicKey } } }));

      const key = createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(pair.publicKey.slice(8), 'base64')]), format: 'der', type: 'spki' });
      server = await startServer((req, res) => {
        const sig = String(req.headers['acme-signature']).replace('ed25519=', '');
        const ok = edVerify(null, Buffer.concat([Buffer.from(`${req.headers['acme-timestamp']}.`), req.body]), key, Buffer.from(sig, 'base64'));
        res.statusCode = ok ? 200 : 401;
        res.end();
      });
      const sent = await runCli(['send', 'acme/thing.happened', '--to', server.url, '--expect', '2xx', '--json'], { cwd: dir });
      expect(sent.code, sent.stderr).toBe(0);
      const req = server.received[0]!;
      const raw = ['POST /webhook HTTP/1.1', ...Object.entries(req.headers).map(([k, v]) => `${k}: ${String(v)}`), '', req.body.toString()].join('\r\n');
      writeFileSync(`${dir}/req.http`, raw);
      const verified = await runCli(['verify', 'req.http', '--json'], { cwd: dir });
      expect(JSON.parse(verified.stdout)).toMatchObject({ provider: 'acme', ok: true, secretSource: 'config' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('config validation names a bad key format and accepts hmac-sha1', async () => {
    const dir = tempDir();
    try {
      const scheme = (extra: object) => ({
        content: '{body}',
        signatures: [{ header: 'X-Sig', encoding: 'base64', format: { style: 'prefixed', prefix: '' }, ...extra }],
        secret: { encoding: 'utf8' },
      });
      writeFileSync(`${dir}/.hookctlrc.json`, JSON.stringify({ providers: [{ id: 'bad', scheme: scheme({ algorithm: 'ed25519', key: { encoding: 'pem' } }) }] }));
      let r = await runCli(['providers'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/providers\[0\]\.scheme\.signatures\[0\]\.key\.encoding must be hex, base64, der/);
      writeFileSync(`${dir}/.hookctlrc.json`, JSON.stringify({ providers: [{ id: 'sha', scheme: scheme({ algorithm: 'hmac-sha1' }) }] }));
      r = await runCli(['providers', '--json'], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      const sha = r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { id: string; algorithm: string })
        .find((p) => p.id === 'sha');
      expect(sha?.algorithm).toBe('HMAC-SHA1');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
