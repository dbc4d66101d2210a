import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess as runIn } from '../support/inproc.js';

const root = mkdtempSync(join(tmpdir(), 'hookctl-quotes-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
function project(files: Record<string, string>): string {
  const dir = join(root, String(n++));
  mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), '{}');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const SECRET = 'whsec_SuperSecretValue';

describe('errors never quote secret-bearing text (issue 13, break 13)', () => {
  it.each([
    ['an unquoted secret', `{"secrets": {"stripe": ${SECRET}}}`, /is not valid JSON: Unexpected token at line 1, column 24$/m],
    ['a secret after a long prefix', `{"provider": "stripe", "target": "http://localhost:3000", "secrets": {"stripe": ${SECRET}}}`, /is not valid JSON: Unexpected token at line 1, column \d+$/m],
    ['an unterminated secret', `{"secrets": {"stripe": "${SECRET}}}`, /is not valid JSON: Unterminated string at line 1, column \d+$/m],
  ])('a malformed JSON config with %s names the place, not the text', async (_name, text, message) => {
    const r = await runIn(['providers'], { cwd: project({ '.hookctlrc.json': text }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/whsec|Super/);
  });

  it('a JavaScript config with a syntax error does not quote its tokens', async () => {
    const r = await runIn(['providers'], { cwd: project({ 'hookctl.config.mjs': `export default { secrets: { stripe: ${SECRET} x } };\n` }) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/failed to load/);
    expect(r.stderr).not.toMatch(/whsec|Super/);
  });

  it('verify of a file that is not a request (/etc/shadow) does not echo its lines', async () => {
    const cwd = project({ shadow: `root:$6$${SECRET}:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n` });
    const r = await runIn(['verify', './shadow'], { cwd });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^✗ \.\/shadow is not an HTTP request: its first line is not a request line/);
    expect(r.stderr).not.toMatch(/root|whsec|Super/);
    const h = await runIn(['verify', './req.http'], { cwd: project({ 'req.http': `POST / HTTP/1.1\r\nHost: x\r\n${SECRET}\r\nContent-Length: x${SECRET}\r\n\r\n` }) });
    expect(h.code).toBe(2);
    expect(h.stderr).toContain('line 3 is not a header line');
    expect(h.stderr).not.toMatch(/whsec|Super/);
  });
});
