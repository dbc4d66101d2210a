import { isUtf8 } from 'node:buffer';
import type { ChalkInstance } from 'chalk';
import { printable, printableLines } from '../../core/text/printable.js';
import type { Capture } from '../../core/store/index.js';

/** One line of `captures list --json`. */
export function captureSummary(c: Capture): Record<string, unknown> {
  return {
    id: c.id,
    receivedAt: c.receivedAt,
    method: c.method,
    path: c.path,
    provider: c.provider ?? null,
    event: c.event ?? null,
    deliveryId: c.deliveryId ?? null,
    verification: c.verification ?? null,
    status: c.response?.status ?? null,
    duplicateOf: c.duplicateOf ?? null,
    ...(c.handshake ? { handshake: { name: c.handshake.name, by: c.handshake.by, ok: c.handshake.ok } } : {}),
    bodyBytes: c.body.length,
    bodySha256: c.bodySha256,
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
  const h = c.handshake;
  // A check the provider sends unsigned is not a failed signature: the cell says what it is.
  if (h?.unsigned && !v.ok && v.reason === 'missing-signature') return (h.ok ? color.green('⇄ handshake') : color.red('⇄ handshake ✘')) + dup;
  return (v.ok ? color.green('✔') : color.red(`✘ ${printable(v.reason ?? 'invalid')}`)) + dup;
}

/** The request exactly as received: request line, header pairs in order, blank line, body bytes. */
export function rawRequest(c: Capture): Buffer {
  const head = [`${c.method} ${c.path} HTTP/1.1`, ...c.headers.map(([k, v]) => `${k}: ${v}`)].join('\r\n');
  return Buffer.concat([Buffer.from(`${head}\r\n\r\n`, 'latin1'), c.body]);
}

/** `captures show`: what happened to it, then the request itself (every string from it with control characters escaped). */
export function renderCapture(c: Capture, color: ChalkInstance): string {
  const p = printable;
  const rows: string[] = [];
  const row = (k: string, v: string | undefined) => {
    if (v) rows.push(`${color.dim(k.padEnd(10))} ${v}`);
  };
  row('id', p(c.id));
  row('received', `${p(c.receivedAt)}${c.remoteAddress ? ` from ${p(c.remoteAddress)}` : ''}`);
  row('provider', c.provider ? `${p(c.provider)}${c.event ? ` ${p(c.event)}` : ''}${c.deliveryId ? `, delivery ${p(c.deliveryId)}` : ''}` : 'unknown');
  const v = c.verification;
  // Judged when it arrived, as `verify` judges a capture by default: the verdict does not age.
  row(
    'signature',
    v
      ? `${v.ok ? `${color.green('✔ valid')}${v.secretIndex !== undefined ? ` (secret #${v.secretIndex + 1})` : ''}` : `${color.red(`✘ ${p(v.reason ?? 'invalid')}`)}${v.detail ? `: ${p(v.detail)}` : ''}`}${color.dim(', as received')}`
      : 'not verified',
  );
  row('answered', c.response ? String(c.response.status) : undefined);
  const h = c.handshake;
  if (h)
    row(
      'handshake',
      `${p(h.name)}${h.unsigned ? ' (sent unsigned)' : ''}, answered by ${h.by === 'listen' ? 'hookctl listen' : 'your app'}: ${h.ok ? color.green(`✔ ${p(h.message)}`) : color.red(`✘ ${p(h.message)}`)}`,
    );
  if (c.forward) row('forwarded', `${p(c.forward.url)} → ${p(String(c.forward.error ?? c.forward.status ?? '?'))}${c.forward.ms !== undefined ? ` in ${Math.round(c.forward.ms)} ms` : ''}`);
  row('duplicate', c.duplicateOf ? `of ${p(c.duplicateOf)}` : undefined);
  row('body', `${c.body.length} bytes, sha256 ${p(c.bodySha256)}`);
  const head = [`${color.bold(p(c.method))} ${p(c.path)}`, ...c.headers.map(([k, val]) => `${color.cyan(p(k))}: ${p(val)}`)].join('\n');
  return `${rows.join('\n')}\n\n${head}\n\n${bodyText(c.body, color)}`;
}

function bodyText(body: Buffer, color: ChalkInstance): string {
  if (body.length === 0) return color.dim('(empty body)');
  if (!isUtf8(body)) {
    const hex = body.subarray(0, 64).toString('hex').replace(/(..)/g, '$1 ').trim();
    return color.dim(`(${body.length} bytes of binary; --raw or --json has them all)\n${hex}${body.length > 64 ? ' …' : ''}`);
  }
  // The body keeps its own lines; every other control character is escaped.
  return printableLines(body.toString('utf8'));
}
