import type { HandshakeVerdict } from '../../core/providers/handshake-spec.js';
import { parseBoundedJson } from '../../core/text/bounded-json.js';
import { isUtf8 } from 'node:buffer';
import { STATUS_CODES } from 'node:http';
import type { ChalkInstance } from 'chalk';
import { printable, printableLines } from '../../core/text/printable.js';
import type { HttpResponse } from '../../core/http/client.js';
import { redactUrl } from '../../core/http/target.js';
import { maskSecret } from '../../core/config/secret-display.js';
import { duration } from '../../core/providers/describe.js';
import type { Judgement } from '../../core/delivery/policy.js';
import { type Attempt, CLOSED_AFTER_ANSWER } from '../../core/delivery/run.js';
import { round, type RunSummary } from '../../core/delivery/stats.js';
import type { Delivery } from '../../core/delivery/types.js';
import { statusColour } from '../shared/output.js';

/** The request half of every JSON record; a body that is not UTF-8 is base64 (flagged). */
export function requestJson(d: Delivery, url: string | undefined) {
  const utf8 = isUtf8(d.body);
  const hide = hideTokens(d);
  const headers: Record<string, string> = {};
  for (const [k, v] of d.headers) headers[k] = hide(v);
  return {
    method: d.method,
    url: url === undefined ? null : redactUrl(url),
    headers,
    body: utf8 ? hide(d.body.toString('utf8')) : d.body.toString('base64'),
    bodyEncoding: utf8 ? undefined : 'base64',
    signature: d.signature === undefined ? null : hide(d.signature),
    timestamp: d.timestamp ?? null,
    mode: d.mode,
  };
}

export function responseJson(r: HttpResponse) {
  const utf8 = isUtf8(r.body);
  return {
    status: r.status,
    headers: r.headers,
    body: r.body.toString(utf8 ? 'utf8' : 'base64'),
    bodyEncoding: utf8 ? undefined : 'base64',
    timings: { ttfbMs: round(r.timings.ttfbMs), totalMs: round(r.timings.totalMs) },
  };
}

/** One `--json` object per attempt (undefined fields are left out by JSON.stringify); `url` is the target's href. */
export function attemptJson(a: Attempt, url: string) {
  const retried = a.of > 1 || a.judgement !== undefined;
  return {
    type: 'delivery',
    provider: a.delivery.provider,
    event: a.delivery.event,
    deliveryId: a.delivery.deliveryId ?? null,
    attempt: retried ? a.attempt : undefined,
    attempts: retried ? a.of : undefined,
    verdict: a.judgement?.verdict,
    nextDelayMs: a.judgement?.delayMs,
    copy: a.copy > 1 ? a.copy : undefined,
    request: requestJson(a.delivery, url),
    response: a.response ? responseJson(a.response) : null,
    error: a.error ? { kind: a.error.kind, code: a.error.code ?? null, message: a.error.message } : undefined,
    reconnected: a.reconnected,
  };
}

/** The one readable line per attempt: status, event, target, latency, delivery id, response snippet. */
/** The handshake's verdict under its attempt line: the mistake named, as the provider would judge it. */
export function handshakeLine(v: HandshakeVerdict, provider: string, name: string, c: ChalkInstance): string {
  return `  ${v.ok ? c.green('✔') : c.red('✘')} ${provider} ${name}: ${printable(v.message)}`;
}

export function attemptLine(a: Attempt, url: URL, c: ChalkInstance, expected?: (status: number) => boolean): string {
  const d = a.delivery;
  const r = a.response;
  const status = r ? statusBadge(r.status, c, expected) : c.red(`✗ ${a.error?.kind ?? 'error'}`);
  const prefix = a.of > 1 ? `${c.dim(`attempt ${a.attempt}/${a.of}`)} ` : a.copy > 1 ? `${c.dim(`copy ${a.copy}`)} ` : '';
  const parts = [`${prefix}${status}`, `${d.provider}/${d.event}`, c.dim('→'), `${url.host}${url.pathname}${url.search}`];
  if (r) parts.push(c.dim(`${Math.round(r.timings.totalMs)} ms`));
  if (d.deliveryId) parts.push(c.dim(d.deliveryId));
  if (d.mode !== 'valid') parts.push(c.magenta(`[${d.mode}]`));
  const text = r ? snippet(r.body) : a.error?.message !== undefined ? printable(a.error.message) : undefined;
  if (text) parts.push(text);
  let line = parts.join(' ');
  const j = a.judgement;
  if (j?.verdict === 'retry') {
    const scaled = j.delayMs !== (j.delaySec ?? 0) * 1000 ? ` (scaled: ${j.delayMs} ms)` : '';
    line += c.dim(` — retry in ${duration(j.delaySec ?? 0)}${scaled}`);
  } else if (j && j.verdict !== 'delivered') {
    line += c.dim(` — ${VERDICTS[j.verdict]}`);
  }
  if (a.reconnected) line += `\n  ${c.yellow(`! sent again on a fresh connection: before this delivery, ${CLOSED_AFTER_ANSWER}`)}`;
  return line;
}

