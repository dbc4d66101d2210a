// test tier: full (seconds of in-process work: it runs in `npm test`, not `npm run test:fast`)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HookctlError } from '../../src/core/errors.js';
import { parseRawRequest } from '../../src/core/http/raw-request.js';
import { BUILTIN_PROVIDERS } from '../../src/core/providers/registry.js';
import { verifyWithScheme, type SignatureSpec } from '../../src/core/signing/index.js';
import { parseSignatureHeader } from '../../src/core/signing/signature-header.js';
import { decodeAll, encodeCapture, sha256Hex } from '../../src/core/store/index.js';
import { decodeStrict } from '../../src/core/store/scan.js';

/**
 * Seeded fuzzing (fast-check, fixed seeds, so a failure replays): hostile bytes in the three parsers
 * that read what others wrote. Each must end with a value or a typed HookctlError, never another
 * exception and never a hang (the suite's timeout bounds the whole file, about 10 s of inputs).
 */
const SEED = 1313;

/** Mutations of a valid sample: flipped bytes, inserted CR/LF/NUL runs, cuts, and splices. */
function mutated(sample: Buffer): fc.Arbitrary<Buffer> {
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      bytes: fc.oneof(fc.uint8Array({ maxLength: 64 }), fc.constantFrom(Buffer.from('\r\n'), Buffer.from('\n'), Buffer.alloc(4096), Buffer.from('{"v":1,'), Buffer.from(', '))),
    }),
    fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  );
  return fc.array(edit, { maxLength: 6 }).map((edits) => {
    let b = Buffer.from(sample);
    for (const e of edits) {
      const at = b.length ? e.at % (b.length + 1) : 0;
      if (e.kind === 'flip' && at < b.length) b[at] = e.byte;
      else if (e.kind === 'insert') b = Buffer.concat([b.subarray(0, at), Buffer.from(e.bytes), b.subarray(at)]);
      else if (e.kind === 'cut') b = b.subarray(0, at);
    }
    return b;
  });
}

const typedOrValue = (run: () => unknown) => {
  try {
    run();
  } catch (err) {
    if (!(err instanceof HookctlError)) throw err;
  }
};

describe('seeded fuzzing: no untyped exception, no hang (issue 13)', () => {
  it('the raw-request parser', () => {
    const sample = Buffer.from('POST /hook?x=1 HTTP/1.1\r\nHost: x\r\nX-Hub-Signature-256: sha256=ab\r\n folded\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n');
    const plain = Buffer.from('POST / HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}');
    fc.assert(
      fc.property(
        fc.oneof(
          mutated(sample),
          mutated(plain),
          fc.uint8Array({ maxLength: 2048 }).map((a) => Buffer.from(a)),
        ),
        (input) => {
          typedOrValue(() => parseRawRequest(input, 'fuzz'));
        },
      ),
      { seed: SEED, numRuns: 8000 },
    );
  });

  it('the capture reader, lenient and strict', () => {
    const record = (n: number) => {
      const body = n % 2 ? Buffer.from(`{"n":${n},"s":"a\\"b\\n"}`) : Buffer.from([n, 0, 0xff, 0x0a]);
      return encodeCapture({
        id: `01m84vh24z0000${String(n).padStart(4, '0')}`,
        receivedAt: new Date(n).toISOString(),
        method: 'POST',
        path: '/',
        headers: [['A', 'b']],
        body,
        bodySha256: sha256Hex(body),
      });
    };
    const sample = Buffer.from(record(1) + record(2) + record(3));
    fc.assert(
      fc.property(mutated(sample), (data) => {
        const problems: unknown[] = [];
        const found = decodeAll(data, (p) => problems.push(p));
        expect(found.length).toBeLessThanOrEqual(3 + 2);
        const strict = decodeStrict(data);
        expect(typeof strict.ok).toBe('boolean');
      }),
      { seed: SEED, numRuns: 4000 },
    );
  });

  it('the signature-header parsers and verification of every built-in scheme', () => {
    const specs: { spec: SignatureSpec; provider: (typeof BUILTIN_PROVIDERS)[number] }[] = BUILTIN_PROVIDERS.flatMap((provider) => provider.scheme.signatures.map((spec) => ({ spec, provider })));
    const value = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.array(fc.constantFrom('t=1', 'v1=', 'v1,', 'sha256=', 'v0=', ',', ' ', '=', 'ab'.repeat(32), 'QUJD', '\u0000', 't=-1e309'), { maxLength: 200 }).map((p) => p.join('')),
      fc.string({ minLength: 8000, maxLength: 9000 }),
    );
    fc.assert(
      fc.property(fc.nat(), value, fc.uint8Array({ maxLength: 256 }), (i, header, body) => {
        const { spec, provider } = specs[i % specs.length] as (typeof specs)[number];
        const parsed = parseSignatureHeader(spec.format, header);
        expect(parsed.signatures.length).toBeLessThanOrEqual(64);
        const headers: Record<string, string> = { [spec.header.toLowerCase()]: header };
        for (const h of [provider.scheme.timestamp?.header, provider.scheme.id?.header]) if (h) headers[h.toLowerCase()] = header.slice(0, 20);
        const r = verifyWithScheme(provider.scheme, provider.id, { secrets: [provider.devSecret], headers, body: Buffer.from(body), now: 1_767_225_600_000 });
        expect(typeof r.ok).toBe('boolean');
      }),
      { seed: SEED, numRuns: 6000 },
    );
  });
});
