import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { answerHandshake } from '../../src/core/handshake/answer.js';
import { judgeHandshake } from '../../src/core/handshake/judge.js';
import type { HandshakeRequest, HandshakeSpec } from '../../src/core/providers/handshake-spec.js';

const secret = 'zoom-secret-token';
const hmac = (s: string) => createHmac('sha256', secret).update(s).digest('hex');
const json = (v: unknown) => Buffer.from(JSON.stringify(v));
const res = (status: number, body: string | Buffer, headers: Record<string, string> = {}, elapsedMs = 5) => ({ status, headers, body: Buffer.from(body), elapsedMs });

// Shapes of the providers' checks (the providers' own specs live in their catalogues and profiles).
const ZOOM: HandshakeSpec = {
  name: 'endpoint.url_validation',
  status: [200],
  answers: [{ json: { plainToken: { from: 'body', path: 'payload.plainToken' }, encryptedToken: { hmacSha256Hex: { from: 'body', path: 'payload.plainToken' } } } }],
  deadlineMs: 3000,
};
const TEXT: HandshakeSpec = { name: 'challenge', status: [200], answers: [{ text: { from: 'body', path: 'challenge' }, contentType: 'text/plain' }], deadlineMs: 10_000 };
const ECHO: HandshakeSpec = { name: 'X-Hook-Secret', status: [200, 204], answers: [{ header: { name: 'X-Hook-Secret', value: { from: 'header', path: 'X-Hook-Secret' } } }], deadlineMs: 10_000 };

const zoomReq: HandshakeRequest = { query: new URLSearchParams(), headers: [], body: json({ payload: { plainToken: 'qgg8vlvZRS6UYooatFL8Aw' }, event: 'endpoint.url_validation' }) };
const textReq: HandshakeRequest = { query: new URLSearchParams(), headers: [], body: json({ challenge: 'pogchamp-kappa-360noscope' }) };
const asanaReq: HandshakeRequest = { query: new URLSearchParams(), headers: [['X-Hook-Secret', 'b537207f20cbfa02357cf448134da559']], body: Buffer.alloc(0) };

describe('judging a handshake answer as the provider does', () => {
  it('passes the right answer, and listen computes exactly that answer', () => {
    const right = json({ plainToken: 'qgg8vlvZRS6UYooatFL8Aw', encryptedToken: hmac('qgg8vlvZRS6UYooatFL8Aw') });
    expect(judgeHandshake(ZOOM, 'Zoom', zoomReq, res(200, right), secret)).toMatchObject({ ok: true });
    const mine = answerHandshake(ZOOM, zoomReq, secret);
    expect(JSON.parse(mine.body.toString())).toEqual(JSON.parse(right.toString()));
    expect(judgeHandshake(ZOOM, 'Zoom', zoomReq, { ...mine, elapsedMs: 1 }, secret)).toMatchObject({ ok: true });
  });

  it('names an HMAC of the whole body, or of anything else, as the wrong HMAC input', () => {
    const whole = json({ plainToken: 'qgg8vlvZRS6UYooatFL8Aw', encryptedToken: hmac(zoomReq.body.toString()) });
    expect(judgeHandshake(ZOOM, 'Zoom', zoomReq, res(200, whole), secret)).toEqual({
      ok: false,
      mistake: 'wrong-hmac-input',
      message: 'encryptedToken is the HMAC of the whole body, not of payload.plainToken',
    });
    const other = json({ plainToken: 'qgg8vlvZRS6UYooatFL8Aw', encryptedToken: hmac('qgg8vlvZRS6UYooatFL8Aw').toUpperCase() });
    expect(judgeHandshake(ZOOM, 'Zoom', zoomReq, res(200, other), secret)).toMatchObject({ mistake: 'wrong-hmac-input' });
  });

  it('says an answer came too late, with both times', () => {
    const right = json({ plainToken: 'qgg8vlvZRS6UYooatFL8Aw', encryptedToken: hmac('qgg8vlvZRS6UYooatFL8Aw') });
    expect(judgeHandshake(ZOOM, 'Zoom', zoomReq, res(200, right, {}, 4200), secret)).toEqual({ ok: false, mistake: 'late', message: 'answered in 4.2 s, Zoom waits 3 s' });
  });

  it('tells a JSON echo from the raw challenge, and checks the content type', () => {
    const echoed = judgeHandshake(TEXT, 'Twitch', textReq, res(200, JSON.stringify({ challenge: 'pogchamp-kappa-360noscope' }), { 'content-type': 'application/json' }), secret);
    expect(echoed).toEqual({ ok: false, mistake: 'json-not-text', message: 'echoed the JSON object, Twitch expects the raw challenge as text/plain' });
    const typed = judgeHandshake(TEXT, 'Twitch', textReq, res(200, 'pogchamp-kappa-360noscope', { 'content-type': 'text/html' }), secret);
    expect(typed).toMatchObject({ ok: false, mistake: 'content-type' });
    expect(judgeHandshake(TEXT, 'Twitch', textReq, res(200, 'pogchamp-kappa-360noscope', { 'content-type': 'text/plain; charset=utf-8' }), secret)).toMatchObject({ ok: true });
  });

  it('names a forgotten echo header, and a wrong status', () => {
    expect(judgeHandshake(ECHO, 'Asana', asanaReq, res(200, ''), secret)).toEqual({
      ok: false,
      mistake: 'missing-header',
      message: 'no X-Hook-Secret header in the answer: Asana needs the value it sent echoed back',
    });
    expect(judgeHandshake(ECHO, 'Asana', asanaReq, res(204, '', { 'x-hook-secret': 'b537207f20cbfa02357cf448134da559' }), secret)).toMatchObject({ ok: true });
    expect(judgeHandshake(ECHO, 'Asana', asanaReq, res(500, ''), secret)).toEqual({ ok: false, mistake: 'status', message: 'answered 500, Asana needs 200 or 204' });
  });
});
