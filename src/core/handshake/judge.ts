import { createHmac } from 'node:crypto';
import type { HandshakeAnswer, HandshakeMistake, HandshakeRequest, HandshakeResponse, HandshakeSpec, HandshakeValue, HandshakeVerdict } from '../providers/handshake-spec.js';
import { expectedValue, parseJson } from './values.js';

type Miss = { mistake: HandshakeMistake; message: string };

/**
 * Judges a receiver's answer to a handshake as the provider does: the status, then what the body
 * or a header must carry, then the deadline. The message names the mistake ("echoed the JSON
 * object, Twitch expects the raw challenge as text/plain"), never the secret.
 */
export function judgeHandshake(spec: HandshakeSpec, provider: string, req: HandshakeRequest, res: HandshakeResponse, secret: string): HandshakeVerdict {
  const fail = (m: Miss): HandshakeVerdict => ({ ok: false, ...m });
  if (!spec.status.includes(res.status)) return fail({ mistake: 'status', message: `answered ${res.status}, ${provider} needs ${spec.status.join(' or ')}` });
  const misses = spec.answers.map((a) => checkAnswer(a, provider, req, res, secret));
  const miss = misses.every((m) => m !== undefined) ? misses[0] : undefined;
  if (miss) return fail(miss);
  if (res.elapsedMs > spec.deadlineMs) return fail({ mistake: 'late', message: `answered in ${seconds(res.elapsedMs)}, ${provider} waits ${seconds(spec.deadlineMs)}` });
  return { ok: true, message: `answered correctly in ${Math.round(res.elapsedMs)} ms (${provider} waits ${seconds(spec.deadlineMs)})` };
}

function checkAnswer(answer: HandshakeAnswer, provider: string, req: HandshakeRequest, res: HandshakeResponse, secret: string): Miss | undefined {
  const text = res.body.toString('utf8');
  if ('any' in answer) return undefined;
  if ('empty' in answer) return res.body.length === 0 ? undefined : { mistake: 'not-empty', message: `answered with a body (${quote(text)}), ${provider} expects an empty ${res.status}` };
  if ('header' in answer) {
    const want = String(expectedValue(req, answer.header.value, secret) ?? '');
    const got = headerOf(res, answer.header.name);
    if (got === undefined) return { mistake: 'missing-header', message: `no ${answer.header.name} header in the answer: ${provider} needs the value it sent echoed back` };
    return got === want ? undefined : { mistake: 'wrong-value', message: `${answer.header.name} is ${quote(got)}, not the ${quote(want)} ${provider} sent` };
  }
  if ('text' in answer) return checkText(answer, provider, req, res, secret, text);
  return checkJson(answer.json, provider, req, res, secret, text);
}

function checkText(answer: { text: HandshakeValue; contentType?: string }, provider: string, req: HandshakeRequest, res: HandshakeResponse, secret: string, text: string): Miss | undefined {
  const want = String(expectedValue(req, answer.text, secret) ?? '');
  if (text !== want) {
    const json = parseJson(res.body);
    if (json && typeof json === 'object' && JSON.stringify(json).includes(JSON.stringify(want))) {
      return { mistake: 'json-not-text', message: `echoed the JSON object, ${provider} expects the raw challenge${answer.contentType ? ` as ${answer.contentType}` : ''}` };
    }
    return { mistake: 'wrong-value', message: `answered ${quote(text)}, not the challenge ${quote(want)}` };
  }
  const type = String(headerOf(res, 'content-type') ?? '');
  if (answer.contentType && !type.toLowerCase().startsWith(answer.contentType)) {
    return { mistake: 'content-type', message: `the challenge came back as ${type || 'no Content-Type'}, ${provider} expects ${answer.contentType}` };
  }
  return undefined;
}

function checkJson(fields: Record<string, HandshakeValue>, provider: string, req: HandshakeRequest, res: HandshakeResponse, secret: string, text: string): Miss | undefined {
  const json = parseJson(res.body);
  const wants = Object.entries(fields).map(([path, value]) => ({ path, value, want: expectedValue(req, value, secret) }));
  if (!json || typeof json !== 'object') {
    const bare = wants.find((w) => w.want !== undefined && String(w.want) === text);
    if (bare) return { mistake: 'text-not-json', message: `answered the value as text, ${provider} expects JSON ${JSON.stringify({ [bare.path]: '…' })}` };
    return { mistake: 'wrong-value', message: `answered ${quote(text)}, ${provider} expects JSON with ${wants.map((w) => w.path).join(' and ')}` };
  }
  for (const { path, value, want } of wants) {
    const got = path.split('.').reduce<unknown>((n, k) => (n && typeof n === 'object' ? (n as Record<string, unknown>)[k] : undefined), json);
    if (got === want) continue;
    if (got === undefined) return { mistake: 'wrong-value', message: `the answer has no ${path}, ${provider} needs it` };
    if ('hmacSha256Hex' in value) return hmacMiss(path, value.hmacSha256Hex.path, String(got), provider, req, secret);
    const needs = 'literal' in value ? `${provider} needs ${JSON.stringify(want)}` : `not the ${quote(String(want ?? ''))} ${provider} sent`;
    return { mistake: 'wrong-value', message: `${path} is ${JSON.stringify(got)}, ${needs}` };
  }
  return undefined;
}

/** An HMAC that does not match: said precisely when it is the HMAC of the wrong string. */
function hmacMiss(path: string, input: string, got: string, provider: string, req: HandshakeRequest, secret: string): Miss {
  const of = (s: string | Buffer) => createHmac('sha256', secret).update(s).digest('hex');
  if (got === of(req.body)) return { mistake: 'wrong-hmac-input', message: `${path} is the HMAC of the whole body, not of ${input}` };
  return { mistake: 'wrong-hmac-input', message: `${path} is not the hex HMAC-SHA256 of ${input} keyed with ${provider}'s secret (the wrong string, key or encoding)` };
}

function headerOf(res: HandshakeResponse, name: string): string | undefined {
  const v = Object.entries(res.headers).find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
  return Array.isArray(v) ? v[0] : v;
}

function quote(s: string): string {
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s);
}

function seconds(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
