import { describe, expect, it } from 'vitest';
import { parseRawRequest } from '../../src/core/http/raw-request.js';

const crlf = (lines: string[]) => lines.join('\r\n');

describe('parseRawRequest', () => {
  it('reads the request line, header pairs in order with their case, and a Content-Length body', () => {
    const r = parseRawRequest(Buffer.from(crlf(['POST /webhooks?a=1 HTTP/1.1', 'Host: x', 'X-Sig: sha256=ab', 'x-sig: second', 'Content-Length: 5', '', 'hello'])));
    expect(r).toMatchObject({ method: 'POST', target: '/webhooks?a=1', httpVersion: '1.1', framing: 'content-length', trailing: 0 });
    expect(r.headers).toEqual([
      ['Host', 'x'],
      ['X-Sig', 'sha256=ab'],
      ['x-sig', 'second'],
      ['Content-Length', '5'],
    ]);
    expect(r.body.toString()).toBe('hello');
  });

  it('keeps binary bodies byte for byte', () => {
    const body = Buffer.from([0, 255, 13, 10, 13, 10, 128, 1]);
    const r = parseRawRequest(Buffer.concat([Buffer.from(crlf(['POST / HTTP/1.1', `Content-Length: ${body.length}`, '', ''])), body]));
    expect(r.body.equals(body)).toBe(true);
  });

  it('de-chunks a chunked body, with chunk extensions and trailers', () => {
    const raw = crlf(['POST / HTTP/1.1', 'Transfer-Encoding: chunked', '', '5;ext=1', 'Hello', '8', ', World!', '0', 'X-Trailer: t', '', '']);
    const r = parseRawRequest(Buffer.from(raw));
    expect(r).toMatchObject({ framing: 'chunked', trailing: 0 });
    expect(r.body.toString()).toBe('Hello, World!');
  });

  it('accepts LF-only line endings and obs-folded headers, as pasted by hand', () => {
    const r = parseRawRequest(Buffer.from('\nPOST /x HTTP/1.1\nX-Long: a\n  b\nContent-Length: 2\n\n{}'));
    expect(r.headers).toEqual([
      ['X-Long', 'a b'],
      ['Content-Length', '2'],
    ]);
    expect(r.body.toString()).toBe('{}');
  });

  it('without framing the rest is the body; after Content-Length the rest is counted, not kept', () => {
    expect(parseRawRequest(Buffer.from('POST / HTTP/1.1\r\n\r\nabc\n')).body.toString()).toBe('abc\n');
    expect(parseRawRequest(Buffer.from('POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc\n'))).toMatchObject({ trailing: 1 });
    expect(parseRawRequest(Buffer.from('GET /health HTTP/1.1\r\nHost: x\r\n')).body.length).toBe(0);
  });

  it.each([
    ['not a request', 'hello world', /its first line is not a request line/],
    ['empty', '', /it is empty/],
    ['a header without a colon', 'POST / HTTP/1.1\r\nnot a header\r\n\r\n', /line 2 is not a header line/],
    ['headers cut off mid-line', 'POST / HTTP/1.1\r\nContent-Type: application/json\r\nX-Transcodely-Sig', /stops in the middle of its headers/],
    ['a truncated Content-Length body', 'POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc', /truncated: Content-Length says 10 bytes, 3 arrived/],
    ['conflicting Content-Length', 'POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab', /conflicting Content-Length/],
    ['a truncated chunked body', 'POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\na\r\nabc', /chunked body is truncated/],
    ['a bad chunk size', 'POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n', /a chunk size line is not hexadecimal/],
  ])('rejects %s with a UsageError (exit 2)', (_name, raw, message) => {
    expect(() => parseRawRequest(Buffer.from(raw), 'stdin')).toThrow(message);
    try {
      parseRawRequest(Buffer.from(raw), 'stdin');
    } catch (err) {
      expect((err as { exitCode: number }).exitCode).toBe(2);
      expect((err as Error).message).toMatch(/^stdin is not an HTTP request: /);
    }
  });
});
