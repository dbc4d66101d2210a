import { describe, expect, it } from 'vitest';
import { hostAllowed, tokenMatches } from '../../src/core/inspector/guard.js';

describe('hostAllowed: the Host header must name this server, never a DNS name (rebinding)', () => {
  it.each([
    ['127.0.0.1:4000', true],
    ['localhost:4000', true],
    ['LOCALHOST:4000', true],
    ['[::1]:4000', true],
    ['192.168.1.20:4000', true],
    ['127.0.0.1:4001', false],
    ['127.0.0.1', false],
    ['evil.example:4000', false],
    ['127.0.0.1.nip.io:4000', false],
    ['localhost.:4000', false],
    ['[::1]', false],
    ['', false],
    [undefined, false],
    ['user@127.0.0.1:4000', false],
  ])('%s -> %s', (host, ok) => {
    expect(hostAllowed(host, 4000)).toBe(ok);
  });

  it('port 80 may be left out', () => {
    expect(hostAllowed('localhost', 80)).toBe(true);
  });
});

describe('tokenMatches', () => {
  it('accepts only the exact token, whatever the length given', () => {
    expect(tokenMatches('abc123', 'abc123')).toBe(true);
    for (const given of [undefined, '', 'abc12', 'abc1234', 'ABC123']) expect(tokenMatches(given, 'abc123')).toBe(false);
  });
});
