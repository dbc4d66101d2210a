import { describe, expect, it } from 'vitest';
import { keyProblem, secretKey } from '../../src/core/signing/crypto.js';
import { getProvider } from '../../src/core/providers/registry.js';
import { sign, verify } from '../../src/provider-api.js';

// listen remembers, per spec and secret, the derived key and whether a key suits a spec: the
// remembered answers must be the ones a fresh look gives, never another spec's.
describe('signing key caches', () => {
  const sw = getProvider('standard-webhooks', []).scheme;
  const [v1, v1a] = sw.signatures;

  it('answers per spec and per role, the same on the second asking', () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    for (let i = 0; i < 2; i++) {
      expect(keyProblem(v1!, sw.secret, secret, 'public')).toBeUndefined();
      expect(keyProblem(v1a!, sw.secret, secret, 'public')).toMatch(/key/);
      expect(keyProblem(v1!, sw.secret, 'not base64!', 'public')).toMatch(/base64/);
    }
  });

  it('derives one secret differently under two secret specs', () => {
    const utf8 = { encoding: 'utf8' as const };
    const base64 = { encoding: 'base64' as const, prefix: 'whsec_' };
    const a = secretKey('whsec_c2VjcmV0', utf8).export();
    const b = secretKey('whsec_c2VjcmV0', base64).export();
    expect(a.toString()).toBe('whsec_c2VjcmV0');
    expect(b.toString()).toBe('secret');
    expect(secretKey('whsec_c2VjcmV0', utf8).export()).toEqual(a);
  });

  it('a delivery verifies with the right secret and fails with another, however often asked', () => {
    const body = '{"type":"ping"}';
    const signed = sign({ provider: 'standard-webhooks', secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', body });
    for (let i = 0; i < 3; i++) {
      expect(verify({ provider: 'standard-webhooks', secrets: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', headers: signed.headers, body }).ok).toBe(true);
      expect(verify({ provider: 'standard-webhooks', secrets: 'whsec_AAAAr8GKYqrTwjUPD8ILPZIo2LaLaSw', headers: signed.headers, body }).ok).toBe(false);
    }
  });
});
