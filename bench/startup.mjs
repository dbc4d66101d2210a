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
  // The generated catalogues (issue 12): one provider's is read, lazily, never all of them.
  'hookctl send github/push --dry-run': [bin, 'send', 'github/push', '--dry-run'],
  'hookctl events --provider github': [bin, 'events', '--provider', 'github'],
  // Every generated catalogue (issue 24): each send reads its own provider's list and one template.
  ...Object.fromEntries(
    ['slack/reaction_added', 'shopify/orders/paid', 'paddle/subscription.past_due', 'linear/Issue.update', 'discord/modal_submit', 'sendgrid/batch', 'twilio/call.status.completed'].map((e) => [
      `hookctl send ${e} --dry-run`,
      // Twilio signs the URL, so its dry run needs one.
      [bin, 'send', e, '--dry-run', ...(e.startsWith('twilio/') ? ['--to', 'localhost:3000'] : [])],
    ]),
  ),
};
/** The budgets, as ratios to `node -e 0` (issues 12 and 24): every `send --dry-run` within 2.5×. */
const budgets = Object.fromEntries(
  Object.keys(commands).map((k) => [k, k.startsWith('hookctl send') && k.includes('/') ? 2.5 : k === 'hookctl events --provider github' ? 2.5 : k === 'hookctl --version' ? 1.3 : undefined]),
);
// No secret: each provider signs with its development secret or key pair (a warning on stderr, ignored).
const env = { ...process.env, NO_COLOR: '1', HOOKCTL_SECRET: undefined };
const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
for (let i = 0; i < runs + 3; i++) {
  for (const [name, args] of Object.entries(commands)) {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { env, stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`${name} exited ${r.status}`);
    if (i >= 3) times[name].push(Number(process.hrtime.bigint() - t) / 1e6); // the first rounds warm the disk cache
  }
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const base = median(times['node -e 0']);
console.log(`node ${process.version}, ${runs} alternating runs each, median wall time`);
for (const [name, xs] of Object.entries(times)) {
  const ratio = median(xs) / base;
  const budget = budgets[name] === undefined ? '' : `  budget ${budgets[name]}× ${ratio <= budgets[name] ? 'ok' : 'EXCEEDED'}`;
  console.log(`${name.padEnd(52)} ${median(xs).toFixed(1).padStart(6)} ms  ${ratio.toFixed(2)}×  (min ${Math.min(...xs).toFixed(1)} ms)${budget}`);
}
