import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../support/inproc.js';
import { testSecret, verifierFor } from './receivers.js';

const SECRET = testSecret('transcodely');
const dir = mkdtempSync(join(tmpdir(), 'hookctl-send-input-'));
const dry = async (...args: string[]) => {
  const r = await runInProcess(['send', ...args, '--to', 'localhost:3000', '--secret', SECRET, '--dry-run', '--json'], { cwd: dir });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { event: string; request: { url: string; headers: Record<string, string>; body: string; timestamp: number } });
};
const signedOk = async (request: { headers: Record<string, string>; body: string }) => {
  const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v]));
  return verifierFor('transcodely', SECRET)({ method: 'POST', url: '/', headers, rawHeaders: [], body: Buffer.from(request.body) });
};

const BAD_INPUT: [string[], RegExp][] = [
  [['nope.event', '--to', '3000'], /^✗ unknown event "nope\.event"\n {2}hint: .*hookctl events/],
  [['job.completed', '--to', 'http://[oops'], /^✗ "http:\/\/\[oops" is not a valid target URL\n {2}hint: /],
  [['job.completed', '--to', '3000', '--data', '@missing.json'], /^✗ cannot read --data file missing\.json: no such file\n {2}hint: /],
  [['job.completed', '--to', '3000', '--set', 'job.stauts=failed'], /^✗ --set job\.stauts: no "stauts" in job\n {2}hint: keys there: id, status, /],
  [['job.completed'], /^✗ no target: where should the delivery go\?\n {2}hint: pass --to localhost:3000/],
];
// The same checks without a process each: flag validation needs no server.
const BAD_FLAGS: [string[], RegExp][] = [
  [['job.completed', '--to', 'ftp://host/x'], /^✗ unsupported protocol "ftp:"/],
  [['job.completed', '--to', '3000', '--set', 'job.outputs.3.id=x'], /^✗ --set job\.outputs\.3\.id: no "3" in job\.outputs\n {2}hint: job\.outputs is a list of 1/],
  [['job.completed', '--to', '3000', '--set', 'novalue'], /^✗ --set "novalue" is not of the form path=value/],
  [['job.completed', '--to', '3000', '--signature', 'bogus'], /^✗ option '--signature <mode>' argument 'bogus' is invalid/],
  [['job.completed', '--to', '3000', '--count', '0'], /^✗ --count "0" is not a whole number from 1 to 1000000\n {2}hint: e\.g\. --count 100/],
  [['job.completed', '--to', '3000', '--expect', '2xy'], /^✗ --expect "2xy" is not a status/],
  [['job.completed', '--to', '3000', '--timestamp', '1700000000000'], /^✗ --timestamp 1700000000000 looks like milliseconds\n {2}hint: give Unix seconds: 1700000000/],
  [['job.completed', '--to', '3000', '--header', 'no colon'], /^✗ --header "no colon" is not of the form 'Name: value'/],
  [['github/ping', '--to', '3000', '--signature', 'future'], /^✗ --signature future: github signs no timestamp/],
  [['--all', 'job.completed', '--to', '3000'], /^✗ give an event or --all, not both/],
  [[], /^✗ which event\?/],
];

describe('bad input: one line, a hint, exit 2', () => {
  const check = (r: { code: number | null; stdout: string; stderr: string }, message: RegExp) => {
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n').length).toBeLessThanOrEqual(2);
  };
  it.each(BAD_INPUT)('hookctl send %j', async (args, message) => check(await runInProcess(['send', ...args, '--secret', SECRET], { cwd: dir }), message));
  it.each(BAD_FLAGS)('send %j (in process)', async (args, message) => check(await runInProcess(['send', ...args, '--secret', SECRET], { cwd: dir }), message));
});

