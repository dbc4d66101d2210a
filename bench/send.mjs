#!/usr/bin/env node
/**
 * `hookctl send` burst throughput against autocannon, in one run, against the same bare
 * node:http receiver. Receiver, autocannon and hookctl each run in their own process, so no
 * client shares an event loop with the receiver and both clients start cold, as a CLI does.
 *
 *   node bench/send.mjs [--count 5000] [--concurrency 50] [--rounds 5]
 *
 * autocannon replays one fixed request, and so does bare undici (hookctl's HTTP layer alone);
 * hookctl renders, signs and serializes every delivery afresh and prints one JSON object per
 * delivery. Rounds alternate the three; the medians are compared. Exit 1 below 0.8× autocannon.
 * Needs a build (npm run build) and the dev dependencies (autocannon).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const COUNT = arg('count', 5000);
const CONCURRENCY = arg('concurrency', 50);
const ROUNDS = arg('rounds', 5);
const BIN = fileURLToPath(new URL('../bin/hookctl.js', import.meta.url));
const SECRET = 'bench_secret';

// A bare receiver: read the body, answer 200. No verification, so only the clients differ.
const RECEIVER = `
const server = require('node:http').createServer((req, res) => {
  req.on('data', () => {});
  req.on('end', () => { res.writeHead(200, { 'content-type': 'text/plain' }); res.end('ok'); });
});
server.keepAliveTimeout = 30000;
server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));
`;

async function startReceiver() {
  const child = spawn(process.execPath, ['-e', RECEIVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [chunk] = await once(child.stdout, 'data');
  return { child, url: `http://127.0.0.1:${String(chunk).trim()}` };
}

/** Run hookctl; keeps only the line count and the last line of stdout, so the harness stays light. */
function run(args) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: '1' } });
    let lines = 0;
    let tail = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d) => {
      for (let i = d.indexOf('\n'); i >= 0; i = d.indexOf('\n', i + 1)) lines++;
      tail = (tail + d).slice(-4096);
    });
    child.stderr.setEncoding('utf8').on('data', (d) => {
      err += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`hookctl exited ${code}: ${err}`));
        return;
      }
      const last = tail.trimEnd().split('\n').pop() ?? '';
      resolve({ lines, last, wallMs: performance.now() - started });
    });
  });
}

/** One signed delivery, as autocannon's fixed request: the same size and headers as hookctl's. */
async function sampleRequest(url) {
  const { last } = await run(['send', 'job.completed', '--to', url, '--secret', SECRET, '--dry-run', '--json']);
  const { request } = JSON.parse(last);
  return { method: request.method, path: new URL(request.url).pathname, headers: request.headers, body: request.body };
}

// The baselines run in fresh processes too, so every client starts cold (a CLI always does).
// autocannon replays the fixed request; bare undici sends it with the same dispatcher hookctl
// uses (Agent, keep-alive, one plain handler per request), so hookctl / undici is its own overhead.
const BASELINES = {
  autocannon: `
import autocannon from 'autocannon';
const { url, req, connections, amount } = JSON.parse(process.argv[1]);
const r = await autocannon({ url: url + req.path, method: req.method, headers: req.headers, body: req.body, connections, amount });
if (r.non2xx || r.errors) throw new Error(r.non2xx + ' non-2xx, ' + r.errors + ' errors');
process.stdout.write(JSON.stringify({ total: r.requests.total, ms: r.finish - r.start }));
`,
  undici: `
import { Agent } from 'undici';
const { url, req, connections, amount } = JSON.parse(process.argv[1]);
const agent = new Agent({ connections, pipelining: 1, keepAliveTimeout: 10000 });
const { origin } = new URL(url);
const headers = Object.entries(req.headers).flat();
const body = Buffer.from(req.body);
const one = () => new Promise((resolve, reject) => agent.dispatch({ origin, path: req.path, method: req.method, headers, body }, {
  onRequestStart() {}, onResponseStart(_c, status) { if (status !== 200) reject(new Error('status ' + status)); },
  onResponseData() {}, onResponseEnd: resolve, onResponseError: (_c, err) => reject(err),
}));
let next = 0;
const start = performance.now();
await Promise.all(Array.from({ length: connections }, async () => { while (next++ < amount) await one(); }));
const ms = performance.now() - start;
await agent.close();
process.stdout.write(JSON.stringify({ total: amount, ms }));
`,
};

async function baseline(name, url, req) {
  const child = spawn(process.execPath, ['--input-type=module', '-e', BASELINES[name], JSON.stringify({ url, req, connections: CONCURRENCY, amount: COUNT })], {
    stdio: ['ignore', 'pipe', 'inherit'],
    cwd: fileURLToPath(new URL('..', import.meta.url)),
  });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d) => {
    out += d;
  });
  const [code] = await once(child, 'close');
  if (code !== 0) throw new Error(`${name} exited ${code}`);
  const r = JSON.parse(out);
  return { rps: r.total / (r.ms / 1000) };
}

async function hookctl(url) {
  const { lines, last, wallMs } = await run(['send', 'job.completed', '--to', url, '--secret', SECRET, '--count', String(COUNT), '--concurrency', String(CONCURRENCY), '--json']);
  const summary = JSON.parse(last);
  if (summary.type !== 'summary' || lines !== COUNT + 1) throw new Error(`hookctl printed ${lines} lines, expected ${COUNT} deliveries and a summary`);
  if (summary.statuses['200'] !== COUNT) throw new Error(`hookctl: statuses ${JSON.stringify(summary.statuses)}`);
  return { rps: summary.rps, wallMs, p50: summary.latency.p50, p99: summary.latency.p99 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const { child, url } = await startReceiver();
try {
  const req = await sampleRequest(url);
  console.log(`${COUNT} requests, concurrency ${CONCURRENCY}, ${Buffer.byteLength(req.body)}-byte body, ${ROUNDS} rounds, node ${process.version}, ${availableParallelism()} CPUs`);
  await baseline('autocannon', url, req); // warm the receiver
  const rps = { autocannon: [], undici: [], hookctl: [] };
  for (let round = 1; round <= ROUNDS; round++) {
    const ac = await baseline('autocannon', url, req);
    const un = await baseline('undici', url, req);
    const hk = await hookctl(url);
    rps.autocannon.push(ac.rps);
    rps.undici.push(un.rps);
    rps.hookctl.push(hk.rps);
    console.log(
      `round ${round}: autocannon ${Math.round(ac.rps)} · bare undici ${Math.round(un.rps)} · hookctl ${hk.rps} req/s (p50 ${hk.p50} ms, p99 ${hk.p99} ms, whole process ${Math.round(hk.wallMs)} ms)`,
    );
  }
  const [a, u, h] = [median(rps.autocannon), median(rps.undici), median(rps.hookctl)];
  console.log(`median req/s: autocannon ${Math.round(a)} · bare undici ${Math.round(u)} · hookctl send ${Math.round(h)}`);
  console.log(`hookctl / autocannon ${(h / a).toFixed(2)}× (target ≥ 0.80×) · hookctl / bare undici ${(h / u).toFixed(2)}×`);
  process.exitCode = h / a >= 0.8 ? 0 : 1;
} finally {
  child.kill();
}
