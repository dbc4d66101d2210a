import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { XMLParser } from 'fast-xml-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startReceiver, TRANSCODELY_SECRET } from '../conformance/receivers.js';
import { ROOT } from '../support/cli.js';
import type { TestServer } from '../support/server.js';

const SCRIPT = join(ROOT, 'scripts/action.sh');

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Run the action's script as the composite step does: inputs in the environment, GITHUB_OUTPUT a file. */
async function action(inputs: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'hookctl-action-'));
  const output = join(dir, 'github-output');
  writeFileSync(output, '');
  const env = { ...process.env, NO_COLOR: '1', CI: '1', HOOKCTL_PROVIDER: undefined, HOOKCTL_CONFIG: undefined, HOOKCTL_SECRET: TRANSCODELY_SECRET, GITHUB_OUTPUT: output, ...inputs };
  const r = await promisify(execFile)('bash', [SCRIPT], { cwd: dir, env }).then(
    (ok) => ({ code: 0, ...ok }),
    (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, stdout: err.stdout, stderr: err.stderr }),
  );
  const outputs = Object.fromEntries(
    readFileSync(output, 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split(/=(.*)/s).slice(0, 2)),
  );
  return { ...r, dir, outputs };
}

const suites = (file: string) => {
  const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(readFileSync(file, 'utf8'));
  return xml.testsuites as { tests: string; failures: string };
};

describe('the GitHub Action (action.yml runs scripts/action.sh)', () => {
  it('runs hookctl test against the receiver and leaves a passing JUnit report where the upload step looks', async () => {
    server = await startReceiver('transcodely', 'none');
    const r = await action({ HOOKCTL_TO: `${server.url}/hooks`, HOOKCTL_PROVIDER: 'transcodely', HOOKCTL_JUNIT: 'reports/junit.xml' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.outputs).toEqual({ 'exit-code': '0', junit: join(r.dir, 'reports/junit.xml') });
    expect(suites(r.outputs.junit!)).toMatchObject({ failures: '0' });
    expect(Number(suites(r.outputs.junit!).tests)).toBeGreaterThan(5);
  });

  it('fails the step with hookctl exit code, and the report still records the failures', async () => {
    server = await startReceiver('transcodely', 'accepts-any-signature');
    const r = await action({ HOOKCTL_TO: `${server.url}/hooks`, HOOKCTL_PROVIDER: 'transcodely', HOOKCTL_ARGS: '--only invalid-signature,wrong-secret' });
    expect(r.code).toBe(1);
    expect(r.outputs['exit-code']).toBe('1');
    expect(suites(r.outputs.junit!)).toMatchObject({ tests: '2', failures: '2' });
  });

  it('runs any other command, with no report to upload', async () => {
    server = await startReceiver('transcodely', 'none');
    const r = await action({ HOOKCTL_COMMAND: 'send --all --expect 2xx', HOOKCTL_TO: `${server.url}/hooks`, HOOKCTL_PROVIDER: 'transcodely' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.outputs).toEqual({ 'exit-code': '0', junit: '' });
  });

  it('hands every input of action.yml to the script through the environment', () => {
    const spec = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8'));
    const run = spec.runs.steps.find((s: { id?: string }) => s.id === 'run');
    const script = readFileSync(SCRIPT, 'utf8');
    for (const [name, value] of Object.entries(run.env as Record<string, string>)) {
      expect(value).toBe(`\${{ inputs.${name.replace(/^HOOKCTL_/, '').toLowerCase()} }}`);
      expect(script).toContain(`\${${name}:-`);
    }
    const handled = new Set([...Object.keys(run.env).map((n) => n.replace(/^HOOKCTL_/, '').toLowerCase()), 'working-directory', 'upload', 'artifact-name']);
    expect(Object.keys(spec.inputs).filter((i) => !handled.has(i))).toEqual([]);
  });
});
