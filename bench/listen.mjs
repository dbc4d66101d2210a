#!/usr/bin/env node
// Benchmark: `hookctl listen` (verifying, storing durably, --json to /dev/null) against a bare
// node:http server answering 200, same signed request and concurrency, in the same run.
// Usage: npm run build && node bench/listen.mjs [--connections 64] [--amount 100000]
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { sign } from '../dist/index.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const CONNECTIONS = arg('connections', 64);
const AMOUNT = arg('amount', 100_000);
const ROUND = Math.min(10_000, AMOUNT);
const WARMUP = 3_000;

const secret = 'bench_secret';
const body = JSON.stringify({
  zen: 'Keep it logically awesome.',
  hook_id: 123456789,
  repository: { id: 1296269, full_name: 'octocat/Hello-World', private: false, owner: { login: 'octocat', id: 1 } },
  sender: { login: 'octocat', id: 1, type: 'User' },
});
const signed = sign({ provider: 'github', secret, body });
const headers = {
  'content-type': 'application/json',
  'user-agent': 'GitHub-Hookshot/bench',
  'x-github-event': 'ping',
  'x-github-delivery': '72d3162e-cc78-11e3-81ab-4c9367dc0958',
  ...signed.headers,
};

const BARE = `
const http = require('node:http');
http.createServer((req, res) => {
  req.on('data', () => {});
  req.on('end', () => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"received":true}'); });
}).listen(Number(process.argv[1]), '127.0.0.1');`;

const freePort = () => new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

const waitForPort = async (port) => {
  for (let i = 0; i < 200; i++) {
    const ok = await new Promise((resolve) => {
      const sock = connect({ port, host: '127.0.0.1' }, () => { sock.destroy(); resolve(true); });
      sock.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nothing listening on ${port}`);
};

/** User + system CPU seconds the process has used so far (/proc/<pid>/stat, clock ticks of 1/100 s). */
const cpuSeconds = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
const rssKiB = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);

const run = (port, amount) => new Promise((resolve, reject) => {
  autocannon({ url: `http://127.0.0.1:${port}/webhooks/github`, method: 'POST', headers, body, connections: CONNECTIONS, amount }, (err, r) => {
    if (err) return reject(err);
    if (r.non2xx || r.errors || r.timeouts) return reject(new Error(`bad responses: non2xx ${r.non2xx}, errors ${r.errors}, timeouts ${r.timeouts}`));
    resolve({ requests: r.requests.sent ?? amount, seconds: r.duration, p50: r.latency.p50, p99: r.latency.p99 });
  });
});

const start = async (args) => {
  const port = await freePort();
  const devnull = openSync('/dev/null', 'w');
  const child = spawn(process.execPath, [...args(port)], { cwd: ROOT, stdio: ['ignore', devnull, 'inherit'] });
  await waitForPort(port);
  return { port, child };
};

const stop = (child) => new Promise((resolve) => { child.once('exit', resolve); child.kill('SIGINT'); });

const store = mkdtempSync(join(tmpdir(), 'hookctl-bench-'));
const bare = await start((port) => ['-e', BARE, String(port)]);
const listen = await start((port) => [join(ROOT, 'bin/hookctl.js'), '--json', 'listen', '--port', String(port), '--provider', 'github', '--secret', secret, '--store', store]);
try {
  await run(bare.port, WARMUP);
  await run(listen.port, WARMUP);
  // Rounds of ROUND requests, alternating, so that load from anything else on the machine falls on both.
  const totals = { bare: { requests: 0, seconds: 0, p99: 0, cpu: 0 }, listen: { requests: 0, seconds: 0, p99: 0, cpu: 0 } };
  const rss = [];
  for (let done = 0; done < AMOUNT; done += ROUND) {
    const n = Math.min(ROUND, AMOUNT - done);
    for (const [name, target] of [['bare', bare], ['listen', listen]]) {
      const cpu = cpuSeconds(target.child.pid);
      const r = await run(target.port, n);
      totals[name].cpu += cpuSeconds(target.child.pid) - cpu;
      totals[name].requests += r.requests;
      totals[name].seconds += r.seconds;
      totals[name].p99 = Math.max(totals[name].p99, r.p99);
    }
    rss.push([done + n, rssKiB(listen.child.pid)]);
  }
  await stop(listen.child);
  bare.child.kill('SIGKILL');

  const stored = readdirSync(join(store, 'captures')).reduce((n, f) => n + readFileSync(join(store, 'captures', f), 'utf8').split('\n').filter(Boolean).length, 0);
  const rps = (t) => t.requests / t.seconds;
  const mib = (kib) => (kib / 1024).toFixed(1);
  const cpuPer = (t) => `${((t.cpu / t.requests) * 1e6).toFixed(0)} µs CPU/request`;
  console.log(`node ${process.version}, ${CONNECTIONS} connections, ${body.length}-byte signed body (github scheme), ${AMOUNT} requests each, alternating rounds of ${ROUND}`);
  console.log(`bare node:http    ${rps(totals.bare).toFixed(0).padStart(7)} req/s   worst round p99 ${totals.bare.p99} ms   ${cpuPer(totals.bare)}`);
  console.log(`hookctl listen    ${rps(totals.listen).toFixed(0).padStart(7)} req/s   worst round p99 ${totals.listen.p99} ms   ${cpuPer(totals.listen)} (verify + synced store + NDJSON)`);
  console.log(`ratio             ${(rps(totals.listen) / rps(totals.bare)).toFixed(2)} (target >= 0.5)`);
  console.log(`listen RSS        ${rss.map(([n, kib]) => `${n / 1000}k: ${mib(kib)} MiB`).join(', ')}`);
  console.log(`stored            ${stored} captures (expected ${WARMUP + AMOUNT})`);
  if (stored !== WARMUP + AMOUNT) process.exitCode = 1;
} finally {
  bare.child.kill('SIGKILL');
  listen.child.kill('SIGKILL');
  rmSync(store, { recursive: true, force: true });
}
