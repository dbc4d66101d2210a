import type { ChalkInstance } from 'chalk';
import { describeProvider, toleranceText } from '../../core/providers/describe.js';
import { maskSecret } from '../../core/config/secret-display.js';
import type { FailureReason } from '../../core/signing/index.js';
import { checkPassed, type CheckedHandshake, type CheckOutcome } from '../../core/check/check-request.js';
import type { LoadedRequest } from '../../core/captures/source.js';
import { printable } from '../../core/text/printable.js';
import { ageText } from '../../core/text/age.js';

/** The reason codes in plain words (the code itself is the stable part). */
const REASON_TEXT: Record<FailureReason, string> = {
  'missing-signature': 'the request carries no signature header',
  'malformed-signature': "the signature header is not in the scheme's format",
  'missing-timestamp': 'the signed timestamp is missing',
  'malformed-timestamp': 'the timestamp is not a Unix time',
  'timestamp-too-old': 'the timestamp is older than the tolerance allows',
  'timestamp-too-new': 'the timestamp is further in the future than the tolerance allows',
  'missing-id': 'the message id the scheme signs is missing',
  'missing-url': 'the scheme signs the request URL, and none is known',
  'body-hash-mismatch': 'the signature matches, but the body is not the one its hash names',
  'no-match': 'the signature does not match this body with the secret',
  'bad-secret': 'the secret cannot be used with this scheme',
};

/** The instant a timestamp was judged at, and why that one: a capture's receive time, --at, or the clock. */
export interface JudgedAt {
  at: number;
  by: 'received' | 'at' | 'clock';
}

const JUDGED_TEXT = { received: 'as of its receive time (--now judges against the clock)', at: 'as of --at', clock: 'against the clock' } as const;

/** Human lines for one verification: ✔ with scheme, secret and age, or ✘ with the reason and the diagnosis. */
export function renderCheck(req: LoadedRequest, o: CheckOutcome, c: ChalkInstance, showLabel: boolean, judged?: JudgedAt): string {
  const d = describeProvider(o.profile);
  const label = showLabel || req.capture ? `${c.dim(printable(req.label))}  ` : '';
  const lines: string[] = [];
  const row = (key: string, value: string) => lines.push(`  ${c.dim(key.padEnd(10))} ${value}`);
  const r = o.result;
  const hs = o.handshake;
  if (hs?.unsignedByDesign) {
    lines.push(`${c.green('✔ handshake')}  ${label}${o.profile.id}  ${hs.event}: sent unsigned by design, ${o.profile.name} signs the events that follow`);
  } else if (r.ok) {
    lines.push(`${c.green('✔ valid')}  ${label}${o.profile.id}  ${d.signatureHeader} over ${d.signedContent}`);
    const secret = o.secrets[r.secretIndex] ?? '';
    row('secret', `#${r.secretIndex + 1}${o.secrets.length > 1 ? ` of ${o.secrets.length}` : ''} ${maskSecret(secret)}, from ${o.secretFrom}`);
    if (r.timestamp !== undefined && r.ageSec !== undefined)
      row(
        'timestamp',
        `${Number.isInteger(r.timestamp) ? r.timestamp : `${Math.round(r.timestamp * 1000)} ms`}, ${r.ageSec === 0 ? 'just now' : ageText(r.ageSec, 'ago')} (tolerance ${toleranceText(o.tolerance)})`,
      );
    // Valid here, but a Node receiver reading req.headers sees the copies joined and may not be.
    o.diagnosis.forEach((f, i) => {
      row(i === 0 ? 'warning' : '', `${c.yellow(f.message)} ${c.dim(`[${f.code}]`)}`);
      if (f.hint) row('', c.dim(`hint: ${f.hint}`));
    });
  } else {
    lines.push(`${c.red('✘ invalid')}  ${label}${o.profile.id}  ${c.bold(r.reason)}: ${REASON_TEXT[r.reason]}`);
    row('detail', printable(r.detail));
    if (o.diagnosis.length === 0) {
      row(
        'why',
        r.reason === 'no-match' ? `no known cause reproduces the signature: most likely the sender used another secret (tried ${o.secrets.length} from ${o.secretFrom})` : 'no known cause matched',
      );
    }
    o.diagnosis.forEach((f, i) => {
      row(i === 0 ? 'why' : '', `${f.message} ${c.dim(`[${f.code}]`)}`);
      if (f.hint) row('', c.dim(`hint: ${f.hint}`));
    });
  }
  for (const [k, v] of hs ? handshakeRows(hs, c) : []) row(k, v);
  if (judged && o.tolerance && judged.by !== 'clock') row('judged', `${new Date(judged.at).toISOString()}, ${JUDGED_TEXT[judged.by]}`);
  if (req.capture) row('request', `${printable(req.method)} ${printable(req.path)}, ${req.body.length} bytes, received ${req.capture.receivedAt}`);
  return lines.join('\n');
}

