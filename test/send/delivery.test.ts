import { createHash } from 'node:crypto';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { runInProcess } from '../support/inproc.js';
import { startServer, type TestServer } from '../support/server.js';
import { testSecret, verifierFor } from './receivers.js';

const SECRET = testSecret('transcodely');
const verify = verifierFor('transcodely', SECRET);
const lines = (s: string) =>
  s
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, any>);
const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const HAS_CURL = spawnSync('curl', ['--version']).status === 0;

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A receiver answering the given statuses in turn (the last one from then on). */
async function scripted(statuses: number[]) {
  let n = 0;
  server = await startServer(async (req, res) => {
    const v = await verify(req);
    res.statusCode = v.ok ? (statuses[Math.min(n++, statuses.length - 1)] as number) : 401;
    res.end(v.ok ? `answer ${res.statusCode}` : JSON.stringify(v));
  });
  return server;
}

describe('--retry follows the provider policy', () => {
  it('a receiver answering 500, 500, 200 sees three attempts with one delivery id, each validly signed', async () => {
    const s = await scripted([500, 500, 200]);
    const r = await runCli(['send', 'job.completed', '--to', s.url, '--secret', SECRET, '--retry', '--time-scale', '0.0001']);
    expect(r.code).toBe(0);
    expect(s.received).toHaveLength(3);
    const ids = new Set(s.received.map((q) => q.headers['x-transcodely-delivery-id']));
    expect(ids.size).toBe(1);
    expect(new Set(s.received.map((q) => q.body.toString())).size).toBe(1);
    const out = r.stdout.trim().split('\n');
    expect(out).toHaveLength(3);
    expect(out[0]).toMatch(/^attempt 1\/6 ✘ 500 Internal Server Error transcodely\/job.completed .* — retry in 1 min \(scaled: 6 ms\)$/);
    expect(out[1]).toMatch(/^attempt 2\/6 ✘ 500 .* — retry in 5 min \(scaled: 30 ms\)$/);
    expect(out[2]).toMatch(/^attempt 3\/6 ✔ 200 OK .* answer 200$/);
    for (const line of out) expect(line).toContain([...ids][0]);
  });

  it('stops at a status the provider never retries (Download API: 4xx is permanent)', async () => {
    const s = await startServer((_req, res) => {
      res.statusCode = 422;
      res.end('nope');
    });
    server = s;
    const r = await runInProcess(['send', 'download-api/download.failed', '--to', s.url, '--secret', 'k', '--retry', '--time-scale', '0.001', '--json']);
    expect(r.code).toBe(0);
    expect(s.received).toHaveLength(1);
    expect(lines(r.stdout)[0]).toMatchObject({ attempt: 1, attempts: 4, verdict: 'rejected', response: { status: 422 } });
  });

  it('gives up after the schedule, 410 disables a Standard Webhooks endpoint', async () => {
    const s = await startServer((_req, res) => {
      res.statusCode = 410;
      res.end();
    });
    server = s;
    const r = await runInProcess(['send', 'standard-webhooks/user.created', '--to', s.url, '--retry', '--time-scale', '0.001']);
    expect(r.code).toBe(0);
    expect(s.received).toHaveLength(1);
    expect(r.stdout).toContain('the provider stops here and disables the endpoint');
  });

  it('retries timeouts, then exits 3 with the timeout named', async () => {
    const s = await startServer(() => {
      /* never answers */
    });
    server = s;
    const r = await runInProcess(['send', 'download-api/download.started', '--to', s.url, '--retry', '--time-scale', '0.001', '--timeout', '150', '--json']);
    expect(r.code).toBe(3);
    expect(s.received).toHaveLength(4);
    expect(lines(r.stdout).map((x) => [x.attempt, x.verdict, x.error?.kind])).toEqual([
      [1, 'retry', 'timeout'],
      [2, 'retry', 'timeout'],
      [3, 'retry', 'timeout'],
      [4, 'gave-up', 'timeout'],
    ]);
    expect(r.stderr).toMatch(/^✗ no response from http:\/\/127.0.0.1:\d+\/webhook within 150 ms\n {2}hint: answer 2xx first/m);
  });
});

