#!/usr/bin/env node
// `npm run docs:providers`: writes docs/providers.md from the provider registry of the built
// library (dist/), so the page cannot drift from the data. `--check` writes nothing and exits 1
// when the checked-in page differs; `--stdout` prints the page. test/docs runs `--stdout`.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EVENTS_PAGE, eventsPage } from './docs-catalogue.mjs';

const root = new URL('../', import.meta.url);
const { BUILTIN_PROVIDERS, DEFAULT_PROVIDER, listEvents } = await import(new URL('dist/index.js', root).href);
const { describeProvider, duration } = await import(new URL('dist/core/providers/describe.js', root).href);
const page = fileURLToPath(new URL('docs/providers.md', root));

const code = (s) => `\`${s}\``;
const list = (items) => (items.length === 0 ? 'none' : items.join(', '));

/** The installed version of a verifying library (the lockfile's), read from node_modules. */
function versionOf(pkg) {
  return JSON.parse(readFileSync(new URL(`node_modules/${pkg}/package.json`, root), 'utf8')).version;
}

/** What makes the HMAC key from the secret the user holds. */
function secretKey(spec) {
  if (spec.encoding === 'utf8') return "the secret's UTF-8 bytes as shown, prefix included";
  const decoded = `${spec.encoding}-decoded`;
  return spec.prefix ? `${decoded} after stripping ${code(spec.prefix)}` : decoded;
}

function timestampLine(ts) {
  if (!ts) return 'none (the signature covers no time, so nothing checks freshness)';
  const where = ts.source === 'body' ? `the body field ${code(ts.field)}` : ts.source === 'signature' ? 'the signature header' : `the ${code(ts.header)} header`;
  const unit = { s: 'seconds', ms: 'milliseconds', iso: `RFC 3339 (UTC, ${ts.digits ?? 3} fraction digits), signed as written` }[ts.unit];
  return `${where}, in ${unit}; tolerance ${describeToleranceWords(ts.tolerance)}`;
}

function describeToleranceWords(t) {
  if (t.pastSec === null && t.futureSec === null) return 'off';
  if (t.futureSec === null) return `${t.pastSec} s in the past, any time in the future`;
  if (t.pastSec === t.futureSec) return `±${t.pastSec} s`;
  return `${t.pastSec ?? '∞'} s in the past, ${t.futureSec} s in the future`;
}

function signatureLines(scheme) {
  return scheme.signatures.map((s, i) => {
    const d = describeProvider({ ...PLACEHOLDER, scheme: { ...scheme, signatures: [s] } }).signatureHeader;
    // A spec sharing the primary's header is the alternative the key picks (v1 or v1a), not an extra header.
    const label = i === 0 ? 'signature' : s.header === scheme.signatures[0].header ? 'or, with a key pair' : 'also sent';
    return `${label}: ${code(d)}, ${algorithmName(s.algorithm)}, ${s.encoding}`;
  });
}
/** Digest names are HMACs; the key-pair algorithms by their usual names. */
function algorithmName(a) {
  if (a === 'ed25519') return 'Ed25519';
  if (a === 'ecdsa-p256-sha256') return 'ECDSA P-256 (SHA-256, DER signature)';
  return ['sha1', 'sha256', 'sha512'].includes(a) ? `HMAC-${a.toUpperCase()}` : a;
}

/** How keys are written for a key-pair signature (see docs/providers-asymmetric.md). */
function keyPairLine(s) {
  const k = s.key ?? { encoding: s.algorithm === 'ed25519' ? 'base64' : 'der' };
  const shape = k.encoding === 'der' ? 'base64 DER (PKCS#8 private, SPKI public)' : `raw ${k.encoding} (64-byte private key: seed then public key; 32-byte public key)`;
  const prefixes = k.privatePrefix || k.publicPrefix ? `, prefixed ${code(k.privatePrefix ?? '')} / ${code(k.publicPrefix ?? '')}` : '';
  return `key pair for ${code(s.format.style === 'prefixed' ? s.format.prefix || s.header : s.header)}: ${shape}${prefixes}; the private key signs, the public key verifies ([key pairs](providers-asymmetric.md))`;
}
const isPair = (s) => s.algorithm === 'ed25519' || s.algorithm === 'ecdsa-p256-sha256';
// describeProvider reads only the scheme and the delivery policy.
const PLACEHOLDER = { delivery: { timeoutMs: 0, retryDelaysSec: [] } };

