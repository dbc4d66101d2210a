import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/core/config/load.js';
import { secretEnvName, secretsFor } from '../../src/core/config/secret-sources.js';
import { getProvider, sign, verify } from '../../src/index.js';
import { runCli } from '../support/cli.js';
import { runInProcess } from '../support/inproc.js';

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

  it('an unknown provider says which source named it', async () => {
    const cwd = dir({});
    await expect(loadSettings({ cwd, env: { HOOKCTL_PROVIDER: 'nope' } })).rejects.toThrow('unknown provider "nope" (from HOOKCTL_PROVIDER)');
    await expect(loadSettings({ cwd, env: {}, provider: 'strpe' })).rejects.toThrow('unknown provider "strpe" (from --provider)');
  });

  it('secrets come from flags, then HOOKCTL_SECRET_<PROVIDER>, then HOOKCTL_SECRET, then config, then the dev secret', async () => {
    const s = await loadSettings({ cwd: dir({ '.hookctlrc.json': '{"secrets":{"github":["new","old"]}}' }), env: {} });
    const gh = getProvider('github');
    const env = { HOOKCTL_SECRET: 'env', HOOKCTL_SECRET_GITHUB: 'own' };
    expect(secretsFor(gh, s, env, ['flag'])).toEqual({ secrets: ['flag'], source: 'flag', from: '--secret' });
    expect(secretsFor(gh, s, env)).toEqual({ secrets: ['own'], source: 'env-provider', from: 'HOOKCTL_SECRET_GITHUB' });
    expect(secretsFor(gh, s, { ...env, HOOKCTL_SECRET_GITHUB: '' })).toEqual({ secrets: ['env'], source: 'env', from: 'HOOKCTL_SECRET' });
    // Another provider's variable is not this one's.
    expect(secretsFor(gh, s, { HOOKCTL_SECRET_STRIPE: 'whsec_x' })).toEqual({ secrets: ['new', 'old'], source: 'config', from: 'the config' });
    expect(secretsFor(getProvider('stripe'), s, {})).toEqual({ secrets: ['whsec_hookctl_dev_secret'], source: 'dev', from: 'the development secret' });
  });

  it('HOOKCTL_SECRET_<PROVIDER> upper-cases the id and turns dashes and dots into underscores', () => {
    expect(secretEnvName('stripe')).toBe('HOOKCTL_SECRET_STRIPE');
    expect(secretEnvName('standard-webhooks')).toBe('HOOKCTL_SECRET_STANDARD_WEBHOOKS');
    expect(secretEnvName('acme.v2')).toBe('HOOKCTL_SECRET_ACME_V2');
  });

  it('HOOKCTL_CONFIG and an explicit path load that file; paths resolve beside it', async () => {
    const d = dir({ 'custom.json': '{"store":"captures","fixtures":["my-fixtures"]}' });
    const s = await loadSettings({ cwd: '/', env: { HOOKCTL_CONFIG: join(d, 'custom.json') } });
    expect(s.storeDir).toBe(join(d, 'captures'));
    expect(s.fixtureDirs).toEqual([join(d, 'my-fixtures')]);
  });

  it.each([
    ['{"provder":"stripe"}', 'provder is not a known key'],
    ['{"listen":{"port":"x"}}', 'listen.port must be a port number'],
    ['{"listen":{"maxBody":2147483648}}', 'listen.maxBody must be a number of bytes from 1 to 1073741824 (1 GiB)'],
    ['{"secrets":{"stripe":42}}', 'secrets.stripe must be a string'],
    [
      '{"providers":[{"id":"acme","scheme":{"content":"{timestamp}.{body}","signatures":[{"header":"X-Sig","algorithm":"sha256","encoding":"hex","format":{"style":"prefixed","prefix":""}}],"secret":{"encoding":"utf8"}}}]}',
      'providers[0].scheme.timestamp is required',
    ],
    ['{"providers":[{"id":"acme","extends":"githb"}]}', 'providers[0].extends "githb" is not a built-in provider'],
    ['{"provider":"nope"}', 'provider "nope" is not a known provider'],
  ])('rejects %s naming the file and key', async (text, message) => {
    const err = await loadSettings({ cwd: dir({ '.hookctlrc.json': text }), env: {} }).catch((e: Error) => e);
    expect(err).toMatchObject({ exitCode: 2 });
    expect((err as Error).message).toContain(`config file .hookctlrc.json: ${message}`);
  });

  it('an unknown provider in the config is a usage error with a suggestion', async () => {
    const err = await loadSettings({ cwd: dir({ '.hookctlrc.json': '{"provider":"strpe"}' }), env: {} }).catch((e) => e);
    expect(err).toMatchObject({ exitCode: 2, message: 'config file .hookctlrc.json: provider "strpe" is not a known provider', hint: 'did you mean "stripe"?' });
  });

  it('an unknown provider with no near match lists the known ones, custom ones included', async () => {
    const config = '{"provider":"nope","providers":[{"id":"acme","extends":"github"}]}';
    const err = await loadSettings({ cwd: dir({ '.hookctlrc.json': config }), env: {} }).catch((e) => e);
    expect(err).toMatchObject({ exitCode: 2, hint: expect.stringMatching(/^known providers: .*\bstripe\b.*\bacme$/) });
  });

  it('a custom provider is a known provider for "provider" and "secrets"', async () => {
    const config = '{"provider":"acme","providers":[{"id":"acme","extends":"github"}],"secrets":{"acme":"k"}}';
    const s = await loadSettings({ cwd: dir({ '.hookctlrc.json': config }), env: {} });
    expect(s.provider).toBe('acme');
    expect(s.warnings).toEqual([]);
  });

  it('secrets for an unknown provider are a warning naming the file and key, not an error', async () => {
    const s = await loadSettings({ cwd: dir({ '.hookctlrc.json': '{"secrets":{"strpe":"k","github":"g","zzzzzzzz":"z"}}' }), env: {} });
    expect(s.warnings).toEqual([
      'config file .hookctlrc.json: secrets.strpe is for an unknown provider (did you mean stripe?)',
      'config file .hookctlrc.json: secrets.zzzzzzzz is for an unknown provider (hookctl providers lists them)',
    ]);
    expect(secretsFor(getProvider('github'), s, {}).secrets).toEqual(['g']);
    const r = await runInProcess(['events', '--provider', 'github'], { cwd: dir({ '.hookctlrc.json': '{"secrets":{"strpe":"k"}}' }) });
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n')[0]).toBe('! config file .hookctlrc.json: secrets.strpe is for an unknown provider (did you mean stripe?)');
  });

  it('a key error in package.json names its "hookctl" key', async () => {
    const err = await loadSettings({ cwd: dir({ 'package.json': '{"name":"app","hookctl":{"provider":"nope"}}' }), env: {} }).catch((e) => e);
    expect(err).toMatchObject({ exitCode: 2, message: 'config file package.json ("hookctl" key): provider "nope" is not a known provider' });
  });

  it('a config file outside the working directory is named by its absolute path', async () => {
    const d = dir({ 'custom.json': '{"provider":"nope"}' });
    const err = await loadSettings({ cwd: dir({}), env: { HOOKCTL_CONFIG: join(d, 'custom.json') } }).catch((e) => e);
    expect(err).toMatchObject({ exitCode: 2, message: expect.stringMatching(/^config file \/.+\/custom\.json: provider "nope"/) });
  });

  it.each([
    ['.hookctlrc.json', '{"provider": "stripe",}', 'is not valid JSON: Expected double-quoted property name at line 1, column 23'],
    ['.hookctlrc.json', '{"provider":\n  "stripe"\n  "target": "x"}', "is not valid JSON: Expected ',' or '}' after property value at line 3, column 3"],
    ['.hookctlrc.json', '{"provider":\n }', 'is not valid JSON: Unexpected token at line 2, column 2'],
    ['package.json', '{"name":"app",}', 'is not valid JSON: Expected double-quoted property name at line 1, column 15'],
    ['.hookctlrc.yaml', 'provider: stripe\n  target: x\n', 'is not valid YAML: bad indentation of a mapping entry at line 2, column 9'],
    ['.hookctlrc', 'provider: [stripe\n', 'is not valid YAML (or JSON): unexpected end of the stream within a flow collection at line 2, column 1'],
  ])('a syntax error in %s is one line naming the file, the reason and where', async (file, text, problem) => {
    const err = await loadSettings({ cwd: dir({ [file]: text }), env: {} }).catch((e) => e);
    expect(err).toMatchObject({ exitCode: 2, message: `config file ${file} ${problem}`, hint: 'fix the syntax, or point --config / HOOKCTL_CONFIG at another file' });
  });
});