describe('duplicates and bursts', () => {
  it('--duplicate 3 sends the identical request three times', async () => {
    const s = await scripted([200]);
    const r = await runInProcess(['send', 'job.completed', '--to', s.url, '--secret', SECRET, '--duplicate', '3']);
    expect(r.code).toBe(0);
    expect(s.received).toHaveLength(3);
    const [a, b, c] = s.received.map((q) => JSON.stringify([q.rawHeaders, q.body.toString('base64')]));
    expect(a).toBe(b);
    expect(b).toBe(c);
    expect(r.stdout.trim().split('\n')).toHaveLength(3);
  });

  it('--count with --concurrency: fresh ids each time, one JSON object per delivery, then a summary', async () => {
    const s = await scripted([200]);
    const r = await runInProcess(['send', 'job.completed', '--to', s.url, '--secret', SECRET, '--count', '200', '--concurrency', '20', '--json', '--expect', '2xx']);
    expect(r.code).toBe(0);
    const records = lines(r.stdout);
    expect(records).toHaveLength(201);
    const summary = records.pop()!;
    expect(summary).toMatchObject({ type: 'summary', deliveries: 200, requests: 200, responses: 200, statuses: { 200: 200 } });
    expect(summary.latency.p50).toBeLessThanOrEqual(summary.latency.p95);
    expect(summary.latency.p95).toBeLessThanOrEqual(summary.latency.p99);
    expect(summary.rps).toBeGreaterThan(0);
    expect(new Set(records.map((x) => x.deliveryId)).size).toBe(200);
    expect(new Set(s.received.map((q) => q.headers['x-transcodely-delivery-id'])).size).toBe(200);
    expect(records.every((x) => x.type === 'delivery' && x.response.status === 200)).toBe(true);
  });

  it('a human burst prints the failures and a summary with the status histogram', async () => {
    const s = await scripted([200, 503, 200]);
    const r = await runInProcess(['send', 'job.completed', '--to', s.url, '--secret', SECRET, '--count', '30', '--concurrency', '1']);
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split('\n');
    expect(out[0]).toMatch(/^✘ 503 Service Unavailable transcodely\/job.completed/);
    expect(out[1]).toMatch(/^30 requests in \d+\.\d\d s: \d+ req\/s$/);
    expect(out[2]).toMatch(/^latency p50 [\d.]+ ms · p95 [\d.]+ ms · p99 [\d.]+ ms/);
    expect(out[3]).toBe('statuses 200 ×29 · 503 ×1');
    expect(r.stderr).toContain('sent 30/30');
  });
});

describe('--expect and network failures', () => {
  it('exits 1 when a response does not match, 0 when it does', async () => {
    const s = await scripted([200]);
    const bad = await runInProcess(['send', 'job.completed', '--to', s.url, '--secret', SECRET, '--expect', '4xx']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('✗ the response did not match --expect 4xx (got 200)\n  hint: run again with --verbose to see what the receiver answered\n');
    const good = await runInProcess(['send', 'job.completed', '--to', s.url, '--secret', SECRET, '--signature', 'invalid', '--expect', '401']);
    expect(good.code).toBe(0);
  });

  it('the delivery line shows the target with its query string', async () => {
    const s = await scripted([200]);
    const r = await runInProcess(['send', 'job.completed', '--to', `${s.url}/hooks?tenant=a1`, '--secret', SECRET]);
    expect(r.stdout).toMatch(/^✔ 200 OK transcodely\/job\.completed → 127\.0\.0\.1:\d+\/hooks\?tenant=a1 /);
    expect(s.received[0]!.url).toBe('/hooks?tenant=a1');
  });

  it('connection refused exits 3 with a hint', async () => {
    const s = await startServer();
    const port = s.port;
    await s.close();
    const r = await runInProcess(['send', 'job.completed', '--to', `localhost:${port}`, '--secret', SECRET]);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`✗ connection refused by localhost:${port}\n  hint: nothing is listening on localhost:${port} — is your server running?\n`);
  });
});