function deliveryLines(d) {
  const retries = d.retryDelaysSec.length === 0 ? 'no retries' : `${d.retryDelaysSec.length} retries after ${list(d.retryDelaysSec.map((s) => (s === 0 ? 'immediately' : duration(s))))}`;
  const on = d.retryDelaysSec.length === 0 ? '' : `, on ${list(d.retryOn)}${d.retryOnTimeout ? ' and on a timeout or refused connection' : ''}`;
  const stop = d.stopOn?.length ? `; ${list(d.stopOn.map(String))} stops all retries` : '';
  return [`delivery: timeout ${duration(d.timeoutMs / 1000)}; ${retries}${on}${stop}`, ...(d.note ? [`note: ${d.note}`] : [])];
}

function requestLine(r) {
  const parts = [`${r.method} ${code(r.path)} (when the target has no path)`, code(`Content-Type: ${r.contentType}`)];
  if (r.userAgent) parts.push(code(`User-Agent: ${r.userAgent}`));
  if (r.eventHeader) parts.push(`event in ${code(`${r.eventHeader.name}: ${r.eventHeader.value}`)}`);
  if (r.deliveryId) parts.push(`delivery id in ${code(r.deliveryId.header)}`);
  for (const [k, v] of Object.entries(r.headers ?? {})) parts.push(code(`${k}: ${v}`));
  return parts.join(', ');
}

function section(p) {
  const d = describeProvider(p);
  const lines = [
    `## ${p.name} (${code(p.id)})`,
    '',
    ...(p.docs ? [`Documentation: <${p.docs}>`, ''] : []),
    ...signatureLines(p.scheme).map((l) => `- ${l}`),
    `- signed content: ${code(d.signedContent)}`,
    ...(p.scheme.signatures.every(isPair) ? [] : [`- key: ${secretKey(p.scheme.secret)}`]),
    ...p.scheme.signatures.filter(isPair).map((s) => `- ${keyPairLine(s)}`),
    ...(p.scheme.content.includes('{url}')
      ? [
          `- URL: ${code('{url}')} is the full URL posted to, ${code('{params}')} the form parameters sorted by name (name then value)${p.scheme.bodyHashParam ? `; a body that is not a form is bound by ${code(`${p.scheme.bodyHashParam}=<hex sha256>`)} in the URL` : ''} ([Twilio](providers-asymmetric.md#twilio-the-url-is-signed))`,
        ]
      : []),
    `- timestamp: ${timestampLine(p.scheme.timestamp)}`,
    ...(p.scheme.id ? [`- message id: ${code(p.scheme.id.header)}, signed as ${code('{id}')}`] : []),
    ...(p.scheme.headerAliases?.length ? [`- also accepted on verification: ${list(Object.values(p.scheme.headerAliases[0]).map(code))}`] : []),
    `- request: ${requestLine(p.request)}`,
    ...deliveryLines(p.delivery).map((l) => `- ${l}`),
    ...(p.devKeyPair ? [`- development key pair: private ${code(p.devKeyPair.privateKey)}, public ${code(p.devKeyPair.publicKey)}`] : []),
    ...(p.devKeyPair?.privateKey === p.devSecret ? [] : [`- development secret: ${code(p.devSecret)}`]),
    '',
    // A generated catalogue is hundreds of events: its size and where to find them, not a table; the
    // hand-written events among them (Twitch's handshake) are still listed.
    ...(p.catalogue
      ? [
          `Every event type: ${listEvents(p).length}, generated from ${p.name}'s own published sources ([events.md](events.md)); ${code(`hookctl events ${p.id}`)} lists them, ${code('--search')} finds one.`,
          ...(p.events.length ? ['', 'Of these, written by hand (the rest are generated):', '', ...eventTable(p.events)] : []),
        ]
      : eventTable(p.events)),
  ];
  return lines.join('\n');
}