/**
 * The handshake and, on a capture, the answer it got: the provider's verdict and what the provider read.
 * An echoed header is masked: Asana's X-Hook-Secret is the key every later event is signed with.
 */
function handshakeRows(hs: CheckedHandshake, c: ChalkInstance): [string, string][] {
  const rec = hs.recorded;
  if (!rec) return [['handshake', `${hs.name} (no answer recorded)`]];
  const who = rec.by === 'listen' ? 'hookctl listen' : 'your app';
  const verdict = rec.ok ? c.green(`✔ ${printable(rec.message)}`) : c.red(`✘ ${printable(rec.message)}`);
  const a = rec.answer;
  const body = a.body.length === 0 ? 'no body' : `"${printable(a.body.length > 120 ? `${a.body.slice(0, 120)}…` : a.body)}"${a.truncated ? ' (first KiB kept)' : ''}`;
  const parts = [String(a.status), a.contentType ? printable(a.contentType) : undefined, a.header ? `${printable(a.header[0])}: ${maskSecret(a.header[1])}` : undefined, body];
  return [
    ['handshake', `${hs.name}, answered by ${who}: ${verdict}`],
    ['answer', parts.filter((p) => p !== undefined).join(', ')],
  ];
}

export function checkJson(req: LoadedRequest, o: CheckOutcome, judged?: JudgedAt): Record<string, unknown> {
  const r = o.result;
  const secretIndex = r.secretIndex;
  return {
    id: req.capture?.id ?? null,
    source: req.capture ? 'capture' : req.label,
    ok: checkPassed(o),
    provider: o.profile.id,
    providerFrom: o.how,
    ...(r.ok ? { header: r.header } : o.handshake?.unsignedByDesign ? {} : { reason: r.reason, explanation: REASON_TEXT[r.reason], detail: r.detail }),
    secretSource: o.secretSource,
    secretIndex: secretIndex ?? null,
    secret: secretIndex === undefined ? null : maskSecret(o.secrets[secretIndex] ?? ''),
    timestamp: r.timestamp ?? null,
    ageSec: r.ageSec ?? null,
    ...(judged ? { judgedAt: new Date(judged.at).toISOString(), judgedBy: judged.by } : {}),
    diagnosis: o.diagnosis.map((f) => ({ code: f.code, message: f.message, ...(f.hint ? { hint: f.hint } : {}) })),
    ...(o.handshake ? { handshake: handshakeJson(o.handshake) } : {}),
  };
}

/** The handshake for --json, the echoed header masked as on the terminal. */
function handshakeJson(hs: CheckedHandshake): CheckedHandshake {
  const header = hs.recorded?.answer.header;
  if (!hs.recorded || !header) return hs;
  return { ...hs, recorded: { ...hs.recorded, answer: { ...hs.recorded.answer, header: [header[0], maskSecret(header[1])] } } };
}
