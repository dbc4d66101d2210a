// Start-up cost against bare `node -e 0`, in the same run: `node bench/startup.mjs [--runs 40]` (after `npm run build`).
// Commands run in alternation so that a noisy neighbour hits them all alike; medians are compared.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 40;
const bin = fileURLToPath(new URL('../bin/hookctl.js', import.meta.url));
const commands = {
  'node -e 0': ['-e', '0'],
  'hookctl --version': [bin, '--version'],
  'hookctl --help': [bin, '--help'],
  'hookctl send --dry-run job.completed': [bin, 'send', '--dry-run', 'job.completed'],
};
const env = { ...process.env, NO_COLOR: '1', HOOKCTL_SECRET: 'bench' };
const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
for (let i = 0; i < runs + 3; i++) {
  for (const [name, args] of Object.entries(commands)) {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { env, stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`${name} exited ${r.status}`);
    if (i >= 3) times[name].push(Number(process.hrtime.bigint() - t) / 1e6); // the first rounds warm the disk cache
  }
}
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const base = median(times['node -e 0']);
console.log(`node ${process.version}, ${runs} alternating runs each, median wall time`);
for (const [name, xs] of Object.entries(times)) {
  console.log(`${name.padEnd(38)} ${median(xs).toFixed(1).padStart(6)} ms  ${(median(xs) / base).toFixed(2)}×  (min ${Math.min(...xs).toFixed(1)} ms)`);
}
