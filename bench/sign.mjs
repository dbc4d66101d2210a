// Signing cost against raw node:crypto, in the same process: `node bench/sign.mjs` (after `npm run build`).
import { createHmac } from 'node:crypto';
import { sign, verify } from '../dist/index.js';

const N = 200_000;
const body = Buffer.from(JSON.stringify({ event: 'job.completed', job: { id: 'job_a1b2c3d4e5f6', status: 'completed', progress: 100 } }));
const secret = 'whsec_hookctl_dev_secret';
const time = (fn) => {
  for (let i = 0; i < 20_000; i++) fn(i);
  const t = process.hrtime.bigint();
  for (let i = 0; i < N; i++) fn(i);
  return Number(process.hrtime.bigint() - t) / N / 1000;
};

const raw = time((i) =>
  createHmac('sha256', secret)
    .update(`${1764000000 + i}.`)
    .update(body)
    .digest('hex'),
);
const ours = time((i) => sign({ provider: 'transcodely', secret, body, timestamp: 1764000000 + i }));
const signed = sign({ provider: 'transcodely', secret, body, timestamp: 1764000000 });
const check = time(() => verify({ provider: 'transcodely', secrets: secret, headers: signed.headers, body, now: 1764000000_000 }));
console.log(`raw node:crypto HMAC-SHA256 hex  ${raw.toFixed(2)} µs`);
console.log(`hookctl sign (transcodely)       ${ours.toFixed(2)} µs  (${(ours / raw).toFixed(2)}× raw)`);
console.log(`hookctl verify (transcodely)     ${check.toFixed(2)} µs  (${(check / raw).toFixed(2)}× raw)`);
