import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings, secretsFor } from '../../src/core/config/load.js';
import { getProvider, sign, verify } from '../../src/index.js';

const dir = (files: Record<string, string>) => {
  const d = mkdtempSync(join(tmpdir(), 'hookctl-cfg-'));
  writeFileSync(join(d, 'package.json'), files['package.json'] ?? '{"name":"app"}');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
  return d;
};

describe('config loading', () => {
  it.each([
    ['.hookctlrc.json', '{"provider":"stripe"}'],
    ['.hookctlrc.yaml', 'provider: stripe\n'],
    ['hookctl.config.mjs', 'export default { provider: "stripe" };'],
    ['hookctl.config.json', '{"provider":"stripe"}'],
    ['hookctl.config.yaml', 'provider: stripe\n'],
    ['hookctl.config.cjs', 'module.exports = { provider: "stripe" };'],
    ['package.json', '{"name":"app","hookctl":{"provider":"stripe"}}'],
  ])('reads %s', async (file, text) => {
    const s = await loadSettings({ cwd: dir({ [file]: text }), env: {} });
    expect(s.provider).toBe('stripe');
    expect(s.configFile?.endsWith(file)).toBe(true);
  });

  it('precedence is defaults < config < env < flags', async () => {
    const cwd = dir({ '.hookctlrc.json': '{"provider":"stripe"}' });
    expect((await loadSettings({ cwd: dir({}), env: {} })).provider).toBe('transcodely');
    expect((await loadSettings({ cwd, env: {} })).provider).toBe('stripe');
    expect((await loadSettings({ cwd, env: { HOOKCTL_PROVIDER: 'github' } })).provider).toBe('github');
    expect((await loadSettings({ cwd, env: { HOOKCTL_PROVIDER: 'github' }, provider: 'slack' })).provider).toBe('slack');
  });

  it('secrets come from flags, then HOOKCTL_SECRET, then config, then the dev secret', async () => {
    const s = await loadSettings({ cwd: dir({ '.hookctlrc.json': '{"secrets":{"github":["new","old"]}}' }), env: {} });
    const gh = getProvider('github');
    expect(secretsFor(gh, s, {}, ['flag'])).toEqual({ secrets: ['flag'], source: 'flag' });
    expect(secretsFor(gh, s, { HOOKCTL_SECRET: 'env' })).toEqual({ secrets: ['env'], source: 'env' });
    expect(secretsFor(gh, s, {})).toEqual({ secrets: ['new', 'old'], source: 'config' });
    expect(secretsFor(getProvider('stripe'), s, {})).toEqual({ secrets: ['whsec_hookctl_dev_secret'], source: 'dev' });
  });

  it('HOOKCTL_CONFIG and an explicit path load that file; paths resolve beside it', async () => {
    const d = dir({ 'custom.json': '{"store":"captures","fixtures":["my-fixtures"]}' });
    const s = await loadSettings({ cwd: '/', env: { HOOKCTL_CONFIG: join(d, 'custom.json') } });
    expect(s.storeDir).toBe(join(d, 'captures'));
    expect(s.fixtureDirs).toEqual([join(d, 'my-fixtures')]);
  });

  it.each([
    ['{"provder":"stripe"}', /"provder" is not a known key/],
    ['{"listen":{"port":"x"}}', /"listen.port" must be a port number/],
    ['{"secrets":{"stripe":42}}', /"secrets.stripe" must be a string/],
    ['{"providers":[{"id":"acme","scheme":{"content":"{timestamp}.{body}","signatures":[{"header":"X-Sig","algorithm":"sha256","encoding":"hex","format":{"style":"prefixed","prefix":""}}],"secret":{"encoding":"utf8"}}}]}', /"providers\[0\].scheme.timestamp" is required/],
    ['{"provider": }', /cannot read config .*\.hookctlrc\.json/],
  ])('rejects %s naming the file and key', async (text, message) => {
    const d = dir({ '.hookctlrc.json': text });
    const err = await loadSettings({ cwd: d, env: {} }).catch((e: Error) => e);
    expect(err).toMatchObject({ exitCode: 2 });
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).toContain(d);
  });

  it('an unknown provider in the config is a usage error with a suggestion', async () => {
    const err = await loadSettings({ cwd: dir({ '.hookctlrc.json': '{"provider":"strpe"}' }), env: {} }).catch((e) => e);
    expect(err).toMatchObject({ exitCode: 2, hint: expect.stringContaining('stripe') });
  });
});

describe('custom providers from config', () => {
  const acme = {
    id: 'acme',
    name: 'Acme',
    scheme: {
      content: '{timestamp}:{body}',
      signatures: [{ header: 'X-Acme-Signature', algorithm: 'sha512', encoding: 'base64', format: { style: 'prefixed', prefix: 'v2=' } }],
      secret: { encoding: 'utf8' },
      timestamp: { source: 'header', header: 'X-Acme-Time', unit: 'ms', tolerance: { pastSec: 60, futureSec: 5 } },
    },
    events: [{ name: 'thing.happened', description: 'it did', payload: { id: '{{id:thg_}}', at: '{{now:iso}}' } }],
  };

  it('a provider described only as data signs and verifies with no code', async () => {
    const s = await loadSettings({ cwd: dir({ '.hookctlrc.json': JSON.stringify({ providers: [acme] }) }), env: {} });
    const profile = s.providers.find((p) => p.id === 'acme')!;
    const signed = sign({ provider: profile, secret: 'k', body: '{"a":1}', timestamp: 1700000000 });
    expect(signed.headers['X-Acme-Time']).toBe('1700000000000');
    expect(signed.headers['X-Acme-Signature']).toMatch(/^v2=[A-Za-z0-9+/]{86}==$/);
    expect(verify({ provider: profile, secrets: 'k', headers: signed.headers, body: '{"a":1}', now: 1700000001000 })).toMatchObject({ ok: true });
    expect(verify({ provider: profile, secrets: 'k', headers: signed.headers, body: '{"a":1}', now: 1700000100000 })).toMatchObject({ reason: 'timestamp-too-old' });
  });

  it('extends a built-in, keeping its scheme and fixtures', async () => {
    const s = await loadSettings({ cwd: dir({ '.hookctlrc.json': '{"providers":[{"id":"my-github","extends":"github","request":{"path":"/gh"}}]}' }), env: {} });
    const p = s.providers.find((x) => x.id === 'my-github')!;
    expect(p.scheme).toEqual(getProvider('github').scheme);
    expect(p.request.path).toBe('/gh');
    expect(p.request.eventHeader?.name).toBe('X-GitHub-Event');
    expect(p.fixtures).toBe('github');
  });
});
