#!/usr/bin/env node
// `npm run demo`: the main job on built-in defaults, end to end, with nothing to configure.
// listen on a free port -> send every event of every provider -> verify one capture -> replay it.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/hookctl.js', import.meta.url));
const store = mkdtempSync(join(tmpdir(), 'hookctl-demo-'));
const env = { ...process.env, HOOKCTL_SECRET: '', HOOKCTL_PROVIDER: '', HOOKCTL_CONFIG: '' };
for (const k of ['HOOKCTL_SECRET', 'HOOKCTL_PROVIDER', 'HOOKCTL_CONFIG']) delete env[k];
// Bold headings on a terminal only, and never under NO_COLOR.
const bold = process.stdout.isTTY && !process.env.NO_COLOR ? (t) => `\x1b[1m${t}\x1b[0m` : (t) => t;
const say = (text) => process.stdout.write(`\n${bold(`== ${text}`)}\n`);
const hookctl = (args) => {
  process.stdout.write(`$ hookctl ${args.join(' ')}\n`);
  return spawnSync(process.execPath, [bin, ...args], { stdio: ['ignore', 'inherit', 'inherit'], env }).status;
};

say('hookctl listen: a capture server on a free port');
const listener = spawn(process.execPath, [bin, 'listen', '--port', '0', '--json', '--store', store], { stdio: ['ignore', 'pipe', 'inherit'], env });
const deliveries = [];
const url = await new Promise((resolve, reject) => {
  listener.on('exit', (code) => reject(new Error(`listen exited with ${code}`)));
  createInterface({ input: listener.stdout }).on('line', (line) => {
    const msg = JSON.parse(line);
    if (msg.type === 'listening') resolve(msg.url);
    if (msg.type === 'delivery') deliveries.push(msg);
  });
});
console.log(`listening on ${url}, storing captures in ${store}`);

let failures = 0;
const listed = JSON.parse(`[${spawnSync(process.execPath, [bin, 'providers', '--json'], { env, encoding: 'utf8' }).stdout.trim().split('\n').join(',')}]`);
// Twilio last: its capture, URL-signed, is the one verify and replay show below.
const providers = [...listed.filter((p) => p.id !== 'twilio'), ...listed.filter((p) => p.id === 'twilio')];
// A handshake request a provider sends unsigned (Meta's GET ?hub.challenge=) carries no header that names
// its provider, so listen has nothing to verify: the demo sends the signed events, one by one where a
// provider has both kinds.
const { BUILTIN_PROVIDERS } = await import(new URL('../dist/index.js', import.meta.url).href);
const unsigned = new Set(BUILTIN_PROVIDERS.flatMap((p) => p.events.filter((e) => e.request?.unsigned).map((e) => `${p.id}/${e.name}`)));
// Stripe's and GitHub's catalogues hold hundreds of events: the demo sends the first few of each.
const SAMPLE = 3;
const signed = (p) => p.events.filter((e) => !unsigned.has(`${p.id}/${e}`));
const sent = (p) => (p.events.length > 20 ? signed(p).slice(0, SAMPLE) : signed(p));
say(`hookctl send: every event of all ${providers.length} built-in providers (${SAMPLE} of each large catalogue), signed with their development secrets`);
for (const p of providers) {
  const one = p.events.length > 20 || sent(p).length < p.events.length;
  for (const e of one ? sent(p) : [null]) {
    if (hookctl(e ? ['send', `${p.id}/${e}`, '--to', url] : ['send', '--all', '--provider', p.id, '--to', url]) !== 0) failures++;
  }
}

await new Promise((r) => setTimeout(r, 200));
say('what the listener verified');
for (const d of deliveries) {
  const v = d.verification ?? {};
  if (!v.ok) failures++;
  console.log(`${v.ok ? '✔' : `✘ ${v.reason}`}  ${d.provider.padEnd(18)} ${String(d.event ?? '').padEnd(30)} ${d.bodyBytes} bytes  → ${d.response.status}`);
}
const expected = providers.reduce((n, p) => n + sent(p).length, 0);
console.log(`${deliveries.filter((d) => d.verification?.ok).length} of ${expected} deliveries verified`);
if (deliveries.length !== expected) failures++;

say('hookctl verify: check the last capture again, from the store');
if (hookctl(['verify', 'last', '--store', store]) !== 0) failures++;

say('hookctl replay: re-send it, re-signed with a fresh timestamp');
if (hookctl(['replay', 'last', '--resign', '--to', url, '--store', store, '--expect', '2xx']) !== 0) failures++;

listener.kill('SIGINT');
await new Promise((r) => listener.on('close', r));
rmSync(store, { recursive: true, force: true });
say(failures ? `demo finished with ${failures} failure(s)` : 'demo finished: every delivery was signed, captured and verified, and the last one verified and replayed on its own');
process.exitCode = failures ? 1 : 0;
