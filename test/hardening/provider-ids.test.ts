import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/core/config/load.js';
import { checkArrival } from '../../src/core/server/arrival.js';
import { signWithScheme } from '../../src/core/signing/index.js';
import { runInProcess as runIn } from '../support/inproc.js';

const ID = /^[a-z0-9][a-z0-9._-]*$/;
/** Names that are properties of every plain object, and their neighbours. */
const ODD = [
  'constructor',
  'tostring',
  'hasownproperty',
  'valueof',
  'isprototypeof',
  '__proto__',
  '__defineGetter__',
  'toString',
  'hasOwnProperty',
  'prototype',
  'proto',
  '0',
  'a.b',
  'a_b',
  '-a',
  '.a',
  'a b',
  '',
  'A',
];
const odd = fc.oneof(fc.constantFrom(...ODD), fc.stringMatching(/^[a-z0-9_.-]{1,12}$/), fc.string({ maxLength: 8 }));

const root = mkdtempSync(join(tmpdir(), 'hookctl-ids-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

/** A project whose config defines provider `id`; its secret is in the config or (absent there) the dev secret. */
function project(id: string, secret: string | undefined): string {
  const dir = join(root, String(n++));
  // Parsed, not built: JSON.parse makes `__proto__` an own key, as a config file would.
  const secrets = JSON.parse(`{"github": "gh-secret"${secret ? `, ${JSON.stringify(id)}: ${JSON.stringify(secret)}` : ''}}`);
  mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), '{}');
  writeFileSync(join(dir, '.hookctlrc.json'), JSON.stringify({ providers: [{ id, extends: 'github' }], secrets }));
  return dir;
}

describe('provider ids are data, never object keys (issue 13, break 8)', () => {
  it('an id like constructor works in send, verify and listen; ids outside [a-z0-9][a-z0-9._-]* are exit 2', async () => {
    await fc.assert(
      fc.asyncProperty(odd, fc.boolean(), async (id, inConfig) => {
        const cwd = project(id, inConfig ? `s3cret-${n}` : undefined);
        const sent = await runIn(['--json', 'send', '--dry-run', '--', `${id}/ping`], { cwd });
        if (!ID.test(id)) {
          expect(sent.code, sent.stderr).toBe(2);
          expect(sent.stderr).toMatch(/providers\[0\]\.id must be a lowercase id/);
          return;
        }
        expect(sent.code, sent.stderr).toBe(0);
        const settings = await loadSettings({ cwd, env: {} });
        const profile = settings.providers.find((p) => p.id === id);
        expect(profile).toBeDefined();
        const body = Buffer.from('{"zen":"ok"}');
        const secret = inConfig ? `s3cret-${n - 1}` : profile!.devSecret;
        const signed = signWithScheme(profile!.scheme, { secret, body });
        const headers = { 'x-github-event': 'ping', ...signed.headers } as Record<string, string>;
        const seen = checkArrival({ providers: settings.providers, fixed: profile, secretsFor: () => [secret] }, headers, body, Date.now());
        expect(seen.verification.ok).toBe(true);
        const args = ['verify', '--provider', id, '--body', '-', ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`])];
        const stdin = new PassThrough();
        stdin.end(body);
        const checked = await runIn(args, { cwd, stdin });
        expect(checked.code, checked.stderr).toBe(0);
      }),
      {
        seed: 13,
        numRuns: 60,
        examples: [
          ['constructor', false],
          ['constructor', true],
          ['tostring', false],
          ['hasownproperty', false],
          ['valueof', false],
          ['__proto__', true],
        ],
      },
    );
  });
});
