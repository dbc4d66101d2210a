#!/usr/bin/env node
// Benchmark: `hookctl listen` (verifying, storing durably, --json to /dev/null) against a bare
// node:http server answering 200, and that server storing each body durably first; same signed
// request and concurrency, in the same run.
// Usage: npm run build && node bench/listen.mjs [--connections 50] [--amount 100000] [--no-pin] [--same-id] [--profile [--no-ui]]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { sign } from '../dist/index.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const CONNECTIONS = arg('connections', 50);
const AMOUNT = arg('amount', 100_000);
const ROUND = Math.min(10_000, AMOUNT);
const WARMUP = 10_000;
const SAME_ID = process.argv.includes('--same-id');

// On a machine with few CPUs the load generator and the server fight over them. With taskset,
// autocannon (this process) gets CPU 0 and each server CPU 1, so both servers are measured alike.
const CPUS = availableParallelism();
const PIN = !process.argv.includes('--no-pin') && CPUS >= 2 && spawnSync('taskset', ['-a', '-cp', '0', String(process.pid)], { stdio: 'ignore' }).status === 0;

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
  // A fresh delivery id per request (autocannon's idReplacement), so listen's duplicate index fills as in
  // real use; --same-id sends one fixed request (cheaper for autocannon, every delivery a duplicate).
  'x-github-delivery': SAME_ID ? '72d3162e-cc78-11e3-81ab-4c9367dc0958' : '[<id>]',
  ...signed.headers,
};

const BARE = `
const http = require('node:http');
http.createServer((req, res) => {
  req.on('data', () => {});
  req.on('end', () => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"received":true}'); });
}).listen(Number(process.argv[1]), '127.0.0.1');`;

// The bare server plus the one guarantee listen's answer carries: the body is on disk first. Each
// body is appended as a line to a file opened O_DSYNC, with group commit (one write for whatever
// arrived while the last one ran), and answered once its write returns. Listen against this one
// measures what listen does beyond storing durably.
const BARE_DURABLE = `
const http = require('node:http');
const fs = require('node:fs');
const fd = fs.openSync(process.argv[2], fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_APPEND | fs.constants.O_DSYNC, 0o600);
let queue = [];
let writing = false;
const drain = () => {
  if (writing || queue.length === 0) return;
  writing = true;
  const batch = queue;
  queue = [];
  fs.writev(fd, batch.map((b) => b.line), (err) => {
    writing = false;
    for (const b of batch) b.answer(err ? 503 : 200);
    drain();
  });
};
http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    chunks.push(Buffer.from('\\n'));
    queue.push({ line: Buffer.concat(chunks), answer: (status) => { res.writeHead(status, { 'content-type': 'application/json' }); res.end('{"received":true}'); } });
    setImmediate(drain);
  });
}).listen(Number(process.argv[1]), '127.0.0.1');`;

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

const waitForPort = async (port) => {
  for (let i = 0; i < 200; i++) {
    const ok = await new Promise((resolve) => {
      const sock = connect({ port, host: '127.0.0.1' }, () => {
        sock.destroy();
        resolve(true);
      });
      sock.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nothing listening on ${port}`);
};

/** User + system CPU seconds a process (all its threads) has used (/proc/<pid>/stat, 1/100 s ticks). */
const cpuSeconds = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
const rssKiB = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);

const run = (port, amount) =>
  new Promise((resolve, reject) => {
    // sampleInt: an `amount` run ends at the next sample tick, so the default (1 s) would pad every round by up to a second.
    autocannon({ url: `http://127.0.0.1:${port}/webhooks/github`, method: 'POST', headers, body, connections: CONNECTIONS, amount, sampleInt: 10, idReplacement: !SAME_ID }, (err, r) => {
      if (err) return reject(err);
      if (r.non2xx || r.errors || r.timeouts) return reject(new Error(`bad responses: non2xx ${r.non2xx}, errors ${r.errors}, timeouts ${r.timeouts}`));
      resolve({ requests: r.requests.sent, seconds: r.duration, p99: r.latency.p99 });
    });
  });

const start = async (args) => {
  const port = await freePort();
  const devnull = openSync('/dev/null', 'w');
  const argv = [process.execPath, ...args(port)];
  const [cmd, ...rest] = PIN ? ['taskset', '-c', '1', ...argv] : argv;
  const child = spawn(cmd, rest, { cwd: ROOT, stdio: ['ignore', devnull, 'inherit'] });
  await waitForPort(port);
  return { port, child };
};

const stop = (child) =>
  new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGINT');
  });

