import { safeEqual } from '../signing/index.js';
import { answerHandshake } from '../handshake/answer.js';
import { judgeHandshake } from '../handshake/judge.js';
import { handshakeEvent } from '../handshake/lookup.js';
import type { HandshakeRequest, HandshakeSpec, HandshakeVerdict } from '../providers/handshake-spec.js';
import { arrivedRequest, readSource } from '../handshake/values.js';
import type { ProviderProfile } from '../providers/types.js';
import type { Capture } from '../store/types.js';
import type { ArrivedRequest, Reply } from './types.js';

/** What listen did with a handshake: answered it itself, or judged the app's answer (--forward-to). */
export type HandshakeOutcome = { name: string; answered: true; refused?: string } | { name: string; answered: false; verdict: HandshakeVerdict };

/** The handshake a request is, with the secret its answer is computed with. */
export interface ArrivedHandshake {
  spec: HandshakeSpec;
  request: HandshakeRequest;
  secret: string;
  /** The provider sends this check without a signature (its event's `request.unsigned`). */
  unsigned: boolean;
}

export function arrivedHandshake(capture: Capture, provider: ProviderProfile | undefined, req: ArrivedRequest, secretsFor: (p: ProviderProfile) => string[]): ArrivedHandshake | undefined {
  const event = handshakeEvent(provider, capture.event);
  const spec = event?.handshake;
  if (!spec || !provider) return undefined;
  return { spec, request: arrivedRequest(req.path, req.headers, req.body), secret: secretsFor(provider)[0] ?? '', unsigned: event.request?.unsigned === true };
}

/**
 * listen as the endpoint: the provider's correct answer. A request whose verify token is not the
 * secret (Meta's `hub.verify_token`) is refused with the status the provider expects for it.
 */
export function answerArrived(h: ArrivedHandshake): { reply: Reply; outcome: HandshakeOutcome } {
  const refuse = h.spec.refuse;
  if (refuse && !safeEqual(readSource(h.request, refuse.spoil) ?? '', h.secret)) {
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
