import { parseBoundedJson } from '../../core/text/bounded-json.js';
import { isUtf8 } from 'node:buffer';
import { isRouteMissing } from '../../core/http/route.js';
import type { ChalkInstance } from 'chalk';
import { headersJson } from '../../core/text/headers-json.js';
import { redactPath } from '../../core/http/target.js';
import { printable, printableLines } from '../../core/text/printable.js';
import type { ReceivedDelivery, Rejection } from '../../core/server/index.js';
import { statusColour } from '../shared/output.js';

/**
 * `{"type":"delivery", ...}`: the stable NDJSON shape (docs/commands/listen.md, "JSON output"), as
 * one line. The headers' JSON is the one the stored record was made with (headersJson).
 */
export function deliveryJson(d: ReceivedDelivery): string {
  const c = d.capture;
  const v = c.verification ?? { ok: false };
  const head = JSON.stringify({ type: 'delivery', id: c.id, receivedAt: c.receivedAt, method: c.method, path: redactPath(c.path) });
  const rest = JSON.stringify({
    provider: c.provider ?? null,
    event: c.event ?? null,
    deliveryId: c.deliveryId ?? null,
    verification: { ok: v.ok, reason: v.reason ?? null, detail: v.detail ?? null, secretIndex: v.secretIndex ?? null },
    bodyBytes: c.body.length,
    bodySha256: c.bodySha256,
    response: { status: c.response?.status },
    ...(c.forward ? { forward: c.forward } : {}),
    ...(c.duplicateOf ? { duplicateOf: c.duplicateOf } : {}),
    ...(d.storeError ? { storeError: d.storeError } : {}),
    ...(d.handshake ? { handshake: d.handshake } : {}),
  });
  return `${head.slice(0, -1)},"headers":${headersJson(c.headers)},${rest.slice(1)}`;
}

export function rejectionObject(r: Rejection, at: number): Record<string, unknown> {
  return {
    type: 'rejected',
    receivedAt: new Date(at).toISOString(),
    status: r.status ?? null,
    reason: r.reason,
    method: r.method ?? null,
    path: r.path ?? null,
    remoteAddress: r.remoteAddress ?? null,
  };
}