function eventTable(events) {
  return ['| event | what happened |', '|---|---|', ...events.map((e) => `| ${code(e.name)} | ${e.description} |`)];
}

export function render() {
  const summary = BUILTIN_PROVIDERS.map((p) => {
    const d = describeProvider(p);
    return `| [${code(p.id)}](#${anchor(p)}) | ${p.name} | ${code(d.signatureHeader)} | ${code(d.signedContent)} | ${d.tolerance} | ${d.timeout} | ${d.retries} |`;
  });
  return [
    '# Providers',
    '',
    '<!-- Generated by `npm run docs:providers` (scripts/docs-providers.mjs) from the provider registry:',
    '     edit the registry (src/core/providers/builtin/), then run it. A test fails when this page differs. -->',
    '',
    `${BUILTIN_PROVIDERS.length} providers are built in. Bare event names resolve in the default provider`,
    `(${code(DEFAULT_PROVIDER)}, or the config's ${code('provider')}, or ${code('HOOKCTL_PROVIDER')}, or ${code('--provider')});`,
    `${code('provider/event')} always works. ${code('hookctl providers')} and ${code('hookctl events')} print the same facts`,
    `(${code('--json')} adds each provider's ${code('note')}). Any other scheme is a few lines of config:`,
    'see [configuration.md](configuration.md#adding-a-provider).',
    '',
    '| id | name | signature header | signed content | tolerance | timeout | retries |',
    '|---|---|---|---|---|---|---|',
    ...summary,
    '',
    '## Judged by their own libraries',
    '',
    `${BUILTIN_PROVIDERS.filter((p) => p.verifier).length} providers publish a library that verifies their deliveries. In hookctl's tests every event of each`,
    'is sent through the CLI to a receiver that runs that library, which must accept it; the versions are the ones',
    'the tests ran (package-lock.json). The others are checked against a receiver written from their documentation.',
    '',
    '| provider | library | version | the call |',
    '|---|---|---|---|',
    ...BUILTIN_PROVIDERS.filter((p) => p.verifier).map((p) => `| ${code(p.id)} | ${code(p.verifier.package)} | ${versionOf(p.verifier.package)} | ${code(p.verifier.call)} |`),
    '',
    '## Development secrets',
    '',
    `With no ${code('--secret')}, ${code('HOOKCTL_SECRET')} or configured secret, hookctl signs and verifies with the`,
    "provider's development secret and warns on stderr. Point your receiver at the same value in",
    'development; never use one in production.',
    '',
    '| provider | development secret |',
    '|---|---|',
    ...BUILTIN_PROVIDERS.map((p) => `| ${code(p.id)} | ${code(p.devSecret)} |`),
    '',
    `For ${list(BUILTIN_PROVIDERS.filter((p) => p.devKeyPair?.privateKey === p.devSecret).map((p) => code(p.id)))} the development secret is the private key of a`,
    "development key pair: hookctl signs with it and verifies with the public key named in the provider's",
    'section. Standard Webhooks also has a `v1a` pair. See [key pairs](providers-asymmetric.md#development-key-pairs).',
    '',
    ...BUILTIN_PROVIDERS.flatMap((p) => [section(p), '']),
  ].join('\n');
}

/** GitHub's heading anchor for a provider's section. */
function anchor(p) {
  return `${p.name} (${p.id})`
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const pages = [
    [page, render()],
    [EVENTS_PAGE, eventsPage(BUILTIN_PROVIDERS, listEvents)],
  ];
  if (process.argv.includes('--stdout')) process.stdout.write(pages[0][1]);
  else if (process.argv.includes('--events-stdout')) process.stdout.write(pages[1][1]);
  else if (process.argv.includes('--check')) {
    for (const [file, text] of pages) {
      if (readFileSync(file, 'utf8') === text) continue;
      process.stderr.write(`${file} differs from the registry: run npm run docs:providers\n`);
      process.exitCode = 1;
    }
  } else for (const [file, text] of pages) writeFileSync(file, text);
}