const VERDICTS: Record<Exclude<Judgement['verdict'], 'delivered' | 'retry'>, string> = {
  'gave-up': 'retries exhausted: the provider gives up',
  rejected: 'not retried: the provider treats this as a permanent failure',
  disabled: 'the provider stops here and disables the endpoint',
};

/** ✔ for a 2xx, or, with --expect, for whatever it expects (a 401 is the right answer to a bad signature). */
export function statusBadge(status: number, c: ChalkInstance, expected?: (status: number) => boolean): string {
  const text = `${status} ${STATUS_CODES[status] ?? ''}`.trim();
  if (expected) return expected(status) ? c.green(`✔ ${text}`) : c.red(`✘ ${text}`);
  return statusColour(status, c)(`${status >= 200 && status < 300 ? '✔' : '✘'} ${text}`);
}

/** The start of a response body on one line, its control characters escaped. */
export function snippet(body: Buffer, max = 60): string {
  if (body.length === 0) return '';
  if (!isUtf8(body)) return `<${body.length} bytes>`;
  const text = body
    .subarray(0, max * 4)
    .toString('utf8')
    .replace(/\s+/g, ' ')
    .trim();
  return printable(text.length > max ? `${text.slice(0, max - 1)}…` : text);
}

/** `--verbose`: the request and response in full, JSON bodies pretty-printed. */
export function verboseBlock(a: Attempt, url: URL, c: ChalkInstance): string {
  const out = [requestBlock(a.delivery, url, c, true)];
  const r = a.response;
  if (r) {
    out.push(c.bold(`← ${r.status} ${STATUS_CODES[r.status] ?? ''}`.trimEnd()) + c.dim(` (${Math.round(r.timings.ttfbMs)} ms to headers, ${Math.round(r.timings.totalMs)} ms in all)`));
    // The receiver's answer is untrusted: its header values and body are shown with control characters escaped.
    for (const [k, v] of Object.entries(r.headers)) out.push(`  ${c.cyan(printable(k))}: ${printable(Array.isArray(v) ? v.join(', ') : String(v))}`);
    if (r.body.length) out.push('', indent(printableLines(prettyBody(r.body))));
  }
  return `${out.join('\n')}\n`;
}

/** The request as it goes on the wire; `pretty` indents JSON bodies (dry runs print them exact). */
export function requestBlock(d: Delivery, url: URL | string, c: ChalkInstance, pretty: boolean): string {
  const hide = hideTokens(d);
  const lines = [c.bold(`→ ${d.method} ${redactUrl(String(url))}`)];
  for (const [k, v] of d.headers) lines.push(`  ${c.cyan(k)}: ${hide(v)}`);
  lines.push('', indent(hide(pretty ? prettyBody(d.body) : isUtf8(d.body) ? d.body.toString('utf8') : `<${d.body.length} bytes, not UTF-8>`)));
  return lines.join('\n');
}

/** A token that travels as it is (Okta's Authorization value) is a secret: shown masked, sent as it is. */
function hideTokens(d: Delivery): (text: string) => string {
  const tokens = d.tokens?.filter((t) => t.length > 0) ?? [];
  if (tokens.length === 0) return (text) => text;
  return (text) => tokens.reduce((t, token) => t.split(token).join(maskSecret(token)), text);
}

export function prettyBody(body: Buffer): string {
  if (!isUtf8(body)) return `<${body.length} bytes, not UTF-8: ${body.subarray(0, 32).toString('hex')}${body.length > 32 ? '…' : ''}>`;
  const text = body.toString('utf8');
  // Invalid JSON, or JSON too deep to re-indent: the text as it is.
  const json = parseBoundedJson(text);
  return json.ok ? JSON.stringify(json.value, null, 2) : text;
}

export function summaryLines(s: RunSummary, c: ChalkInstance): string {
  const l = s.latency;
  const latency = s.responses === 0 ? 'latency: no responses to time' : `latency p50 ${l.p50} ms · p95 ${l.p95} ms · p99 ${l.p99} ms ${c.dim(`(min ${l.min}, mean ${l.mean}, max ${l.max})`)}`;
  const statuses = Object.entries(s.statuses).map(([k, n]) => {
    return `${statusColour(Number(k), c)(k)} ×${n}`;
  });
  return [`${c.bold(`${s.requests} requests`)} in ${(s.durationMs / 1000).toFixed(2)} s: ${c.bold(`${s.rps} req/s`)}`, latency, `statuses ${statuses.join(' · ')}`].join('\n');
}

const indent = (text: string) =>
  text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
