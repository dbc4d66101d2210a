import type { HandshakeRequest, HandshakeSpec } from '../providers/handshake-spec.js';
import { expectedValue } from './values.js';

/** What listen answers when it is the endpoint: the first acceptable answer, computed from the request. */
export interface HandshakeReply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export function answerHandshake(spec: HandshakeSpec, req: HandshakeRequest, secret: string): HandshakeReply {
  const status = spec.status[0] ?? 200;
  const answer = spec.answers[0];
  if (!answer || 'empty' in answer || 'any' in answer) return { status, headers: {}, body: Buffer.alloc(0) };
  if ('header' in answer) return { status, headers: { [answer.header.name]: String(expectedValue(req, answer.header.value, secret) ?? '') }, body: Buffer.alloc(0) };
  if ('text' in answer) {
    return { status, headers: { 'content-type': `${answer.contentType ?? 'text/plain'}; charset=utf-8` }, body: Buffer.from(String(expectedValue(req, answer.text, secret) ?? ''), 'utf8') };
  }
  const json = Object.fromEntries(Object.entries(answer.json).map(([k, v]) => [k, expectedValue(req, v, secret) ?? '']));
  return { status, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(json), 'utf8') };
}
