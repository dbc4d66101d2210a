#!/usr/bin/env node
// Benchmark: peak memory and time of `hookctl listen` receiving large bodies, 1, 10 and 50 at once,
// of 1, 10 and 80 MiB each, verified and stored durably. One fresh listen per case, so its peak
// RSS (VmHWM) belongs to that case alone; the baseline is the same process's RSS once listening.
// Goal (issue 13): peak <= baseline + 3 x the bytes in flight; one 80 MiB body answered in < 3 s.
// Usage: npm run build && node bench/bodies.mjs [--kind binary|json] [--sizes 1,10,80] [--counts 1,10,50] [--max-in-flight-mib 1024]
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sign } from '../dist/index.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const opt = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const KIND = opt('kind', 'binary');
const SIZES = opt('sizes', '1,10,80').split(',').map(Number);
const COUNTS = opt('counts', '1,10,50').split(',').map(Number);
// 50 x 80 MiB is 4 GiB in flight: on a shared machine, cases above this are skipped unless raised.
const MAX_IN_FLIGHT = Number(opt('max-in-flight-mib', '1024'));
const MiB = 1024 * 1024;
const secret = 'bench_secret';

/** A body of `mib` MiB: random bytes (stored base64, the worst case) or JSON text (stored as is). */
function makeBody(mib) {
  if (KIND === 'binary') return randomBytes(mib * MiB);
  const filler = 'x'.repeat(1000);
  const items = Math.floor((mib * MiB - 64) / (filler.length + 12));
  return Buffer.from(JSON.stringify({ type: 'bulk.export', items: Array.from({ length: items }, () => filler) }));
}

const status = (pid) => readFileSync(`/proc/${pid}/status`, 'utf8');
const kib = (text, key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(text)?.[1]);

async function startListen(store) {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin/hookctl.js'), '--json', 'listen', '--port', '0', '--provider', 'github', '--secret', secret, '--max-body', '1gb', '--request-timeout', '600000', '--store', store],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const url = await new Promise((resolve, reject) => {
    let text = '';
    child.stdout.setEncoding('utf8').on('data', (d) => {
      text += d;
      const m = /"url":"([^"]+)"/.exec(text);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`listen exited ${code}`)));
  });
  // Keep reading stdout (the delivery lines), as a terminal or a pipe reader would.
  child.stdout.resume();
  return { child, url };
}

function post(url, body, headers, i) {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/webhooks/github`, { method: 'POST', headers: { ...headers, 'x-github-delivery': `bench-${i}`, 'content-length': body.length } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function runCase(mib, count) {
  const store = mkdtempSync(join(tmpdir(), 'hookctl-bodies-'));
  const body = makeBody(mib);
  const headers = { 'content-type': KIND === 'binary' ? 'application/octet-stream' : 'application/json', 'x-github-event': 'ping', ...sign({ provider: 'github', secret, body }).headers };
  const { child, url } = await startListen(store);
  try {
    const baseline = kib(status(child.pid), 'VmRSS');
    const started = performance.now();
    const codes = await Promise.all(Array.from({ length: count }, (_, i) => post(url, body, headers, i)));
    const seconds = (performance.now() - started) / 1000;
    const peak = kib(status(child.pid), 'VmHWM');
    const inFlight = (body.length * count) / 1024;
    const ok = codes.filter((c) => c === 200).length;
    return { mib, count, seconds, baseline, peak, ratio: (peak - baseline) / inFlight, ok };
  } finally {
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGINT');
    });
    rmSync(store, { recursive: true, force: true });
  }
}

console.log(`node ${process.version}, ${KIND} bodies, signed (github), stored durably; peak = VmHWM of a fresh listen per case`);
console.log('bodies x MiB   answered   time      baseline   peak RSS    (peak - baseline) / bytes in flight');
for (const mib of SIZES) {
  for (const count of COUNTS) {
    if (mib * count > MAX_IN_FLIGHT) {
      console.log(`${String(count).padStart(6)} x ${String(mib).padEnd(4)}  skipped: ${mib * count} MiB in flight is over --max-in-flight-mib ${MAX_IN_FLIGHT}`);
      continue;
    }
    const r = await runCase(mib, count);
    console.log(
      `${String(count).padStart(6)} x ${String(mib).padEnd(4)}  ${`${r.ok}/${count}`.padStart(8)}   ${r.seconds.toFixed(2).padStart(6)} s  ${(r.baseline / 1024).toFixed(0).padStart(5)} MiB  ${(r.peak / 1024).toFixed(0).padStart(6)} MiB    ${r.ratio.toFixed(2)}x`,
    );
    if (r.ok !== count) process.exitCode = 1;
  }
}
