import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getProvider } from '../../src/core/providers/registry.js';
import { verifyWithScheme } from '../../src/core/signing/index.js';
import { MAX_SIGNATURE_ENTRIES, MAX_SIGNATURE_HEADER_BYTES } from '../../src/core/signing/signature-header.js';
import { runInProcess as runIn } from '../support/inproc.js';

const dir = mkdtempSync(join(tmpdir(), 'hookctl-sigs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const github = getProvider('github');
const sw = getProvider('standard-webhooks');

describe('signature headers are bounded, so verification stays linear (issue 13, break 15)', () => {
  it(`a signature header over ${MAX_SIGNATURE_HEADER_BYTES} bytes is malformed, named as such`, () => {
    const value = `sha256=${'ab'.repeat(32)}`.padEnd(MAX_SIGNATURE_HEADER_BYTES + 1, ' ');
    const r = verifyWithScheme(github.scheme, 'github', { secrets: ['s'], headers: { 'x-hub-signature-256': value }, body: Buffer.from('{}') });
    expect(r).toMatchObject({ ok: false, reason: 'malformed-signature', detail: expect.stringMatching(new RegExp(`more than the ${MAX_SIGNATURE_HEADER_BYTES} bytes`)) });
  });

  it(`more than ${MAX_SIGNATURE_ENTRIES} signatures in one header is malformed`, () => {
    const value = Array.from({ length: MAX_SIGNATURE_ENTRIES + 1 }, (_, i) => `v1,${Buffer.alloc(32, i).toString('base64')}`).join(' ');
    const headers = { 'webhook-id': 'msg_1', 'webhook-timestamp': String(Math.floor(Date.now() / 1000)), 'webhook-signature': value };
    const r = verifyWithScheme(sw.scheme, 'standard-webhooks', { secrets: ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'], headers, body: Buffer.from('{}') });
    expect(r).toMatchObject({ ok: false, reason: 'malformed-signature', detail: expect.stringMatching(new RegExp(`more than ${MAX_SIGNATURE_ENTRIES} signatures`)) });
  });

  it('verify of a raw request with 40,000 repeated signature headers and a 1 MiB body answers (once quadratic)', async () => {
    const head = ['POST /hook HTTP/1.1', 'Host: x', 'Content-Type: application/json', ...Array.from({ length: 40_000 }, () => `X-Hub-Signature-256: sha256=${'ab'.repeat(32)}`)];
    const body = 'x'.repeat(1024 * 1024);
    writeFileSync(join(dir, 'many.http'), `${head.join('\r\n')}\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
    const r = await runIn(['verify', 'many.http', '--provider', 'github'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/malformed-signature/);
  });
});