describe('payload control', () => {
  it('--set edits dotted paths with JSON-typed values; the signature covers the edited bytes', async () => {
    const [x] = await dry(
      'job.failed',
      '--set',
      'job.progress=80',
      '--set',
      'job.error.message=disk full',
      '--set',
      'job.metadata={"user":"u_1"}',
      '--set',
      'job.outputs[0].status="42"',
      '--set',
      'job.priority=null',
    );
    const body = JSON.parse(x!.request.body);
    expect(body.job).toMatchObject({ progress: 80, error: { message: 'disk full' }, metadata: { user: 'u_1' }, priority: null });
    expect(body.job.outputs[0].status).toBe('42');
    expect(await signedOk(x!.request)).toEqual({ ok: true });
  });

  it('--data sends the bytes verbatim (@file too); --set on --data re-serializes compactly', async () => {
    const pretty = '{\n  "event": "job.completed",\n  "job": { "id": "job_1" }\n}\n';
    writeFileSync(join(dir, 'payload.json'), pretty);
    const [inline] = await dry('job.completed', '--data', pretty);
    const [file] = await dry('job.completed', '--data', '@payload.json');
    expect(inline!.request.body).toBe(pretty);
    expect(file!.request.body).toBe(pretty);
    expect(await signedOk(file!.request)).toEqual({ ok: true });
    const [edited] = await dry('job.completed', '--data', '@payload.json', '--set', 'job.id=job_2');
    expect(edited!.request.body).toBe('{"event":"job.completed","job":{"id":"job_2"}}');
  });

  it('--data that is not JSON is sent verbatim, with a warning on stderr', async () => {
    const r = await runInProcess(['send', 'job.completed', '--data', '{bad', '--secret', SECRET, '--dry-run', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).request.body).toBe('{bad');
    expect(r.stderr).toContain('! --data is not valid JSON: sending it as is with Content-Type application/json');
    const ok = await runInProcess(['send', 'job.completed', '--data', '{"ok":true}', '--secret', SECRET, '--dry-run'], { cwd: dir });
    expect(ok.stderr).not.toContain('not valid JSON');
  });

  it('--fixture renders a custom template with fresh tokens', async () => {
    writeFileSync(join(dir, 'custom.json'), JSON.stringify({ event: '{{event}}', id: '{{id:job_}}', again: '{{id:job_}}', at: '{{now:s}}' }));
    const [a] = await dry('job.completed', '--fixture', 'custom.json');
    const body = JSON.parse(a!.request.body);
    expect(body.event).toBe('job.completed');
    expect(body.id).toMatch(/^job_[a-z0-9]{12}$/);
    expect(body.again).toBe(body.id);
    expect(Math.abs(body.at - Date.now() / 1000)).toBeLessThan(60);
  });

  it('--header adds, replaces (case-insensitively) and removes headers, after signing', async () => {
    const [x] = await dry('job.completed', '--header', 'X-Trace: 42', '--header', 'user-agent: my-agent/1', '--header', 'X-Transcodely-Delivery-ID:');
    const h = x!.request.headers;
    expect(h['X-Trace']).toBe('42');
    expect(h['user-agent']).toBe('my-agent/1');
    expect(h['User-Agent']).toBeUndefined();
    expect(h['X-Transcodely-Delivery-ID']).toBeUndefined();
    expect(Object.keys(h).indexOf('user-agent')).toBe(1);
  });

  it('--timestamp signs that time; stale and future move it past the tolerance', async () => {
    const [fixed] = await dry('job.completed', '--timestamp', '1700000000');
    expect(fixed!.request.headers['X-Transcodely-Timestamp']).toBe('1700000000');
    expect(fixed!.request.timestamp).toBe(1700000000);
    const [stale] = await dry('job.completed', '--timestamp', '1700000000', '--signature', 'stale');
    expect(stale!.request.headers['X-Transcodely-Timestamp']).toBe(String(1700000000 - 600));
    const [linear] = await dry('linear/Issue.create', '--signature', 'future');
    const ts = JSON.parse(linear!.request.body).webhookTimestamp as number;
    expect(ts - Date.now()).toBeGreaterThan(100_000);
    expect(linear!.request.timestamp).toBe(Math.floor(ts / 1000));
  });

  it('--all sends every event of the provider; a target without a path gets the provider path', async () => {
    const records = await dry('--all', '--provider', 'download-api');
    expect(records.map((x) => x.event)).toEqual(['download.started', 'download.progress', 'download.completed', 'download.failed']);
    expect(records.every((x) => x.request.url === 'http://localhost:3000/webhook')).toBe(true);
  });
});
