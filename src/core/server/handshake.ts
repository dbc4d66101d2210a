import { safeEqual } from '../signing/index.js';
import { answerHandshake } from '../handshake/answer.js';
import { judgeHandshake } from '../handshake/judge.js';
import { handshakeEvent } from '../handshake/lookup.js';
import type { HandshakeRequest, HandshakeSpec, HandshakeVerdict } from '../providers/handshake-spec.js';
import { arrivedRequest, readSource } from '../handshake/values.js';
import type { ProviderProfile } from '../providers/types.js';
import type { Capture, CapturedHandshake, CapturedVerification } from '../store/types.js';
import type { ArrivedRequest, Reply } from './types.js';
import type { ArrivalOptions } from './arrival.js';

/** What listen did with a handshake: answered it itself, or judged the app's answer (--forward-to). */
export type HandshakeOutcome = { name: string; answered: true; refused?: string } | { name: string; answered: false; verdict: HandshakeVerdict };

/** The handshake a request is, with the secret its answer is computed with. */
export interface ArrivedHandshake {
  spec: HandshakeSpec;
  request: HandshakeRequest;
  secret: string;
  /** The verify token the check must carry, where it is not the secret (Meta's `verifyTokens.meta`). */
  token?: string;
  /** The provider sends this check without a signature (its event's `request.unsigned`). */
  unsigned: boolean;
}

export function arrivedHandshake(
  capture: Capture,
  provider: ProviderProfile | undefined,
  req: ArrivedRequest,
  keys: Pick<ArrivalOptions, 'secretsFor' | 'verifyTokenFor'>,
): ArrivedHandshake | undefined {
  const event = handshakeEvent(provider, capture.event);
  const spec = event?.handshake;
  if (!spec || !provider) return undefined;
  return {
    spec,
    request: arrivedRequest(req.path, req.headers, req.body),
    secret: keys.secretsFor(provider)[0] ?? '',
    token: keys.verifyTokenFor?.(provider),
    unsigned: event.request?.unsigned === true,
  };
}

/**
 * listen as the endpoint: the provider's correct answer. A request whose verify token is not the
 * secret (Meta's `hub.verify_token`) is refused with the status the provider expects for it, and so
 * is a signed check whose signature fails: Discord sends such PINGs on purpose while registering the
 * URL and refuses an endpoint that answers them.
 */
export function answerArrived(h: ArrivedHandshake, verification: CapturedVerification | undefined): { reply: Reply; outcome: HandshakeOutcome } {
  if (!h.unsigned && verification && !verification.ok) {
    const why = `its signature does not verify (${verification.reason ?? 'invalid'})`;
    const reply: Reply = { status: 401, headers: [['content-type', 'text/plain; charset=utf-8']], body: `hookctl listen refused the ${h.spec.name} check: ${why}\n` };
    return { reply, outcome: { name: h.spec.name, answered: true, refused: why } };
  }
  const refuse = h.spec.refuse;
  if (refuse && !safeEqual(readSource(h.request, refuse.spoil) ?? '', h.token ?? h.secret)) {
    const reply: Reply = { status: refuse.status[0] ?? 403, headers: [['content-type', 'text/plain; charset=utf-8']], body: `${refuse.why}\n` };
    return { reply, outcome: { name: h.spec.name, answered: true, refused: refuse.why } };
  }
  const a = answerHandshake(h.spec, h.request, h.secret);
  return { reply: { status: a.status, headers: Object.entries(a.headers), body: a.body }, outcome: { name: h.spec.name, answered: true } };
}

/** --forward-to: the app answered; judged the way the provider would. */
export function judgeRelayed(h: ArrivedHandshake, providerName: string, reply: { status: number; headers: [string, string][]; body: Buffer }, ms: number): HandshakeOutcome {
  const headers = Object.fromEntries(reply.headers.map(([n, v]) => [n.toLowerCase(), v]));
  return { name: h.spec.name, answered: false, verdict: judgeHandshake(h.spec, providerName, h.request, { status: reply.status, headers, body: reply.body, elapsedMs: ms }, h.secret) };
}

/** Body bytes of an answer kept with the capture: a handshake's answer is a token or a small object. */
const ANSWER_KEPT = 1024;

/** The handshake as the capture records it: who answered, the answer the provider reads, the verdict. */
export function handshakeRecord(h: ArrivedHandshake, outcome: HandshakeOutcome, reply: Reply): CapturedHandshake {
  const headers = reply.headers ?? [];
  const find = (name: string) => headers.find(([n]) => n.toLowerCase() === name.toLowerCase());
  const body = reply.body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(reply.body) ? reply.body : Buffer.from(reply.body, 'utf8');
  const echoed = h.spec.answers.find((a) => 'header' in a);
  const header = echoed && 'header' in echoed ? find(echoed.header.name) : undefined;
  const contentType = find('content-type')?.[1];
  const answer = {
    status: reply.status,
    ...(contentType ? { contentType } : {}),
    ...(header ? { header: [header[0], header[1]] as [string, string] } : {}),
    body: body.subarray(0, ANSWER_KEPT).toString('utf8'),
    ...(body.length > ANSWER_KEPT ? { truncated: true } : {}),
  };
  const unsigned = h.unsigned ? { unsigned: true } : {};
  if (outcome.answered) return { name: outcome.name, by: 'listen', ok: true, message: outcome.refused ? `refused: ${outcome.refused}` : 'answered as the provider expects', ...unsigned, answer };
  const v = outcome.verdict;
  return { name: outcome.name, by: 'app', ok: v.ok, message: v.message, ...(v.ok ? {} : { mistake: v.mistake }), ...unsigned, answer };
}
