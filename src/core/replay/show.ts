import { isUtf8 } from 'node:buffer';
import type { ChalkInstance } from 'chalk';
import type { Capture } from '../store/index.js';

/** One line of `captures list --json`. */
export function captureSummary(c: Capture): Record<string, unknown> {
  return {
    id: c.id, receivedAt: c.receivedAt, method: c.method, path: c.path,
    provider: c.provider ?? null, event: c.event ?? null, deliveryId: c.deliveryId ?? null,
    verification: c.verification ?? null, status: c.response?.status ?? null,
    duplicateOf: c.duplicateOf ?? null, bodyBytes: c.body.length, bodySha256: c.bodySha256,
  };
}

/** `captures show --json`: everything, the body as UTF-8 text or base64. */
export function captureJson(c: Capture): Record<string, unknown> {
  const text = isUtf8(c.body);
  const { body: _body, ...rest } = c;
  return { ...rest, bodyBytes: c.body.length, bodyEncoding: text ? 'utf8' : 'base64', body: c.body.toString(text ? 'utf8' : 'base64') };
}

export function verificationCell(c: Capture, color: ChalkInstance): string {
  const v = c.verification;
  const dup = c.duplicateOf ? color.dim(' dup') : '';
  if (!v) return `-${dup}`;
  return (v.ok ? color.green('✔') : color.red(`✘ ${v.reason ?? 'invalid'}`)) + dup;
}

/** The request exactly as received: request line, header pairs in order, blank line, body bytes. */
export function rawRequest(c: Capture): Buffer {
  const head = [`${c.method} ${c.path} HTTP/1.1`, ...c.headers.map(([k, v]) => `${k}: ${v}`)].join('\r\n');
  return Buffer.concat([Buffer.from(`${head}\r\n\r\n`, 'latin1'), c.body]);
}

/** `captures show`: what happened to it, then the request itself. */
export function renderCapture(c: Capture, color: ChalkInstance): string {
  const rows: string[] = [];
  const row = (k: string, v: string | undefined) => { if (v) rows.push(`${color.dim(k.padEnd(10))} ${v}`); };
  row('id', c.id);
  row('received', `${c.receivedAt}${c.remoteAddress ? ` from ${c.remoteAddress}` : ''}`);
  row('provider', c.provider ? `${c.provider}${c.event ? ` ${c.event}` : ''}${c.deliveryId ? `, delivery ${c.deliveryId}` : ''}` : 'unknown');
  const v = c.verification;
  row('signature', v ? (v.ok ? `${color.green('✔ valid')}${v.secretIndex !== undefined ? ` (secret #${v.secretIndex + 1})` : ''}` : `${color.red(`✘ ${v.reason ?? 'invalid'}`)}${v.detail ? `: ${v.detail}` : ''}`) : 'not verified');
  row('answered', c.response ? String(c.response.status) : undefined);
  if (c.forward) row('forwarded', `${c.forward.url} → ${c.forward.error ?? c.forward.status ?? '?'}${c.forward.ms !== undefined ? ` in ${Math.round(c.forward.ms)} ms` : ''}`);
  row('duplicate', c.duplicateOf ? `of ${c.duplicateOf}` : undefined);
  row('body', `${c.body.length} bytes, sha256 ${c.bodySha256}`);
  const head = [`${color.bold(c.method)} ${c.path}`, ...c.headers.map(([k, val]) => `${color.cyan(k)}: ${val}`)].join('\n');
  return `${rows.join('\n')}\n\n${head}\n\n${bodyText(c.body, color)}`;
}

function bodyText(body: Buffer, color: ChalkInstance): string {
  if (body.length === 0) return color.dim('(empty body)');
  if (!isUtf8(body)) {
    const hex = body.subarray(0, 64).toString('hex').replace(/(..)/g, '$1 ').trim();
    return color.dim(`(${body.length} bytes of binary; --raw or --json has them all)\n${hex}${body.length > 64 ? ' …' : ''}`);
  }
  return body.toString('utf8');
}