describe('config errors on the command line', () => {
  // Through the real bin: this is where a multi-line cosmiconfig message or a stack would show.
  const oneError = /^✗ [^\n]+\n {2}hint: [^\n]+\n$/;

  it('--config naming a directory says so, with exit 2', async () => {
    const cwd = dir({});
    mkdirSync(join(cwd, 'sub'));
    const r = await runInProcess(['providers', '--config', 'sub'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('✗ cannot read config file sub: it is a directory\n  hint: point --config or HOOKCTL_CONFIG at a config file\n');
  });

  it('a JSON syntax error exits 2 with one line naming the file and the reason, and no stack', async () => {
    const r = await runInProcess(['providers'], { cwd: dir({ '.hookctlrc.json': '{"provider": "stripe",}' }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(oneError);
    expect(r.stderr).toContain('✗ config file .hookctlrc.json is not valid JSON: Expected double-quoted property name at line 1, column 23\n');
  });

  it.each([
    ['hookctl.config.mjs', 'export default { provider: "stripe" ;', 'failed to load: Unexpected token …'],
    ['hookctl.config.cjs', 'module.exports = { provider: "stripe" ;', 'failed to load: Unexpected token … at line 1'],
    ['hookctl.config.mjs', 'throw new Error("no secrets here\\nsecond line");', 'failed to load: no secrets here'],
  ])('a JS config that fails (%s) exits 2 with its own first line, not a loader error', async (file, text, problem) => {
    // Spawned: under vitest, import() of a config goes through Vite's loader, whose syntax errors differ from Node's.
    const r = await runCli(['providers'], { cwd: dir({ [file]: text }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(oneError);
    expect(r.stderr).toContain(`✗ config file ${file} ${problem}\n`);
  });

  it('an unknown provider names the file and key and suggests one', async () => {
    const r = await runInProcess(['providers'], { cwd: dir({ '.hookctlrc.json': '{"provider":"strpe"}' }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('✗ config file .hookctlrc.json: provider "strpe" is not a known provider\n  hint: did you mean "stripe"?\n');
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