/** One line per delivery: time, method, path, provider, event, ✔/✘ and why, size, status answered. */
export function deliveryLine(d: ReceivedDelivery, c: ChalkInstance): string {
  const cap = d.capture;
  const v = cap.verification ?? { ok: false };
  const check = v.ok ? c.green(`✔ verified${v.secretIndex ? ` (secret #${v.secretIndex + 1})` : ''}`) : c.red(`✘ ${printable(v.reason ?? 'unverified')}${v.detail ? `: ${printable(v.detail)}` : ''}`);
  const parts = [
    c.dim(clock(cap.receivedAt)),
    c.bold(printable(cap.method)),
    printable(redactPath(cap.path)),
    c.cyan(printable(cap.provider ?? '?')),
    cap.event !== undefined ? printable(cap.event) : c.dim('-'),
    check,
    c.dim(size(cap.body.length)),
    `→ ${statusColor(cap.response?.status ?? 0, c)}`,
    c.dim(printable(cap.id)),
  ];
  let line = parts.join('  ');
  if (cap.forward) {
    line += cap.forward.error
      ? `  ${c.red(`⇢ app unreachable: ${printable(cap.forward.error)}`)}`
      : `  ${c.dim(`⇢ ${printable(cap.forward.url)}`)} ${statusColor(cap.forward.status ?? 0, c)} ${c.dim(`in ${cap.forward.ms} ms`)}`;
    if (cap.forward.status !== undefined && isRouteMissing(cap.forward.status)) line += `  ${c.yellow(forwardRouteHint(cap.forward.url, cap.path))}`;
  }
  if (cap.duplicateOf) line += `  ${c.yellow(`↺ duplicate of ${printable(cap.duplicateOf)}`)}`;
  if (d.handshake) line += `  ${handshakeNote(d.handshake, c)}`;
  if (d.storeError) line += `  ${c.red(`✘ not stored (${printable(d.storeError)}): answered 503`)}`;
  return line;
}

/** What listen did with a handshake: answered it (or refused a wrong verify token), or judged the app's answer. */
function handshakeNote(h: NonNullable<ReceivedDelivery['handshake']>, c: ChalkInstance): string {
  if (h.answered) return h.refused ? c.yellow(`⇄ refused the ${h.name} handshake: ${printable(h.refused)}`) : c.green(`⇄ answered the ${h.name} handshake`);
  return h.verdict.ok ? c.green(`⇄ your app answered the ${h.name} handshake correctly`) : c.red(`⇄ your app failed the ${h.name} handshake: ${printable(h.verdict.message)}`);
}

/** A 404 from the app: most often --forward-to named a path, which replaces each delivery's own. */
export function forwardRouteHint(forwardedTo: string, receivedPath: string): string {
  const sent = new URL(forwardedTo).pathname;
  const own = receivedPath.split('?')[0] ?? receivedPath;
  return sent === own
    ? `(your app has no route for ${printable(own)})`
    : `(your app has no route for ${printable(sent)}: --forward-to with a path sends every delivery there; give host:port alone to keep each delivery's path, ${printable(own)})`;
}

export function rejectionLine(r: Rejection, at: number, c: ChalkInstance): string {
  const what = printable([r.method, r.path].filter(Boolean).join(' '));
  return [c.dim(clock(new Date(at).toISOString())), c.red('✘ rejected'), what, printable(r.reason), r.status ? `→ ${statusColor(r.status, c)}` : c.dim('(no answer: the client left)')]
    .filter(Boolean)
    .join('  ');
}

/** --verbose: the headers as received and the body (JSON pretty-printed, text as is, binary as hex). */
export function verboseBlock(d: ReceivedDelivery, c: ChalkInstance): string {
  const cap = d.capture;
  const out = cap.headers.map(([k, v]) => `    ${c.dim(`${printable(k)}:`)} ${printable(v)}`);
  out.push(`    ${c.dim(`body: ${size(cap.body.length)}, sha256 ${cap.bodySha256.slice(0, 16)}…`)}`);
  const body = bodyPreview(cap.body, c);
  if (body)
    out.push(
      body
        .split('\n')
        .map((l) => `    ${l}`)
        .join('\n'),
    );
  return out.join('\n');
}

const PRETTY_LIMIT = 64 * 1024;
const TEXT_LIMIT = 8 * 1024;
const HEX_LIMIT = 256;

function bodyPreview(body: Buffer, c: ChalkInstance): string {
  if (body.length === 0) return '';
  // eslint-disable-next-line no-control-regex
  const binary = !isUtf8(body) || /[\u0000-\u0008\u000e-\u001f]/.test(body.toString('utf8', 0, Math.min(body.length, TEXT_LIMIT)));
  if (binary) return hexPreview(body);
  // Only what is shown is decoded: an 80 MiB body must not become an 80 MiB string to print 8 KiB of it.
  const text = body.toString('utf8', 0, Math.min(body.length, Math.max(PRETTY_LIMIT, TEXT_LIMIT + 4)));
  if (body.length <= PRETTY_LIMIT && /^\s*[[{]/.test(text)) {
    // Invalid JSON, or JSON too deep to re-indent: shown as the text it is.
    const json = parseBoundedJson(text);
    // JSON.stringify escapes C0 controls in strings, but not DEL, C1 or bidi overrides.
    if (json.ok) return highlightJson(printableLines(JSON.stringify(json.value, null, 2)), c);
  }
  // Text keeps its own lines (each shown indented); every other control character is escaped.
  return text.length > TEXT_LIMIT ? `${printableLines(text.slice(0, TEXT_LIMIT))}\n${c.dim(`… ${size(body.length - TEXT_LIMIT)} more`)}` : printableLines(text);
}

function highlightJson(pretty: string, c: ChalkInstance): string {
  return pretty.replace(/("(?:[^"\\]|\\.)*")(\s*:)?|\b(true|false|null)\b|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g, (m, str: string | undefined, colon: string | undefined, lit: string | undefined) => {
    if (str) return colon ? `${c.cyan(str)}${colon}` : c.green(str);
    if (lit) return c.magenta(m);
    return c.yellow(m);
  });
}

function hexPreview(body: Buffer): string {
  const lines: string[] = [];
  const shown = body.subarray(0, HEX_LIMIT);
  for (let off = 0; off < shown.length; off += 16) {
    const row = shown.subarray(off, off + 16);
    const hex = [...row].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = [...row].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    lines.push(`${off.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  |${ascii}|`);
  }
  if (body.length > HEX_LIMIT) lines.push(`… ${size(body.length - HEX_LIMIT)} more (binary)`);
  return lines.join('\n');
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function clock(iso: string): string {
  const d = new Date(iso);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
}

function statusColor(status: number, c: ChalkInstance): string {
  return statusColour(status || undefined, c)(String(status || '-'));
}