describe('--json, --verbose, --dry-run and --curl', () => {
  it('--json gives the request (headers, body, signature) and the response (status, headers, body, timings)', async () => {
    const s = await scripted([200]);
    const r = await runInProcess(['send', 'job.completed', '--to', s.url, '--secret', SECRET, '--json']);
    const [x] = lines(r.stdout);
    const q = s.received[0]!;
    expect(x).toMatchObject({
      type: 'delivery',
      provider: 'transcodely',
      event: 'job.completed',
      deliveryId: q.headers['x-transcodely-delivery-id'],
      request: { method: 'POST', url: `${s.url}/webhooks/transcodely`, body: q.body.toString(), signature: q.headers['x-transcodely-signature'], mode: 'valid' },
      response: { status: 200, body: 'answer 200', headers: { 'content-length': '10' } },
    });
    expect(x!.request.headers['X-Transcodely-Timestamp']).toBe(q.headers['x-transcodely-timestamp']);
    expect(x!.response.timings.totalMs).toBeGreaterThanOrEqual(x!.response.timings.ttfbMs);
  });

  it('--verbose shows both sides, JSON pretty-printed', async () => {
    server = await startServer((_q, res) => {
      res.setHeader('content-type', 'application/json');
      res.end('{"received":true}');
    });
    const r = await runInProcess(['send', 'job.completed', '--to', server.url, '--secret', SECRET, '--verbose']);
    expect(r.stdout).toContain(`→ POST ${server.url}/webhooks/transcodely\n  Content-Type: application/json\n`);
    expect(r.stdout).toMatch(/ {2}X-Transcodely-Signature: sha256=[0-9a-f]{64}\n/);
    expect(r.stdout).toContain('  {\n    "event": "job.completed",\n    "job": {\n');
    expect(r.stdout).toContain('← 200 OK');
    expect(r.stdout).toContain('  content-type: application/json\n');
    expect(r.stdout).toContain('  {\n    "received": true\n  }');
  });

  it('--dry-run prints the signed request and sends nothing', async () => {
    const s = await scripted([200]);
    const r = await runInProcess(['send', 'job.completed', '--to', s.url, '--secret', SECRET, '--dry-run']);
    expect(r.code).toBe(0);
    expect(s.received).toHaveLength(0);
    const [head, body] = r.stdout.split('\n\n');
    expect(head).toMatch(
      new RegExp(
        `^→ POST ${s.url}/webhooks/transcodely\\n {2}Content-Type: application/json\\n {2}User-Agent: hookctl/\\S+\\n {2}X-Transcodely-Delivery-ID: dlv_\\w+\\n {2}X-Transcodely-Timestamp: \\d+\\n {2}X-Transcodely-Signature: sha256=[0-9a-f]{64}$`,
      ),
    );
    // The exact, compact body, verifiable from the printed headers alone.
    const headers = Object.fromEntries(
      head!
        .split('\n')
        .slice(1)
        .map((l) => l.trim().split(': ') as [string, string])
        .map(([k, v]) => [k.toLowerCase(), v]),
    );
    expect(await verify({ method: 'POST', url: '/', headers, rawHeaders: [], body: Buffer.from(body!.trim()) })).toEqual({ ok: true });
  });

  it.skipIf(!HAS_CURL)('--curl reproduces the request byte for byte (run for real)', async () => {
    const s = await scripted([200]);
    // A body with quotes, a backslash, non-ASCII and a newline, sent verbatim with --data.
    const data = '{"note":"it\'s \\"quoted\\" — ünïcode ✓\\n","n":1}\n';
    const r = await runInProcess(['send', 'job.completed', '--to', s.url, '--secret', SECRET, '--data', data, '--header', "X-Trace: a'b", '--curl', '--json']);
    expect(r.code).toBe(0);
    expect(s.received).toHaveLength(0);
    const [x] = lines(r.stdout);
    expect(x!.curl).toMatch(/^curl -sS http:\/\/127.0.0.1:\d+\/webhooks\/transcodely \\\n {2}-H 'Content-Type: application\/json' \\/);
    await promisify(execFile)('bash', ['-c', x!.curl]);
    expect(s.received).toHaveLength(1);
    const q = s.received[0]!;
    expect(sha256(q.body)).toBe(sha256(data));
    for (const [name, value] of Object.entries(x!.request.headers as Record<string, string>)) expect(q.headers[name.toLowerCase()]).toBe(value);
    // Only the transport headers any client adds: nothing of curl's own.
    expect(Object.keys(q.headers).sort()).toEqual([...Object.keys(x!.request.headers).map((k) => k.toLowerCase()), 'host', 'content-length'].sort());
    expect(await verify(q)).toEqual({ ok: true });
  });
});
