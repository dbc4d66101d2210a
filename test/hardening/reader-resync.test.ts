import { describe, expect, it } from 'vitest';
import { decodeAll, encodeCapture, sha256Hex, type ScanProblem } from '../../src/core/store/index.js';
import type { Capture } from '../../src/core/store/types.js';

const capture = (n: number): Capture => {
  const body = Buffer.from(JSON.stringify({ n, text: 'hello "world"\n' }));
  return {
    id: `01m84vh24z00007${String(n).padStart(3, '0')}`,
    receivedAt: new Date(n).toISOString(),
    method: 'POST',
    path: '/hook',
    headers: [['Content-Type', 'application/json']],
    body,
    bodySha256: sha256Hex(body),
  };
};
const records = (ns: number[]) => ns.map((n) => Buffer.from(encodeCapture(capture(n))));

function read(data: Buffer) {
  const problems: ScanProblem[] = [];
  const found = decodeAll(data, (p) => problems.push(p)).map((c) => JSON.parse(c.body.toString()).n as number);
  return { found, problems };
}

describe('the reader resynchronizes at the next record start (issue 13, break 9)', () => {
  it('a newline flipped to X loses no capture: both records around it are read', () => {
    const [a, b, c] = records([1, 2, 3]) as [Buffer, Buffer, Buffer];
    const data = Buffer.concat([a, b, c]);
    data[a.length - 1] = 0x58; // 'X'
    const { found, problems } = read(data);
    expect(found).toEqual([1, 2, 3]);
    expect(problems).toEqual([{ offset: a.length - 1, length: 1, line: 1, problem: expect.stringMatching(/not a record/) }]);
  });

  it('4,096 NUL bytes before an intact record lose only themselves, reported as one byte range', () => {
    const [a, b] = records([1, 2]) as [Buffer, Buffer];
    const data = Buffer.concat([a, Buffer.alloc(4096), b]);
    const { found, problems } = read(data);
    expect(found).toEqual([1, 2]);
    expect(problems).toEqual([{ offset: a.length, length: 4096, line: 2, problem: expect.stringMatching(/not a record/) }]);
  });

  it('a record cut in the middle and glued to the next: the next one is read, the cut range reported', () => {
    const [a, b, c] = records([1, 2, 3]) as [Buffer, Buffer, Buffer];
    const data = Buffer.concat([a, b.subarray(0, 100), c]);
    const { found, problems } = read(data);
    expect(found).toEqual([1, 3]);
    expect(problems).toEqual([expect.objectContaining({ offset: a.length, length: 100, id: '01m84vh24z00007002' })]);
  });
});
