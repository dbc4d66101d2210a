import { randomBytes } from 'node:crypto';

/** A source of randomness, injected so that a seed makes every id reproducible. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
}

/** mulberry32: tiny, fast, and good enough for fixture ids (never for secrets). */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return {
    next() {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

/** Crypto-backed randomness, drawn in blocks so bursts stay cheap. */
export function cryptoRandom(): Random {
  let pool = randomBytes(0);
  let pos = 0;
  return {
    next() {
      if (pos + 4 > pool.length) {
        pool = randomBytes(4096);
        pos = 0;
      }
      const v = pool.readUInt32LE(pos);
      pos += 4;
      return v / 4294967296;
    },
  };
}

const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';

function pick(r: Random, alphabet: string, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(r.next() * alphabet.length)];
  return s;
}

export const alnum = (r: Random, n: number): string => pick(r, ALNUM, n);
export const hex = (r: Random, n: number): string => pick(r, HEX, n);
export const int = (r: Random, min: number, max: number): number => min + Math.floor(r.next() * (max - min + 1));

/** An RFC 4122 version-4 UUID drawn from `r`. */
export function uuid(r: Random): string {
  const h = hex(r, 32).split('');
  h[12] = '4';
  h[16] = HEX[(parseInt(h[16] as string, 16) & 0x3) | 0x8] as string;
  const s = h.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