const stores = [];
const listenArgs = (port, extra) => {
  const store = mkdtempSync(join(tmpdir(), 'hookctl-bench-'));
  stores.push(store);
  return [join(ROOT, 'bin/hookctl.js'), '--json', 'listen', '--port', String(port), '--provider', 'github', '--secret', secret, '--store', store, ...extra];
};
// --profile [--no-ui]: listen alone under --cpu-prof, then where its time went (self time), to read
// before changing anything on its path (bench/README.md, `listen`).
if (process.argv.includes('--profile')) {
  const dir = mkdtempSync(join(tmpdir(), 'hookctl-prof-'));
  const ui = process.argv.includes('--no-ui') ? ['--no-ui'] : [];
  const listen = await start((port) => ['--cpu-prof', `--cpu-prof-dir=${dir}`, ...listenArgs(port, ui)]);
  await run(listen.port, WARMUP);
  await run(listen.port, AMOUNT);
  await stop(listen.child);
  const profile = JSON.parse(readFileSync(join(dir, readdirSync(dir)[0]), 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const self = { fn: new Map(), file: new Map() };
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const f = byId.get(id);
    const us = profile.timeDeltas[i] ?? 0;
    if (f.functionName === '(idle)') return;
    busy += us;
    // Native and V8-internal frames have no file: they stand for themselves.
    const file = f.url.replace(pathToFileURL(ROOT).href, '') || f.functionName || '(native)';
    self.file.set(file, (self.file.get(file) ?? 0) + us);
    const fn = f.url ? `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}` : file;
    self.fn.set(fn, (self.fn.get(fn) ?? 0) + us);
  });
  console.log(`listen${ui.length ? ' --no-ui' : ''}: ${(busy / (WARMUP + AMOUNT)).toFixed(0)} µs busy per request (profiler included), self time:`);
  for (const [what, m] of [
    ['file', self.file],
    ['function', self.fn],
  ]) {
    console.log(`by ${what}:`);
    for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${((100 * us) / busy).toFixed(1).padStart(5)}%  ${k}`);
  }
  for (const d of [dir, ...stores]) rmSync(d, { recursive: true, force: true });
  process.exit(0);
}

// The bare server, the bare server storing durably, then listen without and with its inspector (the
// default): the same rounds for all four.
const servers = [
  { name: 'bare node:http', ...(await start((port) => ['-e', BARE, String(port)])) },
  {
    name: 'bare + durable',
    note: ' (bare, answering once the body is synced to disk)',
    ...(await start((port) => {
      const dir = mkdtempSync(join(tmpdir(), 'hookctl-bench-'));
      stores.push(dir);
      return ['-e', BARE_DURABLE, String(port), join(dir, 'bodies')];
    })),
  },
  { name: 'listen --no-ui', ...(await start((port) => listenArgs(port, ['--no-ui']))), store: stores.at(-1) },
  { name: 'listen', note: ' (inspector on: the default)', ...(await start((port) => listenArgs(port, []))), store: stores.at(-1) },
];
try {
  for (const s of servers) await run(s.port, WARMUP);
  // Rounds alternate, so whatever else loads the machine falls on all alike; medians over rounds
  // keep one disturbed round from moving the figure. Each round starts with the next server: in a
  // fixed order the last one measured a few µs per request slower, whichever it was.
  for (const s of servers) Object.assign(s, { rps: [], us: [], p99: 0 });
  const rss = [];
  for (let done = 0, round = 0; done < AMOUNT; done += ROUND, round++) {
    const n = Math.min(ROUND, AMOUNT - done);
    for (const s of [...servers.slice(round % servers.length), ...servers.slice(0, round % servers.length)]) {
      const cpu = cpuSeconds(s.child.pid);
      const r = await run(s.port, n);
      s.us.push(((cpuSeconds(s.child.pid) - cpu) / r.requests) * 1e6);
      s.rps.push(r.requests / r.seconds);
      s.p99 = Math.max(s.p99, r.p99);
    }
    rss.push([done + n, rssKiB(servers[3].child.pid)]);
  }
  for (const s of servers.slice(2)) await stop(s.child);

  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const bare = servers[0];
  console.log(
    `node ${process.version}, ${CPUS} CPUs${PIN ? ' (autocannon on CPU 0, servers on CPU 1)' : ' (not pinned)'}, ${CONNECTIONS} connections, ${body.length}-byte signed body (github scheme), ${SAME_ID ? 'one fixed delivery id' : 'a fresh delivery id each'}, ${AMOUNT} requests each in alternating rounds of ${ROUND}; medians over rounds`,
  );
  for (const s of servers) {
    const against = (base) => (median(s.rps.map((r, i) => r / (base.rps[i] ?? r))) ?? 0).toFixed(2);
    const ratio = s === bare ? '' : `   ratio ${against(bare)}${servers.indexOf(s) > 1 ? ` (${against(servers[1])} of bare + durable)` : ''}`;
    console.log(
      `${s.name.padEnd(16)} ${median(s.rps).toFixed(0).padStart(7)} req/s   p99 ${String(s.p99).padStart(3)} ms (worst round)   ${median(s.us).toFixed(0).padStart(3)} µs CPU per request${ratio}${s.note ?? ''}`,
    );
  }
  console.log(`targets          ratio >= 0.7 pinned, >= 0.5 not pinned (issue 13); listen verifies, syncs each capture to disk and writes NDJSON`);
  console.log(`listen RSS       ${rss.map(([n, kib]) => `${n / 1000}k: ${(kib / 1024).toFixed(1)} MiB`).join(', ')}`);
  for (const s of servers.slice(2)) {
    const stored = readdirSync(join(s.store, 'captures')).reduce(
      (n, f) =>
        n +
        readFileSync(join(s.store, 'captures', f), 'utf8')
          .split('\n')
          .filter(Boolean).length,
      0,
    );
    console.log(`stored           ${s.name}: ${stored} captures (expected ${WARMUP + AMOUNT})`);
    if (stored !== WARMUP + AMOUNT) process.exitCode = 1;
  }
} finally {
  for (const s of servers) s.child.kill('SIGKILL');
  for (const dir of stores) rmSync(dir, { recursive: true, force: true });
}
